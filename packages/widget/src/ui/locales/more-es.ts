import type { MoreStrings } from "./more-en.js";

const more: MoreStrings = {
  stars: { one: "{n} estrella", other: "{n} estrellas" },
  gapLow: "Muy malo",
  gapHigh: "Excelente",
  expected: "Lo que esperaba",
  experienced: "Lo que obtuvo",
  up: "Pulgar arriba",
  down: "Pulgar abajo",
  other: "Otro",
  otherLabel: "Otro, especifique",
  pickAny: "Seleccione todas las que correspondan.",
  charsLeft: { one: "Queda {n} carácter", other: "Quedan {n} caracteres" },
  charsOver: { one: "{n} carácter de más", other: "{n} caracteres de más" },
  needText: "Escriba una respuesta.",
  tooLong: "Acorte su respuesta.",
};
export default more;
