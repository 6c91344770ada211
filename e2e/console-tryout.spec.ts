import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { type CollectorProcess, repoRoot, spawnCollector } from "./support/collector.js";
import { expect, test } from "./support/fixtures.js";

// A product person tries a survey before launching it: the prompt as a page would show it, in
// Arabic and dark colours, answered step by step; and whether it would show on a given page.

const ADMIN_KEY = "ak_e2e_tryout_5d2a";
let collector: CollectorProcess;

test.beforeAll(async () => {
  collector = await spawnCollector({ args: ["--admin-key", ADMIN_KEY] });
});
test.afterAll(() => collector?.stop());

/** Opens the Surveys view and creates a draft from the NPS template; returns its editor. */
async function newDraft(page: Page, id: string) {
  await page.goto(`${collector.url}/console/?view=surveys#admin=${ADMIN_KEY}`);
  await page.getByLabel("Start from").selectOption({ label: "NPS with a follow-up by category" });
  await page.getByLabel("Id (letters, digits, - _ .)").fill(id);
  await page.getByRole("button", { name: "Create as a draft" }).click();
  const editor = page.getByTestId("survey-editor");
  await expect(editor.getByTestId("survey-status")).toHaveText("Draft");
  return editor;
}

const axeViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );

test("the preview is the real prompt: it branches, speaks Arabic right to left, goes dark, follows the JSON, sends nothing", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const posted: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/v1/responses")) posted.push(r.url());
  });
  // Every prompt the preview mounts, counted from before the survey is opened.
  await page.addInitScript(() => {
    const w = window as unknown as { promptsMounted: number };
    w.promptsMounted = 0;
    new MutationObserver((changes) => {
      for (const change of changes)
        for (const node of change.addedNodes) if (node.nodeName === "SONDE-PROMPT") w.promptsMounted++;
    }).observe(document, { childList: true, subtree: true });
  });
  const editor = await newDraft(page, "nps-tryout");
  const preview = editor.getByTestId("tryout-preview");
  const card = preview.locator("sonde-prompt .card");

  // The widget's own prompt, inside its shadow root; a low score branches to "fix".
  await expect(card).toContainText("How likely are you to recommend us to a friend or colleague?");
  // Mounted once: opening the survey does not start the preview over a moment later (it did, when
  // the definition settled — taking away an answer just given).
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => (window as unknown as { promptsMounted: number }).promptsMounted)).toBe(1);
  await card.getByRole("radio", { name: "3", exact: true }).click();
  await card.getByRole("button", { name: "Next" }).click();
  await expect(card).toContainText("What should we fix first?");

  // Restart: back to the first question.
  await editor.getByRole("button", { name: "Restart" }).click();
  await expect(card).toContainText("How likely are you to recommend us");
  await card.getByRole("radio", { name: "9", exact: true }).click();
  await card.getByRole("button", { name: "Next" }).click();
  await expect(card).toContainText("What do you like most?");

  // Arabic: the prompt's own strings and direction.
  await editor.getByTestId("tryout").getByLabel("Language").selectOption("ar");
  await expect(preview.locator("sonde-prompt")).toHaveAttribute("dir", "rtl");
  await expect(card.getByRole("button", { name: "إغلاق الاستبيان" })).toBeVisible();

  // Dark: the card's colours change.
  const colours = () =>
    card.evaluate((el) => {
      const s = getComputedStyle(el);
      return `${s.backgroundColor} ${s.color}`;
    });
  const light = await colours();
  await editor.getByTestId("tryout").getByLabel("Colours").selectOption("dark");
  await expect.poll(colours).not.toBe(light);
  await expect(preview.locator("sonde-prompt")).toHaveAttribute("data-mode", "dark");
  await shot(page, "/tmp/tryout-dark-ar.png");

  // Editing the definition changes the preview's question, once typing settles.
  await editor.getByRole("tab", { name: "JSON" }).click();
  const json = editor.getByLabel("Definition (JSON, checked as you type and by the collector when you save)");
  const good = await json.inputValue();
  await json.fill(good.replace("How likely are you to recommend us", "Would you recommend Lumen"));
  await expect(card).toContainText("Would you recommend Lumen");
  // A definition the schema rejects: a notice instead of a preview.
  await json.fill(good.replace('"kind": "nps"', '"kind": "stars"'));
  await expect(editor.getByTestId("tryout")).toContainText("Fix the definition to preview it.");
  await expect(preview).toHaveCount(0);
  await json.fill(good);
  await expect(card).toContainText("How likely are you to recommend us");

  // Answered to the end in the preview: nothing posted, nothing stored.
  await card.getByRole("radio", { name: "7", exact: true }).click();
  await card.getByRole("button", { name: "التالي" }).click();
  await expect(card).toContainText("What would make it a 10?");
  await card.getByRole("textbox").fill("Faster exports");
  await card.locator("button.go").click();
  await expect(card).toContainText("Thank you!");
  await page.waitForTimeout(500);
  expect(posted).toEqual([]);
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
  expect(await collector.rowCount("nps-tryout")).toBe(0);

  expect(await axeViolations(page)).toEqual([]);
});

