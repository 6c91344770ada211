import type { BrowserContext, Page } from "@playwright/test";
import { type CollectorProcess, spawnCollector } from "./support/collector.js";
import { type FaultProxy, startFaultProxy } from "./support/fault-proxy.js";
import { test as base, expect, outboxIds } from "./support/fixtures.js";
import { hostPage } from "./support/host.js";
import { answerNps, plantInOutbox, storeKeys } from "./support/outbox-page.js";

// The outbox's promise under faults: every answer a user gave ends up in the collector's SQLite
// file exactly once. Each case runs a fresh collector process on a fresh SQLite file, behind a
// fault-injecting proxy on another origin (so every delivery here is a CORS delivery). Retry
// timings are shortened through `data-outbox-tuning`; nothing below asserts how fast things are.

const TUNING = JSON.stringify({ baseMs: 50, capMs: 400, timeoutMs: 1500 });

interface Stack {
  collector: CollectorProcess;
  proxy: FaultProxy;
  /** The demo NPS survey's page (a survey is due) on the test host, answers sent through the proxy. */
  pricing: (attrs?: Record<string, string>) => string;
  /** A page of the same site where no survey is due. */
  docs: (attrs?: Record<string, string>) => string;
}

const test = base.extend<{ stack: Stack }>({
  stack: async ({ host }, use) => {
    const collector = await spawnCollector();
    const proxy = await startFaultProxy(collector.url);
    const attrs = (extra: Record<string, string> = {}) => ({
      endpoint: `${proxy.url}/v1/responses`,
      "surveys-url": `${collector.url}/v1/surveys`,
      "outbox-tuning": TUNING,
      ...extra,
    });
    await use({
      collector,
      proxy,
      pricing: (extra) => host.page("/pricing", { html: hostPage(attrs(extra)) }),
      docs: (extra) => host.page("/docs", { html: hostPage(attrs(extra)) }),
    });
    await proxy.close();
    await collector.stop();
  },
});

/**
 * The collector's database holds exactly these answers, each once, with the score given —
 * no answer lost, none stored twice, no stray rows (every case has its own SQLite file).
 */
async function expectStoredOnce(collector: CollectorProcess, ids: string[], score = 7) {
  expect(ids.length, "answers given").toBeGreaterThan(0);
  expect(new Set(ids).size, `ids given: ${ids}`).toBe(ids.length);
  await expect.poll(() => collector.rows().map((r) => r.id)).toEqual([...ids].sort());
  for (const row of collector.rows()) {
    expect(row.response.answers.score, row.id).toEqual({ kind: "nps", value: score });
    expect(row.revision, row.id).toBe(1);
  }
}

/** Response ids the proxy saw, in order of first appearance. */
const idsSeen = (proxy: FaultProxy) => [...new Set(proxy.posts.flatMap((p) => p.ids))];

/** Waits until the proxy has seen `count` distinct answers and returns their ids. */
async function answersSeen(proxy: FaultProxy, count: number): Promise<string[]> {
  await expect.poll(() => idsSeen(proxy).length).toBe(count);
  return idsSeen(proxy);
}

async function openPrompt(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator("sonde-prompt").getByRole("dialog")).toBeVisible();
  return page;
}

test("offline at submit: stored, then delivered once when the browser is back online", async ({
  page,
  context,
  stack,
}) => {
  await page.goto(stack.pricing());
  await expect(page.locator("sonde-prompt").getByRole("dialog")).toBeVisible();
  await context.setOffline(true);
  await answerNps(page, 7);
  const ids = await outboxIds(page);
  expect(ids).toHaveLength(1);
  expect(stack.collector.rows()).toEqual([]);
  expect(stack.proxy.posts).toEqual([]); // no attempt while offline

  // The `online` event flushes, no reload needed — even though the delivery code itself, first
  // asked for at the answer, could not be downloaded while offline: it is fetched again now.
  await context.setOffline(false);
  await expectStoredOnce(stack.collector, ids);
  await expect.poll(() => outboxIds(page)).toEqual([]);
});

test("tab closed right after submit while the endpoint is down: the next visit delivers it once", async ({
  page,
  context,
  stack,
}) => {
  stack.proxy.always({ status: 503 });
  await page.goto(stack.pricing());
  await answerNps(page, 7);
  const ids = await outboxIds(page);
  expect(ids).toHaveLength(1);
  await page.close();
  expect(stack.collector.rows()).toEqual([]);

  stack.proxy.always(undefined);
  const next = await context.newPage();
  await next.goto(stack.docs()); // a page where no survey is due still delivers what waits
  await expectStoredOnce(stack.collector, ids);
  await expect.poll(() => outboxIds(next)).toEqual([]);
});

