import type { MoreStrings } from "./more-en.js";

// Gender-neutral wording where Hebrew allows it (infinitive and impersonal forms).
const more: MoreStrings = {
  stars: { one: "כוכב אחד", two: "שני כוכבים", other: "{n} כוכבים" },
  gapLow: "גרוע מאוד",
  gapHigh: "מצוין",
  expected: "מה שציפית",
  experienced: "מה שקיבלת",
  up: "אהבתי",
  down: "לא אהבתי",
  other: "אחר",
  otherLabel: "אחר, נא לפרט",
  pickAny: "אפשר לבחור יותר מתשובה אחת.",
  charsLeft: { one: "נותר תו אחד", two: "נותרו שני תווים", other: "נותרו {n} תווים" },
  charsOver: { one: "תו אחד מעבר למגבלה", two: "שני תווים מעבר למגבלה", other: "{n} תווים מעבר למגבלה" },
  needText: "נא לכתוב תשובה.",
  tooLong: "נא לקצר את התשובה.",
};
export default more;
