import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { type CollectorProcess, spawnCollector } from "./support/collector.js";
import { expect, test } from "./support/fixtures.js";

// A product person builds a survey without writing JSON: the form and the JSON edit the same
// definition, the JSON is checked as they type, and all of it works from the keyboard and on a phone.

const READ_KEY = "rk_e2e_builder_5d2a";
const ADMIN_KEY = "ak_e2e_builder_9f31";
let collector: CollectorProcess;

test.beforeAll(async () => {
  collector = await spawnCollector({ args: ["--read-key", READ_KEY, "--admin-key", ADMIN_KEY] });
});
test.afterAll(() => collector?.stop());

async function createFromNps(page: Page, id: string) {
  await page.goto(`${collector.url}/console/?view=surveys#key=${READ_KEY}&admin=${ADMIN_KEY}`);
  await page.getByLabel("Start from").selectOption({ label: "NPS with a follow-up by category" });
  await page.getByLabel("Id (letters, digits, - _ .)").fill(id);
  await page.getByRole("button", { name: "Create as a draft" }).click();
  const editor = page.getByTestId("survey-editor");
  await expect(editor.getByTestId("survey-status")).toHaveText("Draft");
  return editor;
}

/** Presses Tab until the focused element has `name` as its text; fails after `max` presses. */
async function tabTo(page: Page, name: string, max = 250) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

test.use({ timezoneId: "Europe/Copenhagen" });

test("the form edits text, languages and targeting; the JSON tab shows them and checks as you type", async ({
  page,
}) => {
  const editor = await createFromNps(page, "nps-built");
  await expect(editor.getByRole("tab", { name: "Form" })).toHaveAttribute("aria-selected", "true");
  const first = editor.getByTestId("builder-step").first();
  await expect(first.getByRole("group", { name: "Step 1: NPS (0–10)" })).toBeVisible();
  await first.getByLabel("Question", { exact: true }).fill("How likely are you to recommend Lumen?");

  // A second language: each text gets a field per language.
  await editor.getByLabel("Language tag, such as da or pt-BR").fill("da");
  await editor.getByRole("button", { name: "Add language" }).click();
  await expect(first.getByLabel("Question (en)")).toHaveValue("How likely are you to recommend Lumen?");
  await first.getByLabel("Question (da)").fill("Hvor sandsynligt er det, at du vil anbefale Lumen?");

  // Only on /pricing, exactly.
  const rule = editor.getByTestId("trigger").first().getByTestId("url-rule").first();
  await rule.getByLabel("Match").selectOption("exact");
  await rule.getByLabel("Value").fill("/pricing");
  // From 9 in the morning in Copenhagen (the page's time zone), stored in UTC.
  await editor.getByLabel("Starts (your local time)").fill("2026-01-31T09:00");
  await expect(editor.getByTestId("live-check")).toHaveText("The definition is valid.");

  await editor.getByRole("button", { name: "Save as a new version" }).click();
  await expect(editor).toContainText("version 2");
  await expect(editor.locator(".save").getByRole("status")).toHaveText("Saved.");

  // The JSON tab shows what the form wrote, as the collector stored it.
  await editor.getByRole("tab", { name: "JSON" }).click();
  const json = editor.getByLabel("Definition (JSON, checked as you type and by the collector when you save)");
  const saved = JSON.parse(await json.inputValue());
  expect(saved.steps[0].question).toEqual({
    en: "How likely are you to recommend Lumen?",
    da: "Hvor sandsynligt er det, at du vil anbefale Lumen?",
  });
  expect(saved.rules.triggers[0].url).toEqual([{ match: "exact", value: "/pricing" }]);
  expect(saved.schedule).toEqual({ start: "2026-01-31T08:00:00Z" });

  // Checked as typed: a misspelt key is named with its path and the likely key, before any save.
  const good = await json.inputValue();
  await json.fill(good.replace('"name": "NPS"', '"nmae": "NPS"'));
  const live = editor.getByTestId("live-check");
  await expect(live).toContainText("survey.nmae");
  await expect(live).toContainText('"name"');
  await json.fill(good.replace('"match": "exact"', '"match": "exactly"'));
  await expect(live).toContainText("survey.rules.triggers[0].url[0].match");
  await json.fill(`${good.slice(0, 40)}`);
  await expect(live).toContainText("Not valid JSON");
  await expect(editor.getByTestId("problems")).toHaveCount(0);

  // Back to valid JSON: the form shows what was typed there.
  await json.fill(good.replace('"value": "/pricing"', '"value": "/plans"'));
  await expect(live).toHaveText("The definition is valid.");
  await editor.getByRole("tab", { name: "Form" }).click();
  await expect(editor.getByTestId("url-rule").first().getByLabel("Value")).toHaveValue("/plans");
});

test("keyboard only: add a step and save; axe-clean; fits a 390 px phone", async ({ page }) => {
  // Tabbing through the whole form, key by key, takes a while on a loaded machine.
  test.setTimeout(90_000);
  const editor = await createFromNps(page, "nps-keys");
  await page.setViewportSize({ width: 1280, height: 900 });
  const steps = editor.getByTestId("builder-step");
  await expect(steps).toHaveCount(5);

  // From the tabs, Tab reaches "Add step"; Enter adds a step before the thank-you.
  await editor.getByRole("tab", { name: "Form" }).focus();
  await tabTo(page, "Add step");
  await page.keyboard.press("Enter");
  await expect(steps).toHaveCount(6);
  await expect(steps.nth(4).getByRole("group", { name: "Step 5: Pick one" })).toBeVisible();
  // The new step's move-up button is reachable and works.
  await steps.nth(4).getByRole("button", { name: "Move step 5 up" }).focus();
  await page.keyboard.press("Enter");
  await expect(steps.nth(3).getByRole("group", { name: "Step 4: Pick one" })).toBeVisible();

  await tabTo(page, "Save as a new version");
  await page.keyboard.press("Enter");
  await expect(editor).toContainText("version 2");

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "/tmp/builder-1280.png" });
  await editor.getByRole("group", { name: "Appearance" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/builder-1280-targeting.png" });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  await editor.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "/tmp/builder-390.png" });
  await editor.getByTestId("builder-step").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/builder-390-step.png", fullPage: false });
  const narrow = await new AxeBuilder({ page }).analyze();
  expect(narrow.violations.map((v) => v.id)).toEqual([]);
});