test("endpoint answers 500 three times, then 200: retried with backoff, stored once", async ({ page, stack }) => {
  stack.proxy.fail({ status: 500 }, { status: 500 }, { status: 500 });
  await page.goto(stack.pricing());
  await answerNps(page, 7);
  await expect.poll(() => stack.proxy.posts.at(-1)?.outcome).toBe("200");
  const ids = idsSeen(stack.proxy);
  expect(ids).toHaveLength(1);
  expect(stack.proxy.postsWith(ids[0]!).map((p) => p.outcome)).toEqual(["500", "500", "500", "200"]);
  await expectStoredOnce(stack.collector, ids);
  await expect.poll(() => outboxIds(page)).toEqual([]);
});

test("429 with Retry-After: the widget waits as long as it is told, then delivers once", async ({ page, stack }) => {
  stack.proxy.fail({ status: 429, retryAfter: "2" });
  await page.goto(stack.pricing());
  await answerNps(page, 7);
  await expect.poll(() => stack.proxy.posts.at(-1)?.outcome).toBe("200");
  const [id] = idsSeen(stack.proxy) as [string];
  const [refused, accepted] = stack.proxy.postsWith(id);
  expect([refused?.outcome, accepted?.outcome]).toEqual(["429", "200"]);
  // Its own backoff would have retried within 400 ms (the cap here); Retry-After said 2 s.
  expect(accepted!.at - refused!.at).toBeGreaterThanOrEqual(2000);
  await expectStoredOnce(stack.collector, [id]);
});

for (const reset of ["before-forwarding", "after-forwarding"] as const) {
  test(`connection reset mid-request (${reset}): retried, stored once`, async ({ page, stack }) => {
    stack.proxy.fail({ reset });
    await page.goto(stack.pricing());
    await answerNps(page, 7);
    await expect.poll(() => stack.proxy.posts.at(-1)?.outcome).toBe("200");
    const ids = idsSeen(stack.proxy);
    expect(stack.proxy.postsWith(ids[0]!)[0]!.outcome).toBe(`reset-${reset}`);
    // After forwarding, the collector already stored it: the retry is a duplicate it absorbs.
    await expectStoredOnce(stack.collector, ids);
    await expect.poll(() => outboxIds(page)).toEqual([]);
  });
}

test("endpoint slower than the timeout: the widget gives up, retries, and the answer is stored once", async ({
  page,
  stack,
}) => {
  stack.proxy.fail({ delayMs: 5000 }); // the widget's timeout here is 1.5 s
  await page.goto(stack.pricing());
  await answerNps(page, 7);
  await expect.poll(() => stack.proxy.posts.at(-1)?.outcome).toBe("200");
  const ids = idsSeen(stack.proxy);
  expect(stack.proxy.postsWith(ids[0]!).map((p) => p.outcome)).toEqual(["delayed", "200"]);
  await expectStoredOnce(stack.collector, ids);
  await expect.poll(() => outboxIds(page)).toEqual([]);
});

test("five tabs with queued answers flush at once: one flusher at a time, each answer sent and stored once", async ({
  context,
  stack,
}) => {
  const pages: Page[] = [];
  // Five prompts in one browser: lift the 14-day cooldown that follows any prompt.
  for (let i = 0; i < 5; i++) pages.push(await openPrompt(context, stack.pricing({ "cooldown-days": "0" })));
  await context.setOffline(true);
  for (const page of pages) await answerNps(page, 7);
  const ids = await outboxIds(pages[0]!);
  expect(ids).toHaveLength(5);

  await context.setOffline(false); // `online` fires in all five tabs together
  await expectStoredOnce(stack.collector, ids);
  // The Web Locks API let one tab send; the others found nothing left.
  for (const id of ids) expect(stack.proxy.postsWith(id), id).toHaveLength(1);
  for (const page of pages) await expect.poll(() => outboxIds(page)).toEqual([]);
});

test("IndexedDB removed before load: the answer is kept in memory and delivered once, reported once in debug mode", async ({
  page,
  stack,
}) => {
  await page.addInitScript(() => Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true }));
  const warnings: string[] = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto(stack.pricing({ debug: "" }));
  expect(await page.evaluate(() => window.indexedDB)).toBeUndefined();
  await answerNps(page, 7);
  await expectStoredOnce(stack.collector, await answersSeen(stack.proxy, 1));
  expect(warnings.filter((w) => w.includes("IndexedDB is unavailable"))).toHaveLength(1);
});

