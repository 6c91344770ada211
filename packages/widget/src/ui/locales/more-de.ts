import type { MoreStrings } from "./more-en.js";

const more: MoreStrings = {
  stars: { one: "{n} Stern", other: "{n} Sterne" },
  gapLow: "Sehr schlecht",
  gapHigh: "Ausgezeichnet",
  expected: "Ihre Erwartung",
  experienced: "Ihre Erfahrung",
  up: "Daumen hoch",
  down: "Daumen runter",
  other: "Sonstiges",
  otherLabel: "Sonstiges, bitte angeben",
  pickAny: "Mehrfachauswahl möglich.",
  charsLeft: { one: "Noch {n} Zeichen", other: "Noch {n} Zeichen" },
  charsOver: { one: "{n} Zeichen zu viel", other: "{n} Zeichen zu viel" },
  needText: "Bitte geben Sie eine Antwort ein.",
  tooLong: "Bitte kürzen Sie Ihre Antwort.",
};
export default more;
