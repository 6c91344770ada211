import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SurveyResponse } from "@sonde/core";
import { build } from "vite";
import { repoRoot } from "../support/collector.js";
import { startFaultProxy } from "../support/fault-proxy.js";
import { expect, outboxIds, prompt, test } from "../support/fixtures.js";
import { hostPage } from "../support/host.js";

// How fast an answer is persisted, and how a backlog of 1,000 answers drains to a local collector.
// Run: npx -y pnpm@10 run build && npx -y pnpm@10 run bench. Figures go to BENCHMARKS.md by hand,
// and to e2e/.artifacts/bench-outbox.json.

test.describe.configure({ mode: "serial" });

const figures: Record<string, unknown> = {};
test.afterAll(() => {
  const dir = join(repoRoot, "e2e/.artifacts");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "bench-outbox.json"), `${JSON.stringify(figures, null, 2)}\n`);
});

/** The widget's outbox from source, minified into one script (no code splitting) for a bench page. */
async function outboxScript(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: "warn",
    root: repoRoot,
    resolve: { conditions: ["source"] },
    build: {
      write: false,
      minify: true,
      rolldownOptions: { input: join(repoRoot, "e2e/bench/outbox-entry.ts"), output: { codeSplitting: false } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ("output" in r ? r.output : []));
  const chunk = outputs.find((o) => o.type === "chunk");
  if (chunk?.type !== "chunk") throw new Error("vite built no chunk for the bench page");
  return chunk.code;
}

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const ms = (v: number) => Math.round(v * 100) / 100;
  return {
    n: sorted.length,
    p50: ms(percentile(sorted, 50)),
    p95: ms(percentile(sorted, 95)),
    max: ms(sorted.at(-1)!),
  };
};

/** A valid answer record, as the widget builds them. */
function record(i: number): SurveyResponse {
  const now = Date.now();
  return {
    id: `bench-${String(i).padStart(5, "0")}-${Math.random().toString(36).slice(2, 10)}`,
    surveyId: "nps-pricing",
    surveyVersion: 1,
    revision: 1,
    completed: true,
    answers: { score: { kind: "nps", value: i % 11 } },
    createdAt: now,
    updatedAt: now,
    anonymousId: "bench-anon",
    userId: null,
    context: { url: "http://127.0.0.1/pricing", locale: "en", device: "desktop" },
    schemaVersion: 1,
  };
}

test("answer → persisted, through the real widget: Submit click to IndexedDB commit (first answer on a page)", async ({
  browser,
  host,
  collector,
}) => {
  const url = host.page("/pricing", {
    html: hostPage({ endpoint: `${collector.url}/v1/responses`, "surveys-url": `${collector.url}/v1/surveys` }),
  });
  const samples: number[] = [];
  for (let i = 0; i < 30; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Resolves `benchCommit` when a write to the outbox's store commits.
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["put"]>) {
        const request = put.apply(this, args);
        if (this.transaction.db.name === "sonde-outbox") {
          this.transaction.addEventListener("complete", () =>
            (globalThis as { benchCommitted?: (at: number) => void }).benchCommitted?.(performance.now()),
          );
        }
        return request;
      };
    });
    await page.goto(url);
    await expect(prompt(page).getByRole("dialog")).toBeVisible();
    await prompt(page).getByRole("radio", { name: "7", exact: true }).click();
    // Click and wait inside the page: no Playwright script runs on the main thread meanwhile.
    const ms = await page.evaluate(() => {
      const root = document.querySelector("sonde-prompt")!.shadowRoot!;
      const submit = [...root.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Submit")!;
      return new Promise<number>((resolve) => {
        const clicked = performance.now();
        (globalThis as { benchCommitted?: (at: number) => void }).benchCommitted = (at) => resolve(at - clicked);
        submit.click();
      });
    });
    samples.push(ms);
    await expect(prompt(page).getByText("Thank you — that helps us a lot.")).toBeVisible();
    await context.close();
  }
  await expect.poll(() => collector.rowCount()).toBeGreaterThanOrEqual(30);
  figures.widgetClickToCommitMs = summary(samples);
  console.log("Submit click → IndexedDB commit (real widget, first answer on a fresh page):", summary(samples));
});

