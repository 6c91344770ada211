import type { Page } from "@playwright/test";
import { card, openSurveyPage, type SurveyJson, uniqueId } from "./support/prompts.js";
import { answerShownStep, EVERY_KIND, everyKind, expectStep } from "./support/survey-fixtures.js";
import { expect, prompt, test } from "./support/ui-test.js";

const nps = (id: string, appearance?: SurveyJson["appearance"]): SurveyJson => ({
  id,
  ...(appearance ? { appearance } : {}),
  steps: [{ kind: "nps", id: "score", question: "How likely are you to recommend Lumen?" }],
});
// Text on the brand is computed in LCH (relative colour syntax): black or white.
const BLACK = /^(rgb\(0, 0, 0\)|lch\(0 0 0\))$/;
const WHITE = /^(rgb\(255, 255, 255\)|lch\(100 0 0\))$/;
const W = 1000;
const H = 700;
const box = async (page: Page) => (await card(page).boundingBox())!;

test.describe("positions", () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: W, height: H });
    // Measure where the card rests, not where its entrance animation passes.
    await page.emulateMedia({ reducedMotion: "reduce" });
  });

  test("bottom-right (the default) sits 16 px from the bottom and right edges", async ({ page, host, collector }) => {
    await openSurveyPage(page, host, collector, [nps(uniqueId("pos"))]);
    const b = await box(page);
    expect(Math.round(W - (b.x + b.width))).toBe(16);
    expect(Math.round(H - (b.y + b.height))).toBe(16);
  });

  test("bottom-left mirrors it", async ({ page, host, collector }) => {
    await openSurveyPage(page, host, collector, [nps(uniqueId("pos"), { position: "bottom-left" })]);
    const b = await box(page);
    expect(Math.round(b.x)).toBe(16);
    expect(Math.round(H - (b.y + b.height))).toBe(16);
  });

  test("corners follow the reading direction: bottom-right sits bottom-left in Arabic", async ({
    page,
    host,
    collector,
  }) => {
    await openSurveyPage(page, host, collector, [nps(uniqueId("pos"), { position: "bottom-right" })], { locale: "ar" });
    const b = await box(page);
    expect(Math.round(b.x)).toBe(16);
  });

  test("top and bottom banners span the viewport at its edge", async ({ page, host, collector }) => {
    await openSurveyPage(page, host, collector, [nps(uniqueId("pos"), { position: "top-banner" })]);
    let b = await box(page);
    expect([b.x, b.y, b.width]).toEqual([0, 0, W]);
    await openSurveyPage(page, host, collector, [nps(uniqueId("pos"), { position: "bottom-banner" })]);
    b = await box(page);
    expect([b.x, Math.round(b.y + b.height), b.width]).toEqual([0, H, W]);
  });

  test("center is a modal over a backdrop that covers the page", async ({ page, host, collector }) => {
    await openSurveyPage(page, host, collector, [nps(uniqueId("pos"), { position: "center" })]);
    const b = await box(page);
    expect(Math.abs(b.x + b.width / 2 - W / 2)).toBeLessThan(1);
    expect(Math.abs(b.y + b.height / 2 - H / 2)).toBeLessThan(1);
    await expect(card(page)).toHaveAttribute("aria-modal", "true");
    // The backdrop is the prompt: a click at the page's corner lands on it and dismisses.
    expect(await page.evaluate(() => document.elementFromPoint(5, 5)?.tagName)).toBe("SONDE-PROMPT");
    await page.mouse.click(5, 5);
    await expect(prompt(page)).toHaveCount(0);
  });

  test("inline renders in the page's flow, inside the selected element, not over it", async ({
    page,
    host,
    collector,
  }) => {
    const body = `<main><h1>Docs</h1><div id="feedback" style="width:480px"></div><p id="after">After the slot.</p></main>`;
    await openSurveyPage(page, host, collector, [nps(uniqueId("pos"), { position: "inline", selector: "#feedback" })], {
      body,
    });
    await expect(page.locator("#feedback > sonde-prompt")).toHaveCount(1);
    await expect(card(page)).toHaveAttribute("role", "region");
    const b = await box(page);
    const slot = (await page.locator("#feedback").boundingBox())!;
    const after = (await page.locator("#after").boundingBox())!;
    expect([b.x, b.width]).toEqual([slot.x, 480]);
    expect(after.y).toBeGreaterThanOrEqual(b.y + b.height);
  });

  test("an inline survey whose selector matches nothing is not shown, and says why", async ({
    page,
    host,
    collector,
  }) => {
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await openSurveyPage(page, host, collector, [nps(uniqueId("pos"), { position: "inline", selector: "#missing" })]);
    await expect.poll(() => errors.join("\n")).toContain('appearance.selector "#missing" matches no element');
    await expect(prompt(page)).toHaveCount(0);
  });
});

