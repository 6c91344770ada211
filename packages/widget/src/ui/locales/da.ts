import type { LocaleStrings } from "./en.js";

const da: LocaleStrings = {
  announce: "Spørgeskema:",
  close: "Luk spørgeskemaet",
  submit: "Send",
  next: "Næste",
  skip: "Spring over",
  progress: "{n} af {total}",
  point: "{n}, {label}",
  npsLow: "Slet ikke sandsynligt",
  npsHigh: "Meget sandsynligt",
  csat: ["Meget utilfreds", "Utilfreds", "Neutral", "Tilfreds", "Meget tilfreds"],
  cesLow: "Helt uenig",
  cesHigh: "Helt enig",
  needPick: "Vælg venligst et svar.",
  saveFailed: "Dit svar kunne ikke gemmes. Prøv igen.",
  newTab: "(åbner i en ny fane)",
};
export default da;
