import { expect, outboxIds, prompt, test } from "./support/fixtures.js";
import { hostPage } from "./support/host.js";
import { snippet } from "./support/snippet.js";

const survey = (id: string, path = "/pricing") => ({
  id,
  steps: [
    {
      kind: "nps",
      id: "score",
      question: { en: "How likely are you to recommend us?", da: "Hvor sandsynligt er det, at du vil anbefale os?" },
    },
    { kind: "thanks", id: "thanks", question: "Thanks!" },
  ],
  rules: { triggers: [{ type: "pageview", url: [{ match: "startsWith", value: path }] }] },
});

test("the async snippet queues calls made before load and replays them in order", async ({ page, host, collector }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const url = host.page("/snippet/docs", {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script>
${snippet("/sonde/sonde.js")}
window.seen = [];
sonde("on", "ready", function (e) { seen.push("ready:" + e.surveyIds.join(",")); });
sonde("on", "shown", function (e) { seen.push("shown:" + e.surveyId); });
sonde("init", { endpoint: ${JSON.stringify(`${collector.url}/v1/responses`)}, surveys: ${JSON.stringify([survey("nps-queued")])} });
sonde("show", "nps-queued", { force: true });
</script></head><body><main>Docs</main></body></html>`,
  });
  await page.goto(url);
  await expect(prompt(page).getByRole("dialog")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([
    "ready:nps-queued",
    "shown:nps-queued",
  ]);
  // After load, calls go straight through and behave the same.
  await page.evaluate(() => {
    const w = window as unknown as { sonde: (...a: unknown[]) => void; seen: string[] };
    w.sonde("on", "dismissed", (e: { surveyId: string }) => w.seen.push(`dismissed:${e.surveyId}`));
    w.sonde("dismiss");
  });
  await expect(prompt(page)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toContain("dismissed:nps-queued");
  expect(errors).toEqual([]);
});

test("a script tag with data attributes initialises itself, inline surveys and locale included", async ({
  page,
  host,
  collector,
}) => {
  await page.goto(
    host.page("/data/pricing", {
      html: hostPage({
        endpoint: `${collector.url}/v1/responses`,
        surveys: JSON.stringify([survey("nps-data", "/data/pricing")]),
        locale: "da",
      }),
    }),
  );
  await expect(prompt(page).getByRole("heading")).toHaveText("Hvor sandsynligt er det, at du vil anbefale os?");
  await page.evaluate(() => {
    const w = window as unknown as { sonde: (...a: unknown[]) => void; completed?: string };
    w.sonde("on", "completed", (e: { responseId: string }) => (w.completed = e.responseId));
  });
  await prompt(page).getByRole("radio", { name: "10" }).click();
  await prompt(page).getByRole("button", { name: "Send" }).click();
  await expect(prompt(page).getByText("Thanks!")).toBeVisible();
  const id = await page.evaluate(() => (window as unknown as { completed?: string }).completed);
  expect(id).toBeTruthy();
  // flush() through the global API resolves once the attempt is over.
  await page.evaluate(() => (window as unknown as { sonde: (m: string) => Promise<void> }).sonde("flush"));
  await expect.poll(() => collector.rowsFor(id!)).toBe(1);
  await expect.poll(async () => (await outboxIds(page)).length).toBe(0);
});

test("bad configuration stays inert and names the bad field, without a page error", async ({ page, host }) => {
  const errors: string[] = [];
  const consoleErrors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  await page.goto(
    host.page("/bad/config", {
      html: `<!doctype html><html><head><script>${snippet("/sonde/sonde.js")}
sonde("init", { endpoint: 42 });
sonde("init", { endpoint: "/v1/responses", surveys: [{ id: "x", steps: [{ kind: "stars", id: "s", question: "?" }], rules: { triggers: [{ type: "pageview" }] } }] });
sonde("nonsense");
</script></head><body>Host</body></html>`,
    }),
  );
  await expect.poll(() => consoleErrors.join("\n")).toContain("config.endpoint: must be a string (got 42)");
  // A survey's steps are checked in a later idle task, once it is due: wait for each line.
  await expect
    .poll(() => consoleErrors.join("\n"))
    .toContain(
      'surveys[0].steps[0].kind: must be one of "nps", "csat", "ces", "gap", "thumbs", "open", "single", "multiple", "thanks" (got "stars")',
    );
  await expect.poll(() => consoleErrors.join("\n")).toContain('unknown command "nonsense"');
  await page.waitForTimeout(300);
  await expect(prompt(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a host page whose event handlers throw stays unaffected, and the answer still arrives", async ({
  page,
  host,
  collector,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(
    host.page("/throwing/pricing", {
      html: `<!doctype html><html><head><script>${snippet("/sonde/sonde.js")}
sonde("on", "shown", function () { throw new Error("host bug in shown"); });
sonde("on", "completed", function () { throw new Error("host bug in completed"); });
sonde("init", { endpoint: ${JSON.stringify(`${collector.url}/v1/responses`)}, surveys: ${JSON.stringify([survey("nps-throw", "/throwing")])} });
</script></head><body><button id="host-button" onclick="this.textContent='clicked'">Host button</button></body></html>`,
    }),
  );
  await expect(prompt(page).getByRole("dialog")).toBeVisible();
  await prompt(page).getByRole("radio", { name: "6" }).click();
  await prompt(page).getByRole("button", { name: "Submit" }).click();
  await expect(prompt(page).getByText("Thanks!")).toBeVisible();
  await page.locator("#host-button").click();
  await expect(page.locator("#host-button")).toHaveText("clicked");
  await expect.poll(async () => (await outboxIds(page)).length).toBe(0);
  expect(errors).toEqual([]);
});

test("a second init warns and keeps the first; destroy then init works", async ({ page, host, collector }) => {
  const warnings: string[] = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  const endpoint = `${collector.url}/v1/responses`;
  await page.goto(
    host.page("/reinit/docs", {
      html: `<!doctype html><html><head><script>${snippet("/sonde/sonde.js")}
sonde("init", { endpoint: ${JSON.stringify(endpoint)}, surveys: ${JSON.stringify([survey("first", "/reinit")])} });
sonde("init", { endpoint: ${JSON.stringify(endpoint)}, surveys: ${JSON.stringify([survey("second", "/reinit")])} });
sonde("on", "shown", function (e) { window.lastShown = e.surveyId; });
</script></head><body>Host</body></html>`,
    }),
  );
  await expect(prompt(page).getByRole("dialog")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { lastShown?: string }).lastShown)).toBe("first");
  expect(warnings.join("\n")).toContain("init() was called again");
  await page.evaluate(
    (args) => {
      const w = window as unknown as { sonde: (...a: unknown[]) => void; lastShown?: string };
      w.sonde("destroy");
      w.sonde("on", "shown", (e: { surveyId: string }) => (w.lastShown = e.surveyId));
      w.sonde("init", { endpoint: args.endpoint, surveys: [args.second] });
      w.sonde("show", "second", { force: true });
    },
    { endpoint, second: survey("second", "/reinit") },
  );
  await expect.poll(() => page.evaluate(() => (window as unknown as { lastShown?: string }).lastShown)).toBe("second");
  await expect(prompt(page)).toHaveCount(1);
});
