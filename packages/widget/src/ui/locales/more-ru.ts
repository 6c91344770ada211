import type { MoreStrings } from "./more-en.js";

const more: MoreStrings = {
  stars: { one: "{n} звезда", few: "{n} звезды", many: "{n} звёзд", other: "{n} звезды" },
  gapLow: "Очень плохо",
  gapHigh: "Отлично",
  expected: "Что вы ожидали",
  experienced: "Что вы получили",
  up: "Нравится",
  down: "Не нравится",
  other: "Другое",
  otherLabel: "Другое, уточните",
  pickAny: "Можно выбрать несколько вариантов.",
  charsLeft: {
    one: "Остался {n} символ",
    few: "Осталось {n} символа",
    many: "Осталось {n} символов",
    other: "Осталось {n} символа",
  },
  charsOver: {
    one: "{n} лишний символ",
    few: "{n} лишних символа",
    many: "{n} лишних символов",
    other: "{n} лишнего символа",
  },
  needText: "Напишите ответ.",
  tooLong: "Сократите ответ.",
};
export default more;
