import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { type CollectorProcess, repoRoot, spawnCollector } from "./support/collector.js";
import { expect, prompt, test } from "./support/fixtures.js";
import { hostPage } from "./support/host.js";

// A product person in the console: a survey from a template, a mistake caught on save, a launch
// after its summary, an answer on the site, a pause — no file edited, no restart.

const READ_KEY = "rk_e2e_surveys_8b1f";
const ADMIN_KEY = "ak_e2e_surveys_2c9e";
let collector: CollectorProcess;
// `UPDATE_SCREENSHOTS=1` also takes the README's pictures of the Surveys view.
const shoot = (page: Page, name: string) =>
  process.env.UPDATE_SCREENSHOTS ? page.screenshot({ path: join(repoRoot, "demo/screenshots", name) }) : undefined;

test.beforeAll(async () => {
  collector = await spawnCollector({ args: ["--read-key", READ_KEY, "--admin-key", ADMIN_KEY] });
});
test.afterAll(() => collector?.stop());

test("create from a template, fix a mistake, target in the form, launch after the summary, answer on the site, see it in the results, pause", async ({
  page,
  browser,
  host,
}) => {
  test.setTimeout(90_000);
  await page.goto(`${collector.url}/console/?view=surveys#key=${READ_KEY}&admin=${ADMIN_KEY}`);
  // Neither key stays in the address once the view has read them.
  await expect(page.getByLabel("Start from")).toBeVisible();
  await expect(page).toHaveURL(/view=surveys/);
  expect(page.url()).not.toContain(ADMIN_KEY);
  expect(page.url()).not.toContain(READ_KEY);

  // A new survey from the NPS template: a draft.
  await page.getByLabel("Start from").selectOption({ label: "NPS with a follow-up by category" });
  await page.getByLabel("Id (letters, digits, - _ .)").fill("nps-live");
  await page.getByRole("button", { name: "Create as a draft" }).click();
  const editor = page.getByTestId("survey-editor");
  await expect(editor.getByTestId("survey-status")).toHaveText("Draft");
  await expect(page.getByTestId("surveys")).toContainText("nps-live");

  // A mistake in the JSON: the collector names the path; nothing is saved.
  await editor.getByRole("tab", { name: "JSON" }).click();
  const json = editor.getByLabel("Definition (JSON, checked as you type and by the collector when you save)");
  const good = await json.inputValue();
  await json.fill(good.replace('"kind": "nps"', '"kind": "stars"'));
  await editor.getByRole("button", { name: "Save as a new version" }).click();
  await expect(editor.getByTestId("problems")).toContainText("steps[0].kind");
  await expect(editor).toContainText("version 1");
  await json.fill(good.replace("How likely are you to recommend us", "How likely are you to recommend Lumen"));

  // Targeted in the form: only the plans page.
  await editor.getByRole("tab", { name: "Form" }).click();
  const rule = editor.getByTestId("trigger").first().getByTestId("url-rule").first();
  await rule.getByLabel("Match").selectOption("exact");
  await rule.getByLabel("Value").fill("/plans");
  await editor.getByRole("button", { name: "Save as a new version" }).click();
  await expect(editor).toContainText("version 2");
  await expect(editor.locator(".save").getByRole("status")).toHaveText("Saved.");

  // Launch: first a summary of who sees it and how often.
  await editor.getByRole("button", { name: "Launch" }).click();
  const dialog = page.getByRole("dialog", { name: /Launch/ });
  await expect(dialog.getByTestId("launch-summary")).toContainText(
    "Shows on a page view on pages where the URL is /plans.",
  );
  await expect(dialog.getByTestId("launch-summary")).toContainText("A person answers it once.");
  await shoot(page, "console-surveys-launch.png");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await dialog.getByRole("button", { name: "Launch" }).click();
  await expect(editor.getByTestId("survey-status")).toHaveText("Live");

  // The site shows it on its next page view of /plans, and the answer is stored.
  const site = host.page("/plans", {
    html: hostPage({ endpoint: `${collector.url}/v1/responses`, "surveys-url": `${collector.url}/v1/surveys` }),
  });
  const visitor = await browser.newPage();
  try {
    await visitor.goto(site);
    const asked = prompt(visitor).getByRole("dialog");
    await expect(asked).toContainText("How likely are you to recommend Lumen");
    await asked.getByRole("radio", { name: "9", exact: true }).click();
    await visitor.keyboard.press("Enter");
    await expect.poll(() => collector.rowCount("nps-live")).toBe(1);
  } finally {
    await visitor.close();
  }

  // The console's results count it: no file edited, no restart.
  const results = await browser.newPage();
  try {
    await results.goto(`${collector.url}/console/?survey=nps-live&period=7d#key=${READ_KEY}`);
    await expect(results.getByTestId("responses")).toHaveText("1 response in this period");
  } finally {
    await results.close();
  }

  // Paused: the next page view of someone new shows nothing.
  await editor.getByRole("button", { name: "Pause" }).click();
  await expect(editor.getByTestId("survey-status")).toHaveText("Paused");
  const served = (await (await fetch(`${collector.url}/v1/surveys`)).json()) as { surveys: { id: string }[] };
  expect(served.surveys.map((s) => s.id)).not.toContain("nps-live");
  const later = await browser.newPage();
  try {
    await later.goto(site);
    await later.waitForFunction(() => typeof (window as unknown as { sonde?: unknown }).sonde === "function");
    await later.waitForTimeout(1500);
    await expect(prompt(later)).toHaveCount(0);
  } finally {
    await later.close();
  }
});

test("without the admin key the view asks for it, and says when the collector refuses it", async ({ page }) => {
  await page.goto(`${collector.url}/console/?view=surveys#key=${READ_KEY}`);
  await expect(page.getByText("Changing surveys needs this collector's admin key.")).toBeVisible();
  await page.getByLabel("Admin key").fill("not-the-key");
  await page.getByRole("button", { name: "Manage surveys" }).click();
  await expect(page.getByRole("alert")).toHaveText("That key was not accepted.");
  await page.getByLabel("Admin key").fill(ADMIN_KEY);
  await page.getByRole("button", { name: "Manage surveys" }).click();
  await expect(page.getByTestId("surveys")).toContainText("nps-pricing");
});
