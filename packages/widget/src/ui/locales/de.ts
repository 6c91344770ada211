import type { LocaleStrings } from "./en.js";

const de: LocaleStrings = {
  announce: "Umfrage:",
  close: "Umfrage schließen",
  submit: "Senden",
  next: "Weiter",
  skip: "Überspringen",
  progress: "{n} von {total}",
  point: "{n}, {label}",
  npsLow: "Überhaupt nicht wahrscheinlich",
  npsHigh: "Äußerst wahrscheinlich",
  csat: ["Sehr unzufrieden", "Unzufrieden", "Neutral", "Zufrieden", "Sehr zufrieden"],
  cesLow: "Stimme überhaupt nicht zu",
  cesHigh: "Stimme voll und ganz zu",
  needPick: "Bitte wählen Sie eine Antwort.",
  saveFailed: "Ihre Antwort konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.",
  newTab: "(öffnet in neuem Tab)",
};
export default de;
