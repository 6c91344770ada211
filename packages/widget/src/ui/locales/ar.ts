import type { LocaleStrings } from "./en.js";

// Modern Standard Arabic; counts agree with the number (zero, one, two, few, many, other).
const ar: LocaleStrings = {
  announce: "استبيان:",
  close: "إغلاق الاستبيان",
  submit: "إرسال",
  next: "التالي",
  skip: "تخطي",
  progress: "{n} من {total}",
  point: "{n}، {label}",
  npsLow: "غير محتمل إطلاقًا",
  npsHigh: "محتمل جدًا",
  csat: ["غير راضٍ إطلاقًا", "غير راضٍ", "محايد", "راضٍ", "راضٍ جدًا"],
  cesLow: "أعارض بشدة",
  cesHigh: "أوافق بشدة",
  needPick: "يُرجى اختيار إجابة.",
  saveFailed: "تعذّر حفظ إجابتك. يُرجى المحاولة مرة أخرى.",
  newTab: "(يُفتح في علامة تبويب جديدة)",
};
export default ar;
