import type { Page } from "@playwright/test";
import { card, completedAnswers, openSurveyPage, type SurveyJson, uniqueId } from "./support/prompts.js";
import { expect, prompt, test } from "./support/ui-test.js";

/** An NPS question, then a thank-you that closes after `closeAfter` (the default when undefined). */
const survey = (id: string, closeAfter?: number | false): SurveyJson => ({
  id,
  steps: [
    { kind: "nps", id: "score", question: "How likely are you to recommend Lumen?" },
    { kind: "thanks", id: "thanks", question: "Thank you!", ...(closeAfter === undefined ? {} : { closeAfter }) },
  ],
});

/** Answers with the mouse, as most people do, and moves the pointer off the prompt. */
async function answerWithMouse(page: Page) {
  await card(page).getByRole("radio", { name: "8" }).click();
  await card(page).getByRole("button", { name: "Submit" }).click();
  await expect(card(page).getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await page.mouse.move(5, 5);
}

test("the thank-you closes by itself after about 4 s; the answer is kept", async ({ page, host, collector }) => {
  const s = survey(uniqueId("thanks-default"));
  await openSurveyPage(page, host, collector, [s]);
  await answerWithMouse(page);
  const shown = Date.now();
  // Timers never fire early: still there after 3 s, whatever the machine's load.
  await page.waitForTimeout(3000);
  await expect(prompt(page)).toHaveCount(1);
  await expect(prompt(page)).toHaveCount(0, { timeout: 10_000 });
  expect(Date.now() - shown).toBeGreaterThanOrEqual(4000);
  expect(await completedAnswers(collector, s.id)).toEqual({ score: { kind: "nps", value: 8 } });
});

test("the survey sets the time (closeAfter), or keeps the thank-you open (false)", async ({
  page,
  host,
  collector,
}) => {
  await openSurveyPage(page, host, collector, [survey(uniqueId("thanks-1s"), 1)]);
  await answerWithMouse(page);
  await expect(prompt(page)).toHaveCount(0, { timeout: 5000 });

  await openSurveyPage(page, host, collector, [survey(uniqueId("thanks-open"), false)]);
  await answerWithMouse(page);
  await page.waitForTimeout(6000);
  await expect(card(page).getByRole("heading", { name: "Thank you!" })).toBeVisible();
});

test("held while the pointer is over it; closes once the pointer has left", async ({ page, host, collector }) => {
  await openSurveyPage(page, host, collector, [survey(uniqueId("thanks-hover"), 1)]);
  await answerWithMouse(page);
  await card(page).hover();
  await page.waitForTimeout(2500);
  await expect(card(page)).toBeVisible();
  await page.mouse.move(5, 5);
  await expect(prompt(page)).toHaveCount(0, { timeout: 5000 });
});

test("held while keyboard focus is in it; closes once focus has left", async ({ page, host, collector }) => {
  await openSurveyPage(page, host, collector, [survey(uniqueId("thanks-focus"), 1)], {
    body: `<main><h1>Pricing</h1><a id="plans" href="#plans">Compare plans</a></main>`,
  });
  await expect(card(page)).toBeVisible();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(card(page).getByRole("radio", { name: "0, Not at all likely" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  // A keyboard user lands on the thank-you and reads it; it stays as long as they are there.
  const heading = card(page).getByRole("heading", { name: "Thank you!" });
  await expect(heading).toBeFocused();
  await page.waitForTimeout(2500);
  await expect(heading).toBeVisible();
  // They move on (Shift+Tab past the close button, back to the page): the thank-you goes.
  await page.keyboard.press("Shift+Tab");
  await expect(card(page).getByRole("button", { name: "Close survey" })).toBeFocused();
  await page.waitForTimeout(1500);
  await expect(heading).toBeVisible();
  await page.keyboard.press("Shift+Tab");
  await expect(page.locator("#plans")).toBeFocused();
  await expect(prompt(page)).toHaveCount(0, { timeout: 5000 });
  await expect(page.locator("#plans")).toBeFocused();
});
