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
    expect(new Set(await rows(page)).size, "the NPS points in one row").toBe(1);
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
    await expectFits(page, id, 320);
    for (const target of await card(page).locator("[role=radio], button, input, textarea").all()) {
      const t = (await target.boundingBox())!;
      expect(
        Math.min(t.width, t.height),
        `${id}: ${await target.evaluate((e) => e.outerHTML.slice(0, 80))}`,
      ).toBeGreaterThanOrEqual(id === "single" || id === "multiple" ? 18 : 24);
    }
    // With a mouse, the 11 points stay in one row.
    if (id === "nps") expect(new Set(await rows(page)).size).toBe(1);
    await answerShownStep(page, id);
  }
});

/** The card sits inside the viewport and neither it nor the page scrolls sideways. */
async function expectFits(page: Page, id: string, width: number) {
  const b = await box(page);
  expect(b.x, id).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width, id).toBeLessThanOrEqual(width);
  const overflow = await card(page).evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow, `${id} overflows sideways`).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

/** The top of each point of the first scale, in order: one value per row. */
const rows = (page: Page) =>
  card(page)
    .locator(".scale")
    .first()
    .getByRole("radio")
    .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().y)));

// What a finger can hit: points, buttons, the link, choices (their whole label) and text fields.
const TARGETS = "[role=radio], button, a, label, textarea, input:not([type=radio], [type=checkbox])";

/** Every target in the card is at least 44×44 px. */
async function expectTouchTargets(page: Page, id: string) {
  const targets = await card(page).locator(TARGETS).all();
  expect(targets.length, id).toBeGreaterThan(0);
  for (const target of targets) {
    const t = (await target.boundingBox())!;
    const what = `${id}: ${await target.evaluate((e) => e.outerHTML.slice(0, 80))}`;
    expect(t.width, what).toBeGreaterThanOrEqual(44);
    expect(t.height, what).toBeGreaterThanOrEqual(44);
  }
}

