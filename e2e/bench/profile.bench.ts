import { test } from "../support/fixtures.js";
import { hostPage } from "../support/host.js";

// A CPU profile of one throttled cold load of a page where no survey is due: where the time goes.
test("profile a no-survey page load", async ({ browser, host, collector }) => {
  const url = host.page("/profile/docs", {
    html: hostPage({ endpoint: `${collector.url}/v1/responses`, "surveys-url": `${collector.url}/v1/surveys` }),
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { sonde?: { loaded?: boolean } }).sonde?.loaded === true);
  await page.waitForTimeout(1500);
  const { profile } = await cdp.send("Profiler.stop");
  const self = new Map<string, number>();
  const dt = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  (profile.samples ?? []).forEach((id, i) => {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const top = [...self.entries()]
    .filter(([k]) => !k.startsWith("(idle)"))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25);
  console.log(top.map(([k, v]) => `${v.toFixed(1).padStart(7)} ms  ${k}`).join("\n"));
  await context.close();
});
