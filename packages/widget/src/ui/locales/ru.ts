import type { LocaleStrings } from "./en.js";

const ru: LocaleStrings = {
  announce: "Опрос:",
  close: "Закрыть опрос",
  submit: "Отправить",
  next: "Далее",
  skip: "Пропустить",
  progress: "{n} из {total}",
  point: "{n}, {label}",
  npsLow: "Крайне маловероятно",
  npsHigh: "Очень вероятно",
  csat: ["Совсем не устраивает", "Скорее не устраивает", "Нейтрально", "Скорее устраивает", "Полностью устраивает"],
  cesLow: "Полностью не согласен",
  cesHigh: "Полностью согласен",
  needPick: "Выберите ответ.",
  saveFailed: "Не удалось сохранить ответ. Попробуйте ещё раз.",
  newTab: "(откроется в новой вкладке)",
};
export default ru;