test("answer → persisted: outbox.enqueue() in a warm page, held and while deliveries run", async ({
  page,
  host,
  collector,
}) => {
  const script = await outboxScript();
  await page.goto(
    host.page("/bench", { html: `<!doctype html><title>bench</title><script type="module">${script}</script>` }),
  );
  await page.waitForFunction(() => "sondeBench" in globalThis);
  const records = Array.from({ length: 1100 }, (_, i) => record(i));
  const result = await page.evaluate(
    async ({ endpoint, records }) => {
      type Outbox = {
        enqueue(r: unknown): Promise<void>;
        flush(): Promise<{ sent: string[] }>;
        hold(h: boolean): void;
      };
      const { createOutbox } = (globalThis as unknown as { sondeBench: { createOutbox: (o: unknown) => Outbox } })
        .sondeBench;
      const time = async (outbox: Outbox, batch: unknown[]) => {
        const samples: number[] = [];
        for (const r of batch) {
          const t0 = performance.now();
          await outbox.enqueue(r);
          samples.push(performance.now() - t0);
        }
        return samples;
      };
      const held = createOutbox({ endpoint, hold: true });
      const first = await time(held, records.slice(0, 1)); // opens the database
      const heldSamples = await time(held, records.slice(1, 501));
      held.hold(false);
      await held.flush();
      // Live: each answer triggers a flush to the collector while the next ones are written.
      const live = createOutbox({ endpoint });
      const liveSamples = await time(live, records.slice(501, 1001));
      return { first: first[0]!, heldSamples, liveSamples };
    },
    { endpoint: `${collector.url}/v1/responses`, records },
  );
  await expect.poll(() => collector.rowCount()).toBeGreaterThanOrEqual(1001);
  figures.enqueueFirstMs = Math.round(result.first * 100) / 100;
  figures.enqueueHeldMs = summary(result.heldSamples);
  figures.enqueueLiveMs = summary(result.liveSamples);
  console.log("enqueue, first (opens the database):", figures.enqueueFirstMs, "ms");
  console.log("enqueue, held (persist only):", figures.enqueueHeldMs);
  console.log("enqueue, live (flushes running):", figures.enqueueLiveMs);
});

test("1,000 queued answers flushed to the local collector: time and requests", async ({ page, host, collector }) => {
  const script = await outboxScript();
  // Through the pass-through proxy, which counts POSTs and CORS preflights (Playwright sees no preflight).
  const proxy = await startFaultProxy(collector.url);
  try {
    await page.goto(
      host.page("/bench", { html: `<!doctype html><title>bench</title><script type="module">${script}</script>` }),
    );
    await page.waitForFunction(() => "sondeBench" in globalThis);
    const before = collector.rowCount();
    const records = Array.from({ length: 1000 }, (_, i) => record(i));
    const result = await page.evaluate(
      async ({ endpoint, records }) => {
        type Outbox = { enqueue(r: unknown): Promise<void>; flush(): Promise<{ sent: string[]; waiting: number }> };
        const { createOutbox } = (globalThis as unknown as { sondeBench: { createOutbox: (o: unknown) => Outbox } })
          .sondeBench;
        // An earlier visit left 1,000 answers (held: never sent then).
        const earlier = createOutbox({ endpoint, hold: true });
        for (const r of records) await earlier.enqueue(r);
        // This visit sends them.
        const t0 = performance.now();
        const { sent, waiting } = await createOutbox({ endpoint }).flush();
        return { ms: performance.now() - t0, sent: sent.length, waiting };
      },
      { endpoint: `${proxy.url}/v1/responses`, records },
    );
    expect(result).toMatchObject({ sent: 1000, waiting: 0 });
    expect(collector.rowCount() - before).toBe(1000);
    expect(await outboxIds(page)).toEqual([]);
    figures.flush1000 = {
      ms: Math.round(result.ms),
      posts: proxy.posts.length,
      responsesPerPost: proxy.posts.map((p) => p.ids.length),
      preflights: proxy.preflights.length,
    };
    console.log("1,000 queued answers → collector:", figures.flush1000);
  } finally {
    await proxy.close();
  }
});
