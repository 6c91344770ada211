import type { LocaleStrings } from "./en.js";

// Gender-neutral wording where Hebrew allows it (infinitive and impersonal forms).
const he: LocaleStrings = {
  announce: "סקר:",
  close: "סגירת הסקר",
  submit: "שליחה",
  next: "הבא",
  skip: "דילוג",
  progress: "{n} מתוך {total}",
  point: "{n}, {label}",
  npsLow: "בכלל לא סביר",
  npsHigh: "סביר מאוד",
  csat: ["לא מרוצה בכלל", "לא מרוצה", "ניטרלי", "מרוצה", "מרוצה מאוד"],
  cesLow: "בהחלט לא",
  cesHigh: "בהחלט כן",
  needPick: "נא לבחור תשובה.",
  saveFailed: "לא ניתן היה לשמור את התשובה. נא לנסות שוב.",
  newTab: "(נפתח בכרטיסייה חדשה)",
};
export default he;
