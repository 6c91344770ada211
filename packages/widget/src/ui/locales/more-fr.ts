import type { MoreStrings } from "./more-en.js";

const more: MoreStrings = {
  stars: { one: "{n} étoile", other: "{n} étoiles" },
  gapLow: "Très mauvais",
  gapHigh: "Excellent",
  expected: "Vos attentes",
  experienced: "Votre expérience",
  up: "Pouce levé",
  down: "Pouce baissé",
  other: "Autre",
  otherLabel: "Autre, précisez",
  pickAny: "Plusieurs réponses possibles.",
  charsLeft: { one: "{n} caractère restant", other: "{n} caractères restants" },
  charsOver: { one: "{n} caractère en trop", other: "{n} caractères en trop" },
  needText: "Veuillez saisir une réponse.",
  tooLong: "Veuillez raccourcir votre réponse.",
};
export default more;