test.describe("on a touch screen", () => {
  const touch = { hasTouch: true, isMobile: true, reducedMotion: "reduce" } as const;

  test("at 320 px wide every target of every kind is at least 44×44 px, and nothing overflows", async ({
    browser,
    host,
    collector,
  }) => {
    const context = await browser.newContext({ ...touch, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const survey = everyKind(uniqueId("touch"));
    await openSurveyPage(page, host, collector, [survey]);
    expect(await page.evaluate(() => matchMedia("(pointer: coarse)").matches)).toBe(true);
    for (const id of EVERY_KIND) {
      await expectStep(page, survey, id);
      // "Other" opens a text field: a target too.
      if (id === "single") await card(page).getByRole("radio", { name: "Other" }).check();
      await expectFits(page, id, 320);
      await expectTouchTargets(page, id);
      await answerShownStep(page, id);
    }
    await context.close();
  });

  for (const position of ["bottom-right", "center", "top-banner", "bottom-banner"] as const)
    test(`at 320 px the 7- and 11-point scales wrap into two rows of 44 px points (${position})`, async ({
      browser,
      host,
      collector,
    }) => {
      const context = await browser.newContext({ ...touch, viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      const survey: SurveyJson = {
        id: uniqueId("wrap"),
        appearance: { position },
        steps: [
          { kind: "nps", id: "score", question: "How likely are you to recommend Lumen?" },
          { kind: "ces", id: "effort", question: "Lumen made it easy to share my notes." },
        ],
      };
      await openSurveyPage(page, host, collector, [survey]);
      for (const [id, first] of [
        ["score", 6],
        ["effort", 4],
      ] as const) {
        await expectStep(page, survey, id);
        await expectFits(page, id, 320);
        await expectTouchTargets(page, id);
        const tops = await rows(page);
        expect(new Set(tops).size, `${id}: ${tops}`).toBe(2);
        expect(tops.filter((y) => y === tops[0]).length, `${id}: ${tops}`).toBe(first);
        await card(page).getByRole("radio").nth(3).click();
        await card(page).locator("button.go").click();
      }
      await context.close();
    });

  for (const [lang, low, high, zero, ten] of [
    ["en", "Not at all likely", "Extremely likely", "0, Not at all likely", "10, Extremely likely"],
    ["ar", "غير محتمل إطلاقًا", "محتمل جدًا", "0، غير محتمل إطلاقًا", "10، محتمل جدًا"],
  ] as const)
    test(`wrapped NPS (${lang}): 0 starts the first row under the low label, the second row is centred, 10 ends it above the high one; keys follow the reading order`, async ({
      browser,
      host,
      collector,
    }) => {
      const context = await browser.newContext({ ...touch, viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      await openSurveyPage(page, host, collector, [nps(uniqueId("ends"))], { lang });
      const rtl = lang === "ar";
      const group = card(page).getByRole("radiogroup");
      await expect(group.getByRole("radio")).toHaveCount(11);
      const [z, six, t, scale] = [
        (await group.getByRole("radio", { name: zero }).boundingBox())!,
        (await group.getByRole("radio", { name: "6", exact: true }).boundingBox())!,
        (await group.getByRole("radio", { name: ten }).boundingBox())!,
        (await group.boundingBox())!,
      ];
      // The text of each end label as drawn (the label's box spans the row; its text is at one end).
      const label = (text: string) =>
        card(page)
          .locator(".ends span", { hasText: text })
          .evaluate((el) => {
            const range = document.createRange();
            range.selectNodeContents(el);
            const r = range.getBoundingClientRect();
            return { x: r.x, right: r.right, y: r.y, bottom: r.bottom };
          });
      const [l, h] = [await label(low), await label(high)];
      const start = (b: { x: number; right: number }) => (rtl ? b.right : b.x);
      const end = (b: { x: number; right: number }) => (rtl ? b.x : b.right);
      const edges = (b: { x: number; width: number }) => ({ x: b.x, right: b.x + b.width });
      // 0 at the start of the first row (the right in Arabic); the second row, 6 to 10, centred under
      // it, half a point in from each edge, its points as wide as those above.
      expect(t.y).toBeGreaterThan(z.y + z.height - 1);
      expect(six.y).toBe(t.y);
      expect(Math.abs(start(edges(z)) - start(edges(scale)))).toBeLessThan(1);
      const inset = Math.abs(start(edges(six)) - start(edges(scale)));
      expect(Math.abs(inset - (z.width + 4) / 2)).toBeLessThan(1);
      expect(Math.abs(Math.abs(end(edges(scale)) - end(edges(t))) - inset)).toBeLessThan(1);
      expect(Math.abs(t.width - z.width)).toBeLessThan(1);
      // The low label right above 0, starting where it starts; the high one right below 10, ending where it ends.
      expect(l.bottom).toBeLessThanOrEqual(z.y);
      expect(z.y - l.bottom).toBeLessThan(12);
      expect(Math.abs(start(l) - start(edges(z)))).toBeLessThan(2);
      expect(h.y).toBeGreaterThanOrEqual(t.y + t.height);
      expect(h.y - (t.y + t.height)).toBeLessThan(12);
      expect(Math.abs(end(h) - end(edges(t)))).toBeLessThan(2);
      // Still one radiogroup with one tab stop; the arrow keys go on from the end of a row to the next.
      const five = group.getByRole("radio", { name: "5", exact: true });
      await five.click();
      await expect(group.locator("[tabindex='0']")).toHaveCount(1);
      await page.keyboard.press(rtl ? "ArrowLeft" : "ArrowRight");
      await expect(group.getByRole("radio", { name: "6", exact: true })).toBeFocused();
      await expect(group.getByRole("radio", { name: "6", exact: true })).toHaveAttribute("aria-checked", "true");
      await page.keyboard.press(rtl ? "ArrowRight" : "ArrowLeft");
      await expect(five).toBeFocused();
      await page.keyboard.press("End");
      await expect(group.getByRole("radio", { name: ten })).toBeFocused();
      await expect(group.locator("[tabindex='0']")).toHaveCount(1);
      await context.close();
    });

  test("at 390 px too, every point, button and the close are at least 44×44 px", async ({
    browser,
    host,
    collector,
  }) => {
    const context = await browser.newContext({ ...touch, viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await openSurveyPage(page, host, collector, [nps(uniqueId("touch"))]);
    await expect(card(page)).toBeVisible();
    await expectTouchTargets(page, "nps");
    await context.close();
  });
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