test("would it show: a survey on /pricing shows there, not on /other, and says why", async ({ page }) => {
  const editor = await newDraft(page, "nps-pricing-try");
  await editor.getByRole("tab", { name: "JSON" }).click();
  const json = editor.getByLabel("Definition (JSON, checked as you type and by the collector when you save)");
  await json.fill((await json.inputValue()).replace('"value": "/"', '"value": "/pricing"'));
  const verdict = editor.getByTestId("would-show");
  const url = editor.getByTestId("tryout").getByLabel("Page URL");

  await url.fill("https://example.com/pricing");
  await expect(verdict).toHaveText("Shows");
  await url.fill("https://example.com/other");
  await expect(verdict.locator("strong")).toHaveText("Does not show");
  await expect(verdict.getByRole("listitem")).toHaveText(["trigger: page /other does not match"]);

  // An audience on an attribute: the reason names it until the attribute is given.
  await json.fill(
    (await json.inputValue()).replace(
      '"sampling": 100',
      '"sampling": 100, "audience": { "attributes": [{ "key": "plan", "op": "eq", "value": "pro" }] }',
    ),
  );
  await url.fill("https://example.com/pricing");
  await expect(verdict.getByRole("listitem")).toHaveText(['audience: plan unknown, wanted eq "pro"']);
  await editor.getByTestId("tryout").getByLabel("Attributes of the person").fill("plan=pro");
  await expect(verdict).toHaveText("Shows");

  // A click trigger: a checkbox for its selector, operated from the keyboard.
  const definition = JSON.parse(await json.inputValue());
  definition.rules.triggers = [{ type: "click", selector: "#buy" }];
  await json.fill(JSON.stringify(definition, null, 2));
  await expect(verdict.getByRole("listitem")).toHaveText(["trigger: no click on #buy yet"]);
  await editor.getByTestId("tryout").getByLabel("Clicked #buy").focus();
  await page.keyboard.press("Space");
  await expect(verdict).toHaveText("Shows");
  await shot(page, "/tmp/tryout-desktop.png");
  if (process.env.UPDATE_SCREENSHOTS) {
    // The README's picture: the form beside the preview, as a product person sees the editor.
    await page.setViewportSize({ width: 1280, height: 900 });
    await editor.getByRole("tab", { name: "Form" }).click();
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelector(".editor-side")?.scrollTo(0, 0);
    });
    await page.screenshot({ path: join(repoRoot, "demo/screenshots/console-editor.png"), animations: "disabled" });
  }

  // On a 390 px phone: everything fits, nothing axe objects to.
  await page.setViewportSize({ width: 390, height: 844 });
  await editor.getByTestId("tryout").getByLabel("Width").selectOption("phone");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, "/tmp/tryout-390.png");
});

/** A picture of the try-out panels, to look at when changing them (not compared). */
async function shot(page: Page, path: string) {
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
}
