import type { MoreStrings } from "./more-en.js";

const more: MoreStrings = {
  stars: { other: "星{n}つ" },
  gapLow: "非常に悪い",
  gapHigh: "非常に良い",
  expected: "事前の期待",
  experienced: "実際の体験",
  up: "高評価",
  down: "低評価",
  other: "その他",
  otherLabel: "その他（具体的に）",
  pickAny: "当てはまるものをすべて選んでください。",
  charsLeft: { other: "残り{n}文字" },
  charsOver: { other: "{n}文字超過" },
  needText: "回答を入力してください。",
  tooLong: "回答を短くしてください。",
};
export default more;
