import type { MoreStrings } from "./more-en.js";

const more: MoreStrings = {
  stars: { one: "{n} tähti", other: "{n} tähteä" },
  gapLow: "Erittäin huono",
  gapHigh: "Erinomainen",
  expected: "Odotuksesi",
  experienced: "Kokemuksesi",
  up: "Peukku ylös",
  down: "Peukku alas",
  other: "Muu",
  otherLabel: "Muu, mikä?",
  pickAny: "Valitse kaikki sopivat.",
  charsLeft: { one: "{n} merkki jäljellä", other: "{n} merkkiä jäljellä" },
  charsOver: { one: "{n} merkki liikaa", other: "{n} merkkiä liikaa" },
  needText: "Kirjoita vastaus.",
  tooLong: "Lyhennä vastaustasi.",
};
export default more;
