import type { LocaleStrings } from "./en.js";

const fi: LocaleStrings = {
  announce: "Kysely:",
  close: "Sulje kysely",
  submit: "Lähetä",
  next: "Seuraava",
  skip: "Ohita",
  progress: "{n}/{total}",
  point: "{n}, {label}",
  npsLow: "Erittäin epätodennäköistä",
  npsHigh: "Erittäin todennäköistä",
  csat: ["Erittäin tyytymätön", "Tyytymätön", "Neutraali", "Tyytyväinen", "Erittäin tyytyväinen"],
  cesLow: "Täysin eri mieltä",
  cesHigh: "Täysin samaa mieltä",
  needPick: "Valitse vastaus.",
  saveFailed: "Vastausta ei voitu tallentaa. Yritä uudelleen.",
  newTab: "(avautuu uuteen välilehteen)",
};
export default fi;
