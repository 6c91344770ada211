import type { LocaleStrings } from "./en.js";

const da: LocaleStrings = {
  surveyLabel: "Spørgeskema",
  close: "Luk spørgeskemaet",
  submit: "Send",
  next: "Næste",
  npsLow: "Slet ikke sandsynligt",
  npsHigh: "Meget sandsynligt",
  thanks: "Tak!",
};
export default da;
