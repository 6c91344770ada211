import type { CDPSession } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";
import { hostPage } from "../support/host.js";

// What Sonde costs a host page where no survey is due (four surveys defined, none for this
// URL), with the CPU throttled 4×, median of 15 cold loads in fresh contexts:
//
// - scriptMs: CDP Performance.getMetrics ScriptDuration, the measure. Chromium counts
//   script evaluation and callbacks, but not the promise jobs that run after a callback returns
//   — and most of Sonde's work runs in those (after `await idle()`). So it is also measured:
// - mainThreadMs: every main-thread task that ran script, microtasks included, from a Chromium
//   trace (devtools.timeline): the time the host's main thread was busy with Sonde. Tracing
//   slows a page a little, so these loads are separate from the ScriptDuration ones.
// - long tasks (≥ 50 ms) seen by a PerformanceObserver, over all loads.
//
// Nothing is evaluated in the page before the metrics are read (Playwright's waitForFunction
// would inject its own script and it would count as Sonde's): each load waits for the network
// to settle and a fixed 2.5 s, then checks that Sonde did load.
const RUNS = 15;
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

test("host cost on a page where no survey is due", async ({ browser, host, collector }) => {
  const withSonde = host.page("/bench/docs", {
    html: hostPage({ endpoint: `${collector.url}/v1/responses`, "surveys-url": `${collector.url}/v1/surveys` }),
  });
  const without = host.page("/bench/plain", {
    html: "<!doctype html><html><head><title>Host</title></head><body><main><h1>Host page</h1></main></body></html>",
  });

  async function load(url: string, trace: boolean) {
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
      longTasks: (window as unknown as { longTasks: number[] }).longTasks,
    }));
    expect(state.loaded, `${url} loaded Sonde`).toBe(url === withSonde);
    await context.close();
    return { script, mainThread, longTasks: state.longTasks };
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rows = { sonde: [] as number[], plain: [] as number[], sondeMain: [] as number[], plainMain: [] as number[] };
  const longTasks: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = await load(withSonde, false);
    rows.sonde.push(a.script);
    longTasks.push(...a.longTasks);
    rows.plain.push((await load(without, false)).script);
    const b = await load(withSonde, true);
    rows.sondeMain.push(b.mainThread);
    longTasks.push(...b.longTasks);
    rows.plainMain.push((await load(without, true)).mainThread);
  }
  const report = {
    runs: RUNS,
    cpuThrottling: RATE,
    scriptMs: +(median(rows.sonde) - median(rows.plain)).toFixed(2),
    scriptMsWithSonde: +median(rows.sonde).toFixed(2),
    scriptMsWithout: +median(rows.plain).toFixed(2),
    mainThreadMs: +(median(rows.sondeMain) - median(rows.plainMain)).toFixed(2),
    mainThreadMsWithSonde: +median(rows.sondeMain).toFixed(2),
    mainThreadMsWithout: +median(rows.plainMain).toFixed(2),
    longTasks: longTasks.length,
    longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
  };
  console.log(JSON.stringify(report, null, 2));
  expect(rows.sonde).toHaveLength(RUNS);
});
