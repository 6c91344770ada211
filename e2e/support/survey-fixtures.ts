import { expect, type Page } from "@playwright/test";
import { card, type SurveyJson } from "./prompts.js";

/** Every kind of step, in English and Arabic (the right-to-left screenshots and checks use it too). */
export function everyKind(id: string, appearance?: SurveyJson["appearance"]): SurveyJson {
  return {
    id,
    defaultLocale: "en",
    ...(appearance ? { appearance } : {}),
    steps: [
      {
        kind: "nps",
        id: "nps",
        question: {
          en: "How likely are you to recommend Lumen to a friend or colleague?",
          ar: "ما مدى احتمال أن توصي بـ Lumen لصديق أو زميل؟",
        },
      },
      {
        kind: "csat",
        id: "csat",
        question: { en: "How satisfied are you with search?", ar: "ما مدى رضاك عن البحث؟" },
      },
      {
        kind: "csat",
        id: "emoji",
        display: "emoji",
        question: { en: "How did your export go?", ar: "كيف كانت عملية التصدير؟" },
      },
      {
        kind: "csat",
        id: "stars",
        display: "stars",
        question: { en: "How would you rate the new editor?", ar: "كيف تقيّم المحرر الجديد؟" },
      },
      {
        kind: "ces",
        id: "ces",
        question: { en: "Lumen made it easy to share my notes.", ar: "سهّل Lumen مشاركة ملاحظاتي." },
      },
      {
        kind: "gap",
        id: "gap",
        question: { en: "How fast was our support?", ar: "ما مدى سرعة فريق الدعم لدينا؟" },
      },
      {
        kind: "thumbs",
        id: "thumbs",
        question: { en: "Was this article helpful?", ar: "هل كانت هذه المقالة مفيدة؟" },
      },
      {
        kind: "open",
        id: "open",
        question: { en: "What should we improve first?", ar: "ما الذي يجب أن نحسّنه أولًا؟" },
        placeholder: { en: "Your idea…", ar: "فكرتك…" },
        maxLength: 200,
      },
      {
        kind: "single",
        id: "single",
        question: { en: "What is your role?", ar: "ما دورك؟" },
        choices: [
          { id: "research", label: { en: "Researcher", ar: "باحث" } },
          { id: "design", label: { en: "Designer", ar: "مصمم" } },
          { id: "product", label: { en: "Product manager", ar: "مدير منتج" } },
        ],
        other: true,
      },
      {
        kind: "multiple",
        id: "multiple",
        question: { en: "Which features do you use?", ar: "ما الميزات التي تستخدمها؟" },
        choices: [
          { id: "tags", label: { en: "Tags", ar: "الوسوم" } },
          { id: "search", label: { en: "Search", ar: "البحث" } },
          { id: "export", label: { en: "Export", ar: "التصدير" } },
        ],
        other: true,
      },
      {
        kind: "thanks",
        id: "thanks",
        question: { en: "Thank you — that helps us a lot.", ar: "شكرًا لك، هذا يساعدنا كثيرًا." },
        description: { en: "We read every answer.", ar: "نقرأ كل إجابة." },
        link: { url: "https://example.com/roadmap", label: { en: "See our roadmap", ar: "اطّلع على خطتنا" } },
        // Kept open for the checks and pictures taken of it; e2e/ui-thanks.spec.ts covers closing by itself.
        closeAfter: false,
      },
    ],
  };
}

/** The kinds of `everyKind`, in order, as the prompt shows them. */
export const EVERY_KIND = [
  "nps",
  "csat",
  "emoji",
  "stars",
  "ces",
  "gap",
  "thumbs",
  "open",
  "single",
  "multiple",
  "thanks",
] as const;

/**
 * Answers the step on screen without relying on its language: picks a point or choice, types text;
 * then submits it with the button, unless `submit` is false.
 */
export async function answerShownStep(page: Page, id: (typeof EVERY_KIND)[number], submit = true): Promise<void> {
  const c = card(page);
  const radios = c.locator(".scale").first().getByRole("radio");
  switch (id) {
    case "gap":
      await radios.nth(1).click();
      await c.locator(".scale").nth(1).getByRole("radio").nth(3).click();
      break;
    case "open":
      await c.locator("textarea").fill("Faster sync, please.");
      break;
    case "single":
      await c.getByRole("radio").nth(1).check();
      break;
    case "multiple":
      await c.getByRole("checkbox").nth(0).check();
      await c.getByRole("checkbox").nth(2).check();
      break;
    case "thanks":
      return;
    default:
      await radios.nth(id === "nps" ? 9 : id === "thumbs" ? 0 : 3).click();
  }
  if (submit) await c.locator("button.go").click();
}

/** The answers `answerShownStep` gives, as stored. */
export const EVERY_KIND_ANSWERS = {
  nps: { kind: "nps", value: 9 },
  csat: { kind: "csat", value: 4, scale: 5 },
  emoji: { kind: "csat", value: 4, scale: 5 },
  stars: { kind: "csat", value: 4, scale: 5 },
  ces: { kind: "ces", value: 4, scale: 7 },
  gap: { kind: "gap", expected: 2, experienced: 4, scale: 5 },
  thumbs: { kind: "thumbs", value: "up" },
  open: { kind: "open", value: "Faster sync, please." },
  single: { kind: "single", value: "design" },
  multiple: { kind: "multiple", value: ["tags", "export"] },
};

/** Waits until the prompt shows the step `id` of `survey`, by its question in `lang`. */
export async function expectStep(page: Page, survey: SurveyJson, id: string, lang = "en"): Promise<void> {
  const step = survey.steps.find((s) => s.id === id)!;
  const q = step.question;
  const text = typeof q === "string" ? q : (q[lang] ?? q.en!);
  await expect(card(page).locator("h2")).toHaveText(text);
}
