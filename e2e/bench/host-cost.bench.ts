import { expect, test } from "../support/fixtures.js";
import { hostPage } from "../support/host.js";

// Main-thread script time Sonde costs a host page where no survey is due, with the CPU
// throttled 4×: CDP Performance.getMetrics ScriptDuration, median of 15 cold loads, minus the
// same page without Sonde; plus long tasks (≥ 50 ms) seen by a PerformanceObserver.
const RUNS = 15;

test("host cost on a page where no survey is due", async ({ browser, host, collector }) => {
  const endpoint = `${collector.url}/v1/responses`;
  const surveysUrl = `${collector.url}/v1/surveys`;
  const withSonde = host.page("/bench/docs", { html: hostPage({ endpoint, "surveys-url": surveysUrl }) });
  const without = host.page("/bench/plain", {
    html: "<!doctype html><html><head><title>Host</title></head><body><main><h1>Host page</h1></main></body></html>",
  });

  async function measure(url: string, waitForSonde: boolean) {
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
    if (waitForSonde) {
      await page.waitForFunction(() => (window as unknown as { sonde?: { loaded?: boolean } }).sonde?.loaded === true);
    }
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(1500); // Sonde defers its work until idle: let it finish.
    const { metrics } = await cdp.send("Performance.getMetrics");
    const script = metrics.find((m) => m.name === "ScriptDuration")!.value * 1000;
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    await context.close();
    return { script, longTasks };
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const sonde: number[] = [];
  const base: number[] = [];
  const longTasks: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = await measure(withSonde, true);
    sonde.push(a.script);
    longTasks.push(...a.longTasks);
    base.push((await measure(without, false)).script);
  }
  const report = {
    runs: RUNS,
    medianScriptMsWithSonde: +median(sonde).toFixed(2),
    medianScriptMsWithout: +median(base).toFixed(2),
    medianCostMs: +(median(sonde) - median(base)).toFixed(2),
    longTasks: longTasks.length,
    longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
  };
  console.log(JSON.stringify(report, null, 2));
  expect(report.runs).toBe(RUNS);
});
