import type { MoreStrings } from "./more-en.js";

const more: MoreStrings = {
  stars: { one: "{n} stjerne", other: "{n} stjerner" },
  gapLow: "Meget dårligt",
  gapHigh: "Fremragende",
  expected: "Din forventning",
  experienced: "Din oplevelse",
  up: "Tommel op",
  down: "Tommel ned",
  other: "Andet",
  otherLabel: "Andet, angiv venligst",
  pickAny: "Vælg alle, der passer.",
  charsLeft: { one: "{n} tegn tilbage", other: "{n} tegn tilbage" },
  charsOver: { one: "{n} tegn for meget", other: "{n} tegn for meget" },
  needText: "Skriv venligst et svar.",
  tooLong: "Forkort venligst dit svar.",
};
export default more;
