import { expect, outboxIds, prompt, test } from "./support/fixtures.js";
import { hostPage } from "./support/host.js";
import { snippet } from "./support/snippet.js";

const survey = (id: string, path: string) => ({
  id,
  steps: [
    { kind: "nps", id: "score", question: "How likely are you to recommend us?" },
    { kind: "thanks", id: "thanks", question: "Thanks!" },
  ],
  rules: { triggers: [{ type: "pageview", url: [{ match: "startsWith", value: path }] }] },
});

const databases = (page: import("@playwright/test").Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort());

test("SPA navigation in the npm-installed demo app re-evaluates URL rules", async ({ page, demo }) => {
  const scripts: string[] = [];
  page.on("request", (r) => r.resourceType() === "script" && scripts.push(new URL(r.url()).pathname));
  await page.goto(`${demo.siteUrl}/app/`);
  await expect(page.getByRole("heading", { name: "Library" })).toBeVisible();
  await page.waitForTimeout(300);
  await expect(prompt(page)).toHaveCount(0);
  // "NPS in the app" (from the collector, as on the host pages) waits until the person leaves the library.
  await page.getByRole("link", { name: "Projects" }).click();
  await expect(page).toHaveURL(/\/app\/projects$/);
  await expect(prompt(page).getByRole("dialog")).toBeVisible();
  await expect(prompt(page).getByRole("heading")).toHaveText(
    "How likely are you to recommend Lumen to a friend or colleague?",
  );
  // A production bundle, as an app ships Sonde from npm: its own hashed chunks, no dev server
  // modules, no script-tag build.
  expect(scripts.length).toBeGreaterThan(1);
  for (const path of scripts) expect(path).toMatch(/^\/app\/assets\/[\w-]+-[\w-]{8}\.js$/);
});

test("with consent pending nothing is stored or shown until consent is granted", async ({ page, host, collector }) => {
  await page.goto(
    host.page("/consent/pricing", {
      html: hostPage({
        endpoint: `${collector.url}/v1/responses`,
        surveys: JSON.stringify([survey("nps-consent", "/consent")]),
        consent: "pending",
      }),
    }),
  );
  await page.waitForFunction(
    () => "sonde" in window && (window as unknown as { sonde: { loaded?: boolean } }).sonde.loaded,
  );
  await page.waitForTimeout(500);
  await expect(prompt(page)).toHaveCount(0);
  expect(await databases(page)).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem("sonde-state"))).toBeNull();
  expect(await page.evaluate(() => document.cookie)).toBe("");

  await page.evaluate(() => (window as unknown as { sonde: (...a: unknown[]) => void }).sonde("setConsent", "granted"));
  await expect(prompt(page).getByRole("dialog")).toBeVisible();
  await prompt(page).getByRole("radio", { name: "8" }).click();
  await prompt(page).getByRole("button", { name: "Submit" }).click();
  await expect(prompt(page).getByText("Thanks!")).toBeVisible();
  expect(await databases(page)).toEqual(["sonde-outbox"]);
  await expect.poll(async () => (await outboxIds(page)).length).toBe(0);
  expect(await page.evaluate(() => document.cookie)).toBe("");
});

test("a page where no survey is due creates no outbox; the first answer does, and it is sent", async ({
  page,
  host,
  collector,
}) => {
  const surveys = JSON.stringify([survey("nps-outbox-later", "/later")]);
  const config = { endpoint: `${collector.url}/v1/responses`, surveys };
  await page.goto(host.page("/outbox-first/docs", { html: hostPage(config) }));
  await page.waitForFunction(() => (window as unknown as { sonde: { loaded?: boolean } }).sonde.loaded);
  // The visit is counted (the person's state, in localStorage), and no database is created.
  await expect.poll(() => page.evaluate(() => localStorage.getItem("sonde-state"))).toContain('"visits":1');
  await page.waitForTimeout(300);
  expect(await databases(page)).toEqual([]);

  await page.goto(host.page("/later/page", { html: hostPage(config) }));
  await prompt(page).getByRole("radio", { name: "9" }).click();
  await prompt(page).getByRole("button", { name: "Submit" }).click();
  await expect(prompt(page).getByText("Thanks!")).toBeVisible();
  expect(await databases(page)).toEqual(["sonde-outbox"]);
  await expect.poll(() => collector.rowCount("nps-outbox-later")).toBe(1);
});