test("corrupt records planted in the store are skipped and reported; the valid ones are delivered once", async ({
  page,
  host,
  stack,
}) => {
  await page.goto(host.page("/blank", { html: "<!doctype html><title>blank</title>" }));
  const planted = {
    id: "resp-planted-valid-1",
    surveyId: "nps-pricing",
    surveyVersion: 1,
    revision: 1,
    completed: true,
    answers: { score: { kind: "nps", value: 7 } },
    createdAt: Date.now() - 60_000,
    updatedAt: Date.now() - 60_000,
    anonymousId: "anon-earlier-visit",
    userId: null,
    context: { url: `${host.url}/pricing` },
    schemaVersion: 1,
  };
  await plantInOutbox(page, [
    ["corrupt-text", "garbage"],
    // Readable, but the collector's schema refuses it (an NPS of 42): isolated and dead-lettered.
    [
      "resp-planted-refused",
      { ...planted, id: "resp-planted-refused", answers: { score: { kind: "nps", value: 42 } } },
    ],
    ["resp-planted-valid-1", planted],
  ]);
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));

  await page.goto(stack.pricing());
  await answerNps(page, 7);
  const given = () => idsSeen(stack.proxy).filter((id) => !id.startsWith("resp-planted"));
  await expect.poll(() => given().length).toBe(1);
  const fresh = given();
  await expectStoredOnce(stack.collector, ["resp-planted-valid-1", ...fresh]);
  await expect.poll(() => outboxIds(page)).toEqual([]);
  await expect.poll(() => storeKeys(page, "sonde-dead-letter")).toEqual(["corrupt-text", "resp-planted-refused"]);
  // The endpoint's refusal reaches the host, naming the field.
  expect(errors.join("\n")).toMatch(/HTTP 400: invalid batch \(responses\[0\]\.answers\.score\.value/);
});

test("endpoint on another origin: ordinary deliveries use CORS; on unload a keepalive text/plain request needs no preflight", async ({
  page,
  browser,
  stack,
}) => {
  // Ordinary delivery: application/json, so the browser asks first (a preflight) — and is allowed.
  await page.goto(stack.pricing());
  await answerNps(page, 7);
  await expectStoredOnce(stack.collector, await answersSeen(stack.proxy, 1));
  expect(stack.proxy.preflights.length).toBeGreaterThan(0);
  expect(stack.proxy.posts[0]!.contentType).toBe("application/json");

  // Now the endpoint refuses every preflight: only a simple request can reach it. (A second
  // browser profile, as this one has answered the survey and will not be asked again.)
  stack.proxy.refusePreflights(true);
  const second = await browser.newContext();
  try {
    const tab = await second.newPage();
    await tab.goto(stack.pricing());
    await answerNps(tab, 7);
    const [waiting] = (await outboxIds(tab)) as [string];
    expect(stack.collector.rows().map((r) => r.id)).not.toContain(waiting);
    // The ordinary delivery was tried and refused at its preflight (so its code has loaded)...
    await expect.poll(() => stack.proxy.preflights.filter((p) => p.allowed === false).length).toBeGreaterThan(0);
    await tab.close(); // ...then pagehide: keepalive fetch, text/plain
    // The one request that got through: text/plain, sent as the page went.
    const delivering = () => stack.proxy.postsWith(waiting).filter((p) => p.outcome === "200");
    await expect.poll(() => delivering().map((p) => p.contentType)).toEqual(["text/plain;charset=UTF-8"]);
    await expectStoredOnce(stack.collector, await answersSeen(stack.proxy, 2));
  } finally {
    await second.close();
  }
});

test("on unload without keepalive, sendBeacon delivers the answer once", async ({ page, stack }) => {
  // A browser without keepalive support: fetch refuses keepalive requests.
  await page.addInitScript(() => {
    const original = window.fetch;
    window.fetch = (input, init) => {
      if (init?.keepalive) throw new TypeError("keepalive is not supported here");
      return original(input, init);
    };
  });
  stack.proxy.always({ status: 503 }); // ordinary deliveries fail; the answer waits
  await page.goto(stack.pricing());
  await answerNps(page, 7);
  const [id] = (await outboxIds(page)) as [string];
  await expect.poll(() => stack.proxy.postsWith(id).length).toBeGreaterThan(0);
  stack.proxy.always(undefined);
  await page.close();
  await expectStoredOnce(stack.collector, [id]);
  expect(stack.proxy.postsWith(id).at(-1)!.contentType).toBe("text/plain;charset=UTF-8");
});

test("a page with nothing waiting never downloads the delivery code; one with an answer waiting does", async ({
  page,
  context,
  stack,
}) => {
  const scripts: string[] = [];
  context.on("request", (r) => r.resourceType() === "script" && scripts.push(new URL(r.url()).pathname));
  await page.goto(stack.docs());
  await page.waitForLoadState("networkidle");
  expect(scripts.some((s) => s.startsWith("/sonde/boot-"))).toBe(true);
  expect(scripts.filter((s) => s.startsWith("/sonde/delivery-"))).toEqual([]);

  await plantInOutbox(page, [["resp-left-behind-1", { left: "by an earlier visit" }]]);
  await page.reload();
  await expect.poll(() => scripts.filter((s) => s.startsWith("/sonde/delivery-")).length).toBe(1);
});
