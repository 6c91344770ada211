import { expect, prompt, test } from "./support/fixtures.js";
import { completedAnswers, openSurveyPage, uniqueId } from "./support/prompts.js";

// A survey falls due while the network is down: the prompt's code cannot be downloaded. When the
// page is back online it is tried once more, and the prompt shows — once.
test("a prompt whose code failed to load offline shows once the page is back online, once", async ({
  page,
  context,
  host,
  collector,
}) => {
  const id = uniqueId("retry");
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.exposeFunction("sondeError", (code: string, message: string) => errors.push(`${code}: ${message}`));
  // Offline only once the definitions are in: it is the prompt's code that must miss the network.
  const definitions = page.waitForEvent("requestfinished", (r) => /\/surveys-\d+\.json$/.test(r.url()));
  await openSurveyPage(page, host, collector, [
    {
      id,
      steps: [{ kind: "nps", id: "score", question: "How likely are you to recommend us?" }],
      // Due three seconds after the page view: time to take the page offline first.
      rules: { triggers: [{ type: "pageview" }], delay: 3 },
    },
  ]);
  await definitions;
  await context.setOffline(true);
  await page.waitForFunction(() => typeof (window as unknown as { sonde?: unknown }).sonde === "function");
  await page.evaluate(() => {
    const w = window as unknown as {
      sonde: (...a: unknown[]) => void;
      sondeError: (code: string, message: string) => void;
    };
    w.sonde("on", "error", (e: { code: string; message: string }) => w.sondeError(e.code, e.message));
  });
  await expect.poll(() => errors.join("\n"), { timeout: 10_000 }).toContain(`display: survey "${id}" was not shown`);
  await expect(prompt(page)).toHaveCount(0);

  await context.setOffline(false);
  const dialog = prompt(page).getByRole("dialog");
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await expect(prompt(page)).toHaveCount(1);
  await dialog.getByRole("radio", { name: "8", exact: true }).click();
  await page.keyboard.press("Enter");
  expect(await completedAnswers(collector, id)).toEqual({ score: { kind: "nps", value: 8 } });
  // Nothing shows a second time, and nothing was thrown into the page.
  await page.waitForTimeout(2500);
  await expect(prompt(page).getByRole("dialog")).toHaveCount(0);
  expect(errors.filter((e) => !e.startsWith("display:"))).toEqual([]);
});
