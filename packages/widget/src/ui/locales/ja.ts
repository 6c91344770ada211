import type { LocaleStrings } from "./en.js";

const ja: LocaleStrings = {
  announce: "アンケート：",
  close: "アンケートを閉じる",
  submit: "送信",
  next: "次へ",
  skip: "スキップ",
  progress: "{n}/{total}",
  point: "{n}、{label}",
  npsLow: "まったく可能性はない",
  npsHigh: "非常に可能性が高い",
  csat: ["非常に不満", "不満", "どちらでもない", "満足", "非常に満足"],
  cesLow: "まったくそう思わない",
  cesHigh: "非常にそう思う",
  needPick: "回答を選んでください。",
  saveFailed: "回答を保存できませんでした。もう一度お試しください。",
  newTab: "（新しいタブで開きます）",
};
export default ja;
