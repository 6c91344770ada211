import type { Page } from "@playwright/test";
import { card, openSurveyPage, type SurveyJson, uniqueId } from "./support/prompts.js";
import { answerShownStep, EVERY_KIND, everyKind, expectStep } from "./support/survey-fixtures.js";
import { expect, test } from "./support/ui-test.js";

/**
 * Every text node drawn in the card, with the language and direction it is rendered in: those of
 * its nearest ancestors that carry `lang` and `dir`.
 */
const drawnTexts = (page: Page) =>
  card(page).evaluate((el) => {
    const out: { text: string; lang: string; dir: string }[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent!.trim();
      const parent = n.parentElement!;
      if (!text || parent.closest(".sr")) continue;
      out.push({
        text,
        lang: parent.closest("[lang]")!.getAttribute("lang")!,
        dir: parent.closest("[dir]")!.getAttribute("dir")!,
      });
    }
    return out;
  });

/** `everyKind` with its Arabic translations taken out, labels and descriptions added in English only. */
function englishOnly(id: string): SurveyJson {
  const strip = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(strip)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([k]) => k !== "ar")
              .map(([k, x]) => [k, strip(x)]),
          )
        : v;
  const survey = strip(everyKind(id)) as SurveyJson;
  for (const step of survey.steps) {
    if (step.kind === "nps") Object.assign(step, { description: { en: "Be honest." }, lowLabel: { en: "Never" } });
    if (step.kind === "gap")
      Object.assign(step, { expectedLabel: { en: "Expected" }, experiencedLabel: { en: "Got" } });
  }
  return survey;
}

test("in an Arabic prompt, every survey text that falls back to English carries lang=en and dir=ltr", async ({
  page,
  host,
  collector,
}) => {
  test.setTimeout(60_000);
  const survey = englishOnly(uniqueId("bidi"));
  const english = new Set(
    JSON.stringify(survey)
      .match(/"en":"[^"]*"/g)!
      .map((m) => JSON.parse(`{${m}}`).en),
  );
  await openSurveyPage(page, host, collector, [survey], { locale: "ar" });
  const root = page.locator("sonde-prompt .root");
  await expect(root).toHaveAttribute("lang", "ar");
  await expect(root).toHaveAttribute("dir", "rtl");
  const seen = new Set<string>();
  for (const id of EVERY_KIND) {
    await expectStep(page, survey, id);
    if (id === "single") await card(page).getByRole("radio").nth(3).check(); // "Other", with its field
    if (id === "open") {
      // The English placeholder runs left to right; what the person types, in its own direction.
      const field = card(page).locator("textarea");
      await expect(field).toHaveAttribute("placeholder", "Your idea…");
      await expect(field).toHaveCSS("direction", "ltr");
      await field.fill("فكرة");
      await expect(field).toHaveCSS("direction", "rtl");
      await field.fill("");
    }
    for (const t of await drawnTexts(page)) {
      // The survey's English in English; Sonde's own strings (buttons, labels, counts) in Arabic.
      const want = english.has(t.text) ? { lang: "en", dir: "ltr" } : { lang: "ar", dir: "rtl" };
      expect({ ...t, step: id }).toEqual({ ...t, ...want, step: id });
      if (english.has(t.text)) seen.add(t.text);
    }
    await answerShownStep(page, id);
  }
  // Question, description, end label, choices, gap labels, thank-you and its link were all drawn.
  for (const text of ["Be honest.", "Never", "Researcher", "Expected", "Got", "See our roadmap"])
    expect(seen).toContain(text);
});

// A question in English in an Arabic prompt: translated with the survey naming its language, or a
// plain string in a survey that names none (its direction then comes from its own letters).
const englishQuestions: [string, SurveyJson["steps"][number]["question"], string | undefined][] = [
  ["a fallen-back translation", { en: "How likely are you to recommend Lumen?" }, "en"],
  ["a plain string of unnamed language", "How likely are you to recommend Lumen?", undefined],
];
for (const [what, question, defaultLocale] of englishQuestions)
  test(`${what} reads in its own direction in an Arabic prompt: the question mark ends it`, async ({
    page,
    host,
    collector,
  }) => {
    const survey: SurveyJson = {
      id: uniqueId("bidi-mark"),
      ...(defaultLocale ? { defaultLocale } : {}),
      steps: [{ kind: "nps", id: "score", question }],
    };
    await openSurveyPage(page, host, collector, [survey], { locale: "ar" });
    const h2 = card(page).locator("h2");
    await expect(h2).toHaveText("How likely are you to recommend Lumen?");
    // Where the first and last characters are drawn: left to right, "H" first and "?" last. Read
    // until the card has settled (it slides in): measured mid-entrance, positions are in motion.
    const drawn = () =>
      h2.evaluate((el) => {
        const text = el.querySelector("[dir]")!.firstChild!;
        const at = (i: number) => {
          const r = document.createRange();
          r.setStart(text, i);
          r.setEnd(text, i + 1);
          return r.getBoundingClientRect().x;
        };
        return at(text.textContent!.length - 1) - at(0);
      });
    await expect.poll(drawn, { timeout: 5000 }).toBeGreaterThan(0);
    // The heading block keeps the prompt's direction: the card's layout does not flip.
    await expect(h2).toHaveCSS("direction", "rtl");
  });

test("Arabic falling back into an English prompt carries lang=ar and dir=rtl; text in the prompt's language nothing", async ({
  page,
  host,
  collector,
}) => {
  const survey: SurveyJson = {
    id: uniqueId("bidi-ar"),
    defaultLocale: "ar",
    steps: [
      {
        kind: "nps",
        id: "score",
        question: { en: "How likely are you to recommend Lumen?", ar: "ما مدى احتمال أن توصي بـ Lumen؟" },
        description: { ar: "كن صريحًا." },
        highLabel: "بالتأكيد",
      },
    ],
  };
  await openSurveyPage(page, host, collector, [survey], { locale: "en" });
  await expect(card(page).locator("h2")).toHaveText("How likely are you to recommend Lumen?");
  expect(await drawnTexts(page)).toEqual(
    expect.arrayContaining([
      { text: "How likely are you to recommend Lumen?", lang: "en", dir: "ltr" },
      { text: "كن صريحًا.", lang: "ar", dir: "rtl" },
      { text: "بالتأكيد", lang: "ar", dir: "rtl" },
      { text: "Not at all likely", lang: "en", dir: "ltr" },
    ]),
  );
  await expect(card(page).locator("h2 [lang]")).toHaveCount(0);
});

test("on a phone, a fallen-back end label still sits right above 0, where the Arabic row starts", async ({
  browser,
  host,
  collector,
}) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  const survey: SurveyJson = {
    id: uniqueId("bidi-phone"),
    defaultLocale: "en",
    steps: [{ kind: "nps", id: "score", question: { ar: "ما مدى احتمال؟" }, lowLabel: { en: "Never" } }],
  };
  await openSurveyPage(page, host, collector, [survey], { locale: "ar" });
  const zero = (await card(page).getByRole("radio", { name: "0، Never" }).boundingBox())!;
  const label = await card(page)
    .locator(".ends [lang=en]")
    .evaluate((el) => {
      const r = document.createRange();
      r.selectNodeContents(el);
      const box = r.getBoundingClientRect();
      return { right: box.right, bottom: box.bottom };
    });
  expect(label.bottom).toBeLessThanOrEqual(zero.y);
  expect(Math.abs(label.right - (zero.x + zero.width))).toBeLessThan(2);
  await context.close();
});