test("Global Privacy Control is honoured when configured", async ({ page, host, collector }) => {
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true }),
  );
  await page.goto(
    host.page("/gpc/pricing", {
      html: hostPage({
        endpoint: `${collector.url}/v1/responses`,
        surveys: JSON.stringify([survey("nps-gpc", "/gpc")]),
        "honor-privacy-signals": "true",
      }),
    }),
  );
  await page.waitForFunction(() => (window as unknown as { sonde?: { loaded?: boolean } }).sonde?.loaded === true);
  await page.waitForTimeout(500);
  await expect(prompt(page)).toHaveCount(0);
  expect(await databases(page)).toEqual([]);
});

test("debug mode prints why each survey did not show", async ({ page, host, collector }) => {
  const lines: string[] = [];
  page.on("console", (m) => lines.push(m.text()));
  await page.goto(
    `${host.page("/debug/docs", {
      html: hostPage({
        endpoint: `${collector.url}/v1/responses`,
        surveys: JSON.stringify([survey("nps-debug", "/pricing")]),
      }),
    })}?sonde_debug=1`,
  );
  await expect.poll(() => lines.join("\n")).toMatch(/nps-debug not shown: trigger: page \/debug\/docs does not match/);
});

test("preview shows a survey for QA without writing history or sending the answer", async ({
  page,
  host,
  collector,
}) => {
  const before = collector.rowCount();
  await page.goto(
    `${host.page("/preview/docs", {
      html: hostPage({
        endpoint: `${collector.url}/v1/responses`,
        surveys: JSON.stringify([survey("nps-preview", "/pricing")]),
      }),
    })}?sonde_preview=nps-preview`,
  );
  await expect(prompt(page).getByRole("dialog")).toBeVisible();
  await prompt(page).getByRole("radio", { name: "3" }).click();
  await prompt(page).getByRole("button", { name: "Submit" }).click();
  await expect(prompt(page).getByText("Thanks!")).toBeVisible();
  expect(await outboxIds(page)).toEqual([]);
  const history = await page.evaluate(() => JSON.parse(localStorage.getItem("sonde-state") ?? "{}").history ?? null);
  expect(history).toBeNull();
  await page.waitForTimeout(300);
  expect(collector.rowCount()).toBe(before);
});

test("optOut() hides prompts on this browser until optIn()", async ({ page, host, collector }) => {
  const url = host.page("/optout/pricing", {
    html: `<!doctype html><html><head><script>${snippet("/sonde/sonde.js")}
sonde("init", { endpoint: ${JSON.stringify(`${collector.url}/v1/responses`)}, cooldownDays: 0, surveys: ${JSON.stringify([survey("nps-optout", "/optout")])} });
</script></head><body>Host</body></html>`,
  });
  await page.goto(url);
  await expect(prompt(page).getByRole("dialog")).toBeVisible();
  await page.evaluate(() => (window as unknown as { sonde: (m: string) => void }).sonde("optOut"));
  await expect(prompt(page)).toHaveCount(0);
  await page.reload();
  await page.waitForTimeout(600);
  await expect(prompt(page)).toHaveCount(0);
  await page.evaluate(() => (window as unknown as { sonde: (m: string) => void }).sonde("optIn"));
  await expect(prompt(page).getByRole("dialog")).toBeVisible();
});

test("the recorded page URL drops its query string unless captureQuery is set", async ({ page, host, collector }) => {
  for (const [path, extra, expected] of [
    ["/query-default/pricing", {}, "/query-default/pricing"],
    ["/query-kept/pricing", { "capture-query": "true" }, "/query-kept/pricing?plan=team"],
  ] as const) {
    const url = host.page(path, {
      html: hostPage({
        endpoint: `${collector.url}/v1/responses`,
        surveys: JSON.stringify([survey(`nps${path.split("/")[1]}`, path)]),
        "cooldown-days": "0", // two prompts in one browser
        ...extra,
      }),
    });
    await page.goto(`${url}?plan=team`);
    await page.evaluate(() => {
      const w = window as unknown as { sonde: (...a: unknown[]) => void; done?: string };
      w.sonde("on", "completed", (e: { responseId: string }) => (w.done = e.responseId));
    });
    await prompt(page).getByRole("radio", { name: "9" }).click();
    await prompt(page).getByRole("button", { name: "Submit" }).click();
    const id = await page
      .waitForFunction(() => (window as unknown as { done?: string }).done)
      .then((h) => h.jsonValue());
    await expect.poll(() => collector.rowsFor(id!)).toBe(1);
    const stored = collector.rows().find((r) => r.id === id)!;
    expect(new URL(stored.response.context.url).pathname + new URL(stored.response.context.url).search).toBe(expected);
  }
});
