import type { LocaleStrings } from "./en.js";

// Simplified Chinese; full-width punctuation.
const zh: LocaleStrings = {
  announce: "问卷：",
  close: "关闭问卷",
  submit: "提交",
  next: "下一步",
  skip: "跳过",
  progress: "{n}/{total}",
  point: "{n}，{label}",
  npsLow: "完全不可能",
  npsHigh: "非常可能",
  csat: ["非常不满意", "不满意", "一般", "满意", "非常满意"],
  cesLow: "非常不同意",
  cesHigh: "非常同意",
  needPick: "请选择一个答案。",
  saveFailed: "无法保存您的回答，请重试。",
  newTab: "（在新标签页中打开）",
};
export default zh;
