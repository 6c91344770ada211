import type { Browser, CDPSession } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";
import { hostPage } from "../support/host.js";

// What Sonde costs a host page, with the CPU throttled 4×, median of 15 cold loads in fresh
// contexts, interleaved with loads of the same page without Sonde: a page where no survey is due
// (four surveys defined, none for this URL), and a page where one NPS prompt is due on load.
//
// - scriptMs: CDP Performance.getMetrics ScriptDuration, the measure. Chromium counts
//   script evaluation and callbacks, but not the promise jobs that run after a callback returns
//   — and most of Sonde's work runs in those (after `await idle()`). So it is also measured:
// - mainThreadMs: every main-thread task that ran script, microtasks included, from a Chromium
//   trace (devtools.timeline): the time the host's main thread was busy with Sonde. Tracing
//   slows a page a little, so these loads are separate from the ScriptDuration ones.
// - long tasks (≥ 50 ms) seen by a PerformanceObserver, over all loads.
// - loadDelayMs: when the host's `load` event started (navigation timing), with Sonde minus
//   without: what the script tag holds the page's own `load` back.
//
// Nothing is evaluated in the page before the metrics are read (Playwright's waitForFunction
// would inject its own script and it would count as Sonde's): each load waits for the network
// to settle and a fixed 2.5 s, then checks that Sonde did load.
const RUNS = Number(process.env.BENCH_RUNS) || 15;
const RATE = 4;

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
};
const SCRIPT_EVENTS =
  /^(v8\.compileModule|v8\.evaluateModule|EvaluateScript|FunctionCall|FireIdleCallback|RunMicrotasks|TimerFire|EventDispatch)$/;

/** The time covered by main-thread script events of a trace, nested ones counted once. */
function mainThreadScriptMs(events: TraceEvent[]): number {
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const spans = events
    .filter((e) => e.ph === "X" && e.pid === main?.pid && e.tid === main?.tid && e.dur && SCRIPT_EVENTS.test(e.name))
    .sort((a, b) => a.ts - b.ts);
  let end = 0;
  let total = 0;
  for (const e of spans) {
    const from = Math.max(e.ts, end);
    const to = e.ts + e.dur!;
    if (to > from) total += to - from;
    end = Math.max(end, to);
  }
  return total / 1000;
}

async function traced<T>(cdp: CDPSession, run: () => Promise<T>): Promise<[T, number]> {
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", {
    traceConfig: { includedCategories: ["devtools.timeline"] },
    transferMode: "ReportEvents",
  });
  const value = await run();
  await cdp.send("Tracing.end");
  await complete;
  return [value, mainThreadScriptMs(events)];
}

/** One load: ScriptDuration, main-thread time (traced loads), when `load` started, what showed. */
type Load = {
  script: number;
  mainThread: number;
  loadAt: number;
  longTasks: number[];
  loaded: boolean;
  prompt: boolean;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => +x.toFixed(2);

/** One cold load in a fresh context (a first visit), throttled; traced for main-thread time or not. */
async function load(browser: Browser, url: string, trace: boolean): Promise<Load> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as unknown as { longTasks: number[] }).longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (window as unknown as { longTasks: number[] }).longTasks.push(e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: RATE });
  const run = async () => {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(2500); // Sonde defers its work until idle: let it finish.
    const { metrics } = await cdp.send("Performance.getMetrics");
    return metrics.find((m) => m.name === "ScriptDuration")!.value * 1000;
  };
  const [script, mainThread] = trace ? await traced(cdp, run) : [await run(), Number.NaN];
  const state = await page.evaluate(() => ({
    loaded: (window as unknown as { sonde?: { loaded?: boolean } }).sonde?.loaded === true,
    prompt: document.querySelector("sonde-prompt")?.shadowRoot?.querySelector("[role=dialog], form, section") != null,
    loadAt: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventStart,
    longTasks: (window as unknown as { longTasks: number[] }).longTasks,
  }));
  await context.close();
  return { script, mainThread, ...state };
}

/** Loads `withSonde` and `plain` in turn, RUNS times each, untraced then traced, and reports the differences. */
async function compare(browser: Browser, withSonde: string, plain: string, expectPrompt: boolean) {
  const rows = { sonde: [] as Load[], plain: [] as Load[], sondeTraced: [] as Load[], plainTraced: [] as Load[] };
  for (let i = 0; i < RUNS; i++) {
    rows.sonde.push(await load(browser, withSonde, false));
    rows.plain.push(await load(browser, plain, false));
    rows.sondeTraced.push(await load(browser, withSonde, true));
    rows.plainTraced.push(await load(browser, plain, true));
  }
  for (const l of [...rows.sonde, ...rows.sondeTraced]) {
    expect(l.loaded, "Sonde loaded").toBe(true);
    expect(l.prompt, "the prompt showed").toBe(expectPrompt);
  }
  const of = (ls: Load[], key: "script" | "mainThread" | "loadAt") => median(ls.map((l) => l[key]));
  const longTasks = [...rows.sonde, ...rows.sondeTraced].flatMap((l) => l.longTasks);
  return {
    runs: RUNS,
    cpuThrottling: RATE,
    scriptMs: ms(of(rows.sonde, "script") - of(rows.plain, "script")),
    mainThreadMs: ms(of(rows.sondeTraced, "mainThread") - of(rows.plainTraced, "mainThread")),
    mainThreadMsWithSonde: ms(of(rows.sondeTraced, "mainThread")),
    mainThreadMsWithout: ms(of(rows.plainTraced, "mainThread")),
    loadDelayMs: ms(of(rows.sonde, "loadAt") - of(rows.plain, "loadAt")),
    longTasks: longTasks.length,
    longestTaskMs: longTasks.length ? ms(Math.max(...longTasks)) : 0,
  };
}

const PLAIN =
  "<!doctype html><html><head><title>Host</title></head><body><main><h1>Host page</h1></main></body></html>";

test("host cost on a page where no survey is due", async ({ browser, host, collector }) => {
  test.setTimeout(600_000);
  const withSonde = host.page("/bench/docs", {
    html: hostPage({ endpoint: `${collector.url}/v1/responses`, "surveys-url": `${collector.url}/v1/surveys` }),
  });
  const report = await compare(browser, withSonde, host.page("/bench/plain", { html: PLAIN }), false);
  console.log(JSON.stringify({ case: "no survey due", ...report }, null, 2));
});

test("host cost on a page where one NPS prompt shows on load", async ({ browser, host, collector }) => {
  test.setTimeout(600_000);
  // The demo's `nps-pricing` survey is due on any /pricing page view of a first visit.
  const withSonde = host.page("/pricing", {
    html: hostPage({ endpoint: `${collector.url}/v1/responses`, "surveys-url": `${collector.url}/v1/surveys` }),
  });
  const report = await compare(browser, withSonde, host.page("/bench/plain-pricing", { html: PLAIN }), true);
  console.log(JSON.stringify({ case: "one NPS prompt shown", ...report }, null, 2));
});
