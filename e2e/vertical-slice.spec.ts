import { expect, outboxIds, prompt, test } from "./support/fixtures.js";

test("a keyboard-only user answers the NPS prompt and the dashboard counts it", async ({ page, demo, collector }) => {
  // The dashboard shows one survey (nps-pricing first); other specs in this worker store others.
  const before = collector.rowCount("nps-pricing");
  await page.goto(`${demo.siteUrl}/pricing/`);
  await expect(prompt(page).getByRole("dialog")).toBeVisible();

  // Tab through the page until focus enters the prompt, as a keyboard user would.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.tagName === "SONDE-PROMPT")) break;
  }
  await expect(prompt(page).getByRole("button", { name: "Close survey" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(prompt(page).getByRole("radio", { name: "0, Not at all likely" })).toBeFocused();
  for (let i = 0; i < 9; i++) await page.keyboard.press("ArrowRight");
  await expect(prompt(page).getByRole("radio", { name: "9" })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Tab");
  await expect(prompt(page).getByRole("button", { name: "Submit" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(prompt(page).getByText("Thank you — that helps us a lot.")).toBeVisible();

  await expect.poll(() => collector.rowCount("nps-pricing")).toBe(before + 1);
  await page.goto(`${collector.url}/console/`);
  await expect(page.getByTestId("nps-n")).toHaveText(`n = ${before + 1}`);
  await expect(page.getByRole("rowheader", { name: "/pricing/" }).first()).toBeVisible();
});

test("an answer given offline is delivered once after the user is back online", async ({
  page,
  context,
  demo,
  collector,
}) => {
  await page.goto(`${demo.siteUrl}/pricing/`);
  await expect(prompt(page).getByRole("dialog")).toBeVisible();
  await context.setOffline(true);
  await prompt(page).getByRole("radio", { name: "7" }).click();
  await prompt(page).getByRole("button", { name: "Submit" }).click();
  await expect(prompt(page).getByText("Thank you — that helps us a lot.")).toBeVisible();

  const ids = await outboxIds(page);
  expect(ids).toHaveLength(1);
  const id = ids[0]!;
  expect(collector.rowsFor(id)).toBe(0);

  await context.setOffline(false);
  await page.reload();
  await expect.poll(() => collector.rowsFor(id)).toBe(1);
  await expect.poll(() => outboxIds(page)).toEqual([]);
  // Answered once: the prompt does not come back, and nothing was stored twice.
  await expect(prompt(page)).toHaveCount(0);
  expect(collector.rowsFor(id)).toBe(1);
});
