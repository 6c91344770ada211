import type { MoreStrings } from "./more-en.js";

// Modern Standard Arabic; counts agree with the number (zero, one, two, few, many, other).
const more: MoreStrings = {
  stars: { one: "نجمة واحدة", two: "نجمتان", few: "{n} نجوم", other: "{n} نجمة" },
  gapLow: "سيئ جدًا",
  gapHigh: "ممتاز",
  expected: "ما توقعته",
  experienced: "ما حصلت عليه",
  up: "إعجاب",
  down: "عدم إعجاب",
  other: "غير ذلك",
  otherLabel: "غير ذلك، يرجى التحديد",
  pickAny: "اختر كل ما ينطبق.",
  charsLeft: {
    zero: "لم يتبقَّ أي حرف",
    one: "تبقّى حرف واحد",
    two: "تبقّى حرفان",
    few: "تبقّت {n} أحرف",
    many: "تبقّى {n} حرفًا",
    other: "تبقّى {n} حرف",
  },
  charsOver: {
    zero: "لا أحرف زائدة",
    one: "حرف واحد زائد",
    two: "حرفان زائدان",
    few: "{n} أحرف زائدة",
    many: "{n} حرفًا زائدًا",
    other: "{n} حرف زائد",
  },
  needText: "يُرجى كتابة إجابة.",
  tooLong: "يُرجى اختصار إجابتك.",
};
export default more;
