import { test } from "../support/fixtures.js";
import { hostPage } from "../support/host.js";

test("profile a no-survey page load, inclusive", async ({ browser, host, collector }) => {
  const url = host.page("/profile/docs", {
    html: hostPage({ endpoint: `${collector.url}/v1/responses`, "surveys-url": `${collector.url}/v1/surveys` }),
  });
  const totals = new Map<string, number>();
  for (let run = 0; run < 5; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await cdp.send("Profiler.start");
  await page.goto(url);
  await page.waitForTimeout(2500);
  const { profile } = await cdp.send("Profiler.stop");
  const dt = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  (profile.samples ?? []).forEach((id, i) => {
    const seen = new Set<string>();
    let cur: number | undefined = id;
    while (cur !== undefined) {
      const f = byId.get(cur)!.callFrame;
      const file = f.url.split("/").pop() ?? "";
      const key = `${f.functionName || "(anon)"} ${file.replace(/-[\w]+\.js$/, "")}:${f.lineNumber}`;
      if (!seen.has(key) && (file.includes("boot") || file.includes("sonde") || f.url === "" )) { seen.add(key); totals.set(key, (totals.get(key) ?? 0) + (dt[i] ?? 0) / 1000 / 5); }
      cur = parent.get(cur);
    }
  });
  await context.close();
  }
  const top = [...totals.entries()].filter(([k]) => !k.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, 60);
  console.log(top.map(([k, v]) => `${v.toFixed(1).padStart(7)} ms  ${k}`).join("\n"));
});
