import type { LocaleStrings } from "./en.js";

// French typography: a no-break space before ":".
const fr: LocaleStrings = {
  announce: "Questionnaire\u00a0:",
  close: "Fermer le questionnaire",
  submit: "Envoyer",
  next: "Suivant",
  skip: "Passer",
  progress: "{n} sur {total}",
  point: "{n}, {label}",
  npsLow: "Pas du tout probable",
  npsHigh: "Extrêmement probable",
  csat: ["Très insatisfait", "Insatisfait", "Neutre", "Satisfait", "Très satisfait"],
  cesLow: "Pas du tout d’accord",
  cesHigh: "Tout à fait d’accord",
  needPick: "Veuillez choisir une réponse.",
  saveFailed: "Votre réponse n’a pas pu être enregistrée. Veuillez réessayer.",
  newTab: "(s’ouvre dans un nouvel onglet)",
};
export default fr;
