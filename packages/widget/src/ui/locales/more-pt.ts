import type { MoreStrings } from "./more-en.js";

const more: MoreStrings = {
  stars: { one: "{n} estrela", other: "{n} estrelas" },
  gapLow: "Muito ruim",
  gapHigh: "Excelente",
  expected: "O que você esperava",
  experienced: "O que você recebeu",
  up: "Polegar para cima",
  down: "Polegar para baixo",
  other: "Outro",
  otherLabel: "Outro, especifique",
  pickAny: "Selecione todas as opções que se aplicam.",
  charsLeft: { one: "{n} caractere restante", other: "{n} caracteres restantes" },
  charsOver: { one: "{n} caractere a mais", other: "{n} caracteres a mais" },
  needText: "Escreva uma resposta.",
  tooLong: "Encurte sua resposta.",
};
export default more;