test("at 320 px wide every kind fits: no overflow, no point narrower or lower than 24 px", async ({
  page,
  host,
  collector,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const survey = everyKind(uniqueId("narrow"));
  await openSurveyPage(page, host, collector, [survey]);
  for (const id of EVERY_KIND) {
    await expectStep(page, survey, id);
    const b = await box(page);
    expect(b.x, id).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width, id).toBeLessThanOrEqual(320);
    const overflow = await card(page).evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, `${id} overflows sideways`).toBe(0);
    for (const target of await card(page).locator("[role=radio], button, input, textarea").all()) {
      const t = (await target.boundingBox())!;
      expect(
        Math.min(t.width, t.height),
        `${id}: ${await target.evaluate((e) => e.outerHTML.slice(0, 80))}`,
      ).toBeGreaterThanOrEqual(id === "single" || id === "multiple" ? 18 : 24);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await answerShownStep(page, id);
  }
});

test("on a touch screen the points, buttons and close are at least 44 px high", async ({
  browser,
  host,
  collector,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await openSurveyPage(page, host, collector, [nps(uniqueId("touch"))]);
  expect(await page.evaluate(() => matchMedia("(pointer: coarse)").matches)).toBe(true);
  for (const target of await card(page).locator("button").all())
    expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await context.close();
});

test.describe("theme", () => {
  test("the survey's brand, radius, font and z-index apply; text on the brand stays readable", async ({
    page,
    host,
    collector,
  }) => {
    const theme = { brand: "#ffd23f", radius: "4px", font: "Georgia, serif", zIndex: 42 };
    await openSurveyPage(page, host, collector, [nps(uniqueId("theme"), { theme })]);
    const go = card(page).locator("button.go");
    await expect(go).toHaveCSS("background-color", "rgb(255, 210, 63)");
    // A light brand gets dark text (and a dark brand white text), whichever contrasts more.
    await expect(go).toHaveCSS("color", BLACK);
    await expect(card(page)).toHaveCSS("border-radius", "4px");
    await expect(card(page).locator("h2")).toHaveCSS("font-family", "Georgia, serif");
    await expect(prompt(page)).toHaveCSS("z-index", "42");
  });

  test("by default the prompt takes the host's font; the host may theme it with --sonde-* properties", async ({
    page,
    host,
    collector,
  }) => {
    const head = `<style>body{font-family:"Liberation Mono",monospace} sonde-prompt{--sonde-brand:#0b5d1e}</style>`;
    await openSurveyPage(page, host, collector, [nps(uniqueId("theme"))], { head });
    await expect(card(page).locator("h2")).toHaveCSS("font-family", '"Liberation Mono", monospace');
    await expect(card(page).locator("button.go")).toHaveCSS("background-color", "rgb(11, 93, 30)");
    await expect(card(page).locator("button.go")).toHaveCSS("color", WHITE);
  });

  test("dark mode: forced by the survey, or following the system when auto", async ({ page, host, collector }) => {
    await openSurveyPage(page, host, collector, [nps(uniqueId("dark"), { theme: { mode: "dark" } })]);
    await expect(card(page)).toHaveCSS("background-color", "rgb(29, 31, 39)");
    await page.emulateMedia({ colorScheme: "dark" });
    await openSurveyPage(page, host, collector, [nps(uniqueId("auto"))]);
    await expect(card(page)).toHaveCSS("background-color", "rgb(29, 31, 39)");
    await page.emulateMedia({ colorScheme: "light" });
    await expect(card(page)).toHaveCSS("background-color", "rgb(255, 255, 255)");
    await openSurveyPage(page, host, collector, [nps(uniqueId("light"), { theme: { mode: "light" } })]);
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(card(page)).toHaveCSS("background-color", "rgb(255, 255, 255)");
  });

  test("motion only for those who have not asked to reduce it", async ({ page, host, collector }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await openSurveyPage(page, host, collector, [nps(uniqueId("motion"))]);
    await expect(card(page)).toHaveCSS("animation-name", "none");
    await page.emulateMedia({ reducedMotion: "no-preference" });
    await expect(card(page)).toHaveCSS("animation-name", "sonde-in");
  });
});
