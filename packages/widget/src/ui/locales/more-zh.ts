import type { MoreStrings } from "./more-en.js";

// Simplified Chinese; full-width punctuation.
const more: MoreStrings = {
  stars: { other: "{n} 星" },
  gapLow: "非常差",
  gapHigh: "非常好",
  expected: "您的预期",
  experienced: "您的实际体验",
  up: "赞",
  down: "踩",
  other: "其他",
  otherLabel: "其他（请注明）",
  pickAny: "可多选。",
  charsLeft: { other: "还可输入 {n} 个字符" },
  charsOver: { other: "超出 {n} 个字符" },
  needText: "请输入您的回答。",
  tooLong: "请缩短您的回答。",
};
export default more;
