import { readdirSync } from "node:fs";
import { expect, test } from "../support/fixtures.js";
import { hostPage } from "../support/host.js";

// Main-thread script time Sonde costs a host page where no survey is due, with the CPU
// throttled 4×: CDP Performance.getMetrics ScriptDuration, median of 15 cold loads, minus the
// same page without Sonde; plus long tasks (≥ 50 ms) seen by a PerformanceObserver.
// Nothing is evaluated in the page before the metrics are read (Playwright's waitForFunction
// would inject its own script into the page and count it as Sonde's): each load waits for the
// network to settle and a fixed 2.5 s, then checks that Sonde did load.
// For scale it also measures the floor of any lazily loading script tag: a classic inline
// script that import()s one 0.5 KB ES module (a locale table of the build) and nothing else.
const RUNS = 15;

test("host cost on a page where no survey is due", async ({ browser, host, collector }) => {
  const endpoint = `${collector.url}/v1/responses`;
  const surveysUrl = `${collector.url}/v1/surveys`;
  const withSonde = host.page("/bench/docs", { html: hostPage({ endpoint, "surveys-url": surveysUrl }) });
  const without = host.page("/bench/plain", {
    html: "<!doctype html><html><head><title>Host</title></head><body><main><h1>Host page</h1></main></body></html>",
  });
  const tiny = readdirSync(new URL("../../packages/widget/dist/cdn/", import.meta.url)).find((f) =>
    /^en-.*\.js$/.test(f),
  );
  const importOnly = host.page("/bench/import-only", {
    html: `<!doctype html><html><head><title>Host</title><script>import("/sonde/${tiny}").then(() => { window.sonde = { loaded: true } })</script></head><body><main><h1>Host page</h1></main></body></html>`,
  });

  async function measure(url: string, expectSonde: boolean) {
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
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(2500); // Sonde defers its work until idle: let it finish.
    const { metrics } = await cdp.send("Performance.getMetrics");
    const script = metrics.find((m) => m.name === "ScriptDuration")!.value * 1000;
    if (expectSonde) {
      const loaded = await page.evaluate(() => (window as unknown as { sonde?: { loaded?: boolean } }).sonde?.loaded);
      expect(loaded, `${url} loaded`).toBe(true);
    }
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    await context.close();
    return { script, longTasks };
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const sonde: number[] = [];
  const base: number[] = [];
  const floor: number[] = [];
  const longTasks: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = await measure(withSonde, true);
    sonde.push(a.script);
    longTasks.push(...a.longTasks);
    base.push((await measure(without, false)).script);
    floor.push((await measure(importOnly, true)).script);
  }
  const report = {
    runs: RUNS,
    medianScriptMsWithSonde: +median(sonde).toFixed(2),
    medianScriptMsWithout: +median(base).toFixed(2),
    medianCostMs: +(median(sonde) - median(base)).toFixed(2),
    longTasks: longTasks.length,
    longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
    floorOneTinyImportMs: +(median(floor) - median(base)).toFixed(2),
  };
  console.log(JSON.stringify(report, null, 2));
  expect(report.runs).toBe(RUNS);
});
