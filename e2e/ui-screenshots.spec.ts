import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "@playwright/test";
import type { CollectorProcess } from "./support/collector.js";
import { repoRoot } from "./support/collector.js";
import type { TestHost } from "./support/host.js";
import { card, openSurveyPage, type SurveyJson, uniqueId } from "./support/prompts.js";
import { answerShownStep, EVERY_KIND, everyKind, expectStep } from "./support/survey-fixtures.js";
import { expect, test } from "./support/ui-test.js";

// The README's pictures, taken from the real build on a plain host page. They are written to
// .artifacts/screenshots on every run (look at them); UPDATE_SCREENSHOTS=1 also refreshes docs/screenshots.
const out = [join(repoRoot, ".artifacts/screenshots")];
if (process.env.UPDATE_SCREENSHOTS) out.push(join(repoRoot, "docs/screenshots"));
const save = (name: string, png: Buffer) => {
  for (const dir of out) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), png);
  }
};

const SITE = `<style>body{margin:0;font-family:"Noto Sans","DejaVu Sans",sans-serif;background:#f3f4f7;color:#1c1d21}
main{padding:32px 40px}h1{margin:0 0 8px;font-size:28px}p{margin:0;color:#555a66}</style>`;
const SITE_DARK = `${SITE}<style>body{background:#111318;color:#eef0f4}p{color:#b3b8c5}</style>`;

/** The card and its shadow, with a margin of page around it. */
async function cardShot(page: Page, margin = 24): Promise<Buffer> {
  const b = (await card(page).boundingBox())!;
  const v = page.viewportSize()!;
  const x = Math.max(0, b.x - margin);
  const y = Math.max(0, b.y - margin);
  return page.screenshot({
    clip: {
      x,
      y,
      width: Math.min(v.width, b.x + b.width + margin) - x,
      height: Math.min(v.height, b.y + b.height + margin) - y,
    },
  });
}

/** One picture per step of `everyKind`, laid out in a grid on a page of their own. */
async function everyStep(
  browser: Browser,
  host: TestHost,
  collector: CollectorProcess,
  lang: string,
  mode: "light" | "dark",
) {
  const page = await browser.newPage({
    viewport: { width: 520, height: 760 },
    reducedMotion: "reduce",
    colorScheme: mode,
  });
  const survey = everyKind(uniqueId("shots"), { theme: { mode } });
  await openSurveyPage(page, host, collector, [survey], { lang, head: mode === "dark" ? SITE_DARK : SITE });
  const shots: Buffer[] = [];
  for (const id of EVERY_KIND) {
    await expectStep(page, survey, id, lang);
    shots.push(await cardShot(page, 0));
    await answerShownStep(page, id);
  }
  await page.setViewportSize({ width: 1360, height: 800 });
  await page.setContent(
    `<style>body{margin:0;padding:24px;display:grid;grid-template-columns:repeat(3,max-content);gap:24px;align-items:start;
background:${mode === "dark" ? "#111318" : "#f3f4f7"};direction:${lang === "ar" ? "rtl" : "ltr"}}
img{border-radius:12px;box-shadow:0 8px 24px rgb(16 18 27/.18)}</style>${shots
      .map((png) => `<img src="data:image/png;base64,${png.toString("base64")}">`)
      .join("")}`,
  );
  await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
  const grid = await page.screenshot({ fullPage: true });
  await page.close();
  return grid;
}

test.describe("README screenshots", () => {
  test.setTimeout(60_000);

  test("every kind, light, left to right (English)", async ({ browser, host, collector }) => {
    save("kinds-light-ltr.png", await everyStep(browser, host, collector, "en", "light"));
  });

  test("every kind, dark, right to left (Arabic)", async ({ browser, host, collector }) => {
    save("kinds-dark-rtl.png", await everyStep(browser, host, collector, "ar", "dark"));
  });

  for (const [name, lang, mode, question] of [
    ["nps-light-ltr", "en", "light", "How likely are you to recommend Lumen to a friend or colleague?"],
    ["nps-dark-ltr", "de", "dark", "Wie wahrscheinlich ist es, dass Sie Lumen einem Freund oder Kollegen empfehlen?"],
    ["nps-light-rtl", "he", "light", "עד כמה סביר שתמליצו על Lumen לחבר או לעמית?"],
    ["nps-dark-rtl", "ar", "dark", "ما مدى احتمال أن توصي بـ Lumen لصديق أو زميل؟"],
  ] as const) {
    test(`NPS on a page: ${name}`, async ({ browser, host, collector }) => {
      const page = await browser.newPage({
        viewport: { width: 760, height: 420 },
        deviceScaleFactor: 2,
        reducedMotion: "reduce",
      });
      const survey: SurveyJson = {
        id: uniqueId(name),
        appearance: { theme: { mode } },
        steps: [
          { kind: "nps", id: "score", question },
          { kind: "open", id: "why", question: "?" },
        ],
      };
      const tagline = {
        en: "Research notes for teams.",
        de: "Forschungsnotizen für Teams.",
        he: "הערות מחקר לצוותים.",
        ar: "ملاحظات بحثية للفرق.",
      }[lang];
      const dir = lang === "ar" || lang === "he" ? "rtl" : "ltr";
      await openSurveyPage(page, host, collector, [survey], {
        lang,
        head: mode === "dark" ? SITE_DARK : SITE,
        body: `<main dir="${dir}"><h1>Lumen</h1><p>${tagline}</p></main>`,
      });
      await expect(card(page)).toBeVisible();
      await card(page).getByRole("radio").nth(9).click();
      await page.mouse.move(0, 0);
      save(`${name}.png`, await page.screenshot());
      await page.close();
    });
  }

  test("a 320 px phone: the prompt becomes a bottom sheet", async ({ browser, host, collector }) => {
    // A phone has a touch screen: 44 px targets, the NPS in two rows.
    const page = await browser.newPage({
      viewport: { width: 320, height: 568 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
      reducedMotion: "reduce",
    });
    const survey = everyKind(uniqueId("phone"));
    await openSurveyPage(page, host, collector, [survey], {
      head: SITE,
      body: `<main><h1>Lumen</h1><p>Research notes for teams.</p></main>`,
    });
    await expect(card(page)).toBeVisible();
    save("phone-320.png", await page.screenshot());
    await page.close();
  });

  test("the centre modal", async ({ browser, host, collector }) => {
    const page = await browser.newPage({
      viewport: { width: 760, height: 460 },
      deviceScaleFactor: 2,
      reducedMotion: "reduce",
    });
    const survey = everyKind(uniqueId("modal"), { position: "center" });
    await openSurveyPage(page, host, collector, [survey], {
      head: SITE,
      body: `<main><h1>Lumen</h1><p>Research notes for teams.</p></main>`,
    });
    await answerShownStep(page, "nps");
    await expectStep(page, survey, "csat");
    await card(page).getByRole("radio").nth(3).click();
    save("modal-center.png", await page.screenshot());
    await page.close();
  });
});
