// The collector's CORS allowlist and keys as a real browser meets them: preflights, simple
// text/plain beacons without custom headers, and the widget sending with a write key in its URL.
import { test as base, expect, type Page } from "@playwright/test";
import { type CollectorProcess, spawnCollector } from "./support/collector.js";
import { prompt } from "./support/fixtures.js";
import { hostPage, startHost, type TestHost } from "./support/host.js";

const WRITE_KEY = "wk_e2e_browser_7c2d";
const READ_KEY = "rk_e2e_browser_91aa";

/** A host site, and a collector that only takes answers from the host's origin and with the write key. */
const test = base.extend<object, { host: TestHost; locked: CollectorProcess }>({
  host: [
    async ({}, use) => {
      const host = await startHost();
      await use(host);
      await host.close();
    },
    { scope: "worker" },
  ],
  locked: [
    async ({ host }, use) => {
      const collector = await spawnCollector({
        args: ["--cors-origin", host.url, "--write-key", WRITE_KEY, "--read-key", READ_KEY],
      });
      await use(collector);
      await collector.stop();
    },
    { scope: "worker" },
  ],
});

let counter = 0;
/** A valid batch of one response with a fresh id. */
function batch() {
  const id = `browser-${Date.now()}-${counter++}`;
  const now = Date.now();
  return {
    id,
    body: JSON.stringify({
      responses: [
        {
          id,
          surveyId: "nps-pricing",
          revision: 1,
          completed: true,
          answers: { score: { kind: "nps", value: 10 } },
          createdAt: now,
          updatedAt: now,
          anonymousId: "anon-browser",
          context: { url: "https://lumen.example/pricing/" },
          schemaVersion: 1,
        },
      ],
    }),
  };
}

/** Runs `fetch` in the page; returns the status, or the error a blocked request raises. */
function pageFetch(page: Page, url: string, init: RequestInit): Promise<number | string> {
  return page.evaluate(
    async ([u, i]) => {
      try {
        return (await fetch(u, i)).status;
      } catch (e) {
        return String(e);
      }
    },
    [url, init] as const,
  );
}

test("a listed origin sends answers with the write key: fetch with a preflight, and a text/plain beacon", async ({
  page,
  host,
  locked,
}) => {
  await page.goto(host.page("/allowed", { html: "<!doctype html><title>allowed</title><p>Host</p>" }));
  const endpoint = `${locked.url}/v1/responses?key=${WRITE_KEY}`;

  const viaFetch = batch();
  const status = await pageFetch(page, endpoint, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: viaFetch.body,
  });
  expect(status).toBe(200);
  expect(locked.rowsFor(viaFetch.id)).toBe(1);

  // What the widget does on unload: no custom header, so no preflight — the key rides in the URL.
  const viaBeacon = batch();
  const queued = await page.evaluate(
    ([u, body]) => navigator.sendBeacon(u, new Blob([body], { type: "text/plain;charset=UTF-8" })),
    [endpoint, viaBeacon.body] as const,
  );
  expect(queued).toBe(true);
  await expect.poll(() => locked.rowsFor(viaBeacon.id)).toBe(1);

  // Without the key, nothing is stored.
  const keyless = batch();
  expect(
    await pageFetch(page, `${locked.url}/v1/responses`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: keyless.body,
    }),
  ).toBe(401);
  expect(locked.rowsFor(keyless.id)).toBe(0);
});

test("another origin can neither send answers (not even a beacon) nor read results", async ({ page, host, locked }) => {
  // Same server, other origin: localhost is not 127.0.0.1 to a browser.
  const other = host
    .page("/other", { html: "<!doctype html><title>other</title><p>Other</p>" })
    .replace("127.0.0.1", "localhost");
  await page.goto(other);
  const endpoint = `${locked.url}/v1/responses?key=${WRITE_KEY}`;

  const viaFetch = batch();
  const status = await pageFetch(page, endpoint, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: viaFetch.body,
  });
  expect(String(status)).toContain("Failed to fetch");

  // The browser sends a beacon whatever CORS says; the collector refuses it by its Origin. Its
  // request log shows the beacon arrived and got a 403, so the check below is not just early.
  const log: string[] = [];
  locked.child.stdout!.on("data", (chunk: Buffer) => log.push(String(chunk)));
  const viaBeacon = batch();
  const queued = await page.evaluate(([u, body]) => navigator.sendBeacon(u, new Blob([body], { type: "text/plain" })), [
    endpoint,
    viaBeacon.body,
  ] as const);
  expect(queued).toBe(true);
  await expect.poll(() => log.join("")).toMatch(/POST \/v1\/responses\?key=\[redacted\] 403 /);
  expect(locked.rowsFor(viaFetch.id)).toBe(0);
  expect(locked.rowsFor(viaBeacon.id)).toBe(0);

  const read = await pageFetch(page, `${locked.url}/v1/results`, {
    headers: { authorization: `Bearer ${READ_KEY}` },
  });
  expect(String(read)).toContain("Failed to fetch");
});

test("the listed origin reads results with the read key, and is told when it lacks it", async ({
  page,
  host,
  locked,
}) => {
  await page.goto(host.page("/reader", { html: "<!doctype html><title>reader</title><p>Reader</p>" }));
  const withKey = await page.evaluate(
    async ([u, key]) => {
      const res = await fetch(u, { headers: { authorization: `Bearer ${key}` } });
      return { status: res.status, body: (await res.json()) as { survey: { id: string } } };
    },
    [`${locked.url}/v1/results?survey=nps-pricing`, READ_KEY] as const,
  );
  expect(withKey.status).toBe(200);
  expect(withKey.body.survey.id).toBe("nps-pricing");
  // The 401 itself is readable, so the page can ask for the key.
  expect(await pageFetch(page, `${locked.url}/v1/results`, {})).toBe(401);
});

test("the widget delivers an answer to an endpoint URL that carries the write key", async ({ page, host, locked }) => {
  const before = locked.rowCount();
  await page.goto(
    host.page("/pricing/", {
      html: hostPage({
        endpoint: `${locked.url}/v1/responses?key=${WRITE_KEY}`,
        "surveys-url": `${locked.url}/v1/surveys`,
      }),
    }),
  );
  await expect(prompt(page).getByRole("dialog")).toBeVisible();
  await prompt(page).getByRole("radio", { name: "8" }).click();
  await prompt(page).getByRole("button", { name: "Submit" }).click();
  await expect.poll(() => locked.rowCount()).toBe(before + 1);
});
