import type { LocaleStrings } from "./en.js";

const es: LocaleStrings = {
  announce: "Encuesta:",
  close: "Cerrar la encuesta",
  submit: "Enviar",
  next: "Siguiente",
  skip: "Omitir",
  progress: "{n} de {total}",
  point: "{n}, {label}",
  npsLow: "Nada probable",
  npsHigh: "Muy probable",
  csat: ["Muy insatisfecho", "Insatisfecho", "Neutral", "Satisfecho", "Muy satisfecho"],
  cesLow: "Totalmente en desacuerdo",
  cesHigh: "Totalmente de acuerdo",
  needPick: "Elija una respuesta.",
  saveFailed: "No se pudo guardar su respuesta. Inténtelo de nuevo.",
  newTab: "(se abre en una pestaña nueva)",
};
export default es;
