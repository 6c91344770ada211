// The heaviest results query the API allows, on responses as large as the wire format allows, and
// what it does to the requests around it: runs the collector with results computed on its own
// thread ("inline") or in its worker, asks the heaviest query, and meanwhile a second client asks
// `GET /v1/surveys` every 10 ms. Reports the query's time, the process's peak memory, and the
// latency the other client saw.
//
//   node packages/collector/bench/results-heavy.mjs [--responses 20000] [--thread worker|inline]
//
// Each thread mode runs in a child process of its own, so that peak memory is the query's.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { MAX_ANSWERS, MAX_ATTRIBUTES } from "@sonde/core";
import { openSqliteStore, startCollector } from "../dist/index.js";

const { values } = parseArgs({
  options: {
    responses: { type: "string", default: "20000" },
    thread: { type: "string" },
    rounds: { type: "string", default: "3" },
    db: { type: "string" },
  },
});
const DAY = 86_400_000;
const END = Date.parse("2025-06-29T00:00:00Z");
const DAYS = 120;
const PATHS = 75;

/** A response as large as the wire format allows: every answer, every attribute at its longest. */
function worstCase(i) {
  const answers = {};
  for (let q = 0; q < MAX_ANSWERS; q++)
    answers[`q${String(q).padStart(2, "0")}`] = { kind: "nps", value: (i + q) % 11 };
  const attributes = {};
  for (let a = 0; a < MAX_ATTRIBUTES; a++) attributes[`a${a}`] = `${i % 3}`.padEnd(512, "x");
  const t = END - 1 - (i % DAYS) * DAY;
  return {
    id: `heavy-${String(i).padStart(8, "0")}`,
    surveyId: "heavy",
    revision: 1,
    completed: true,
    answers,
    createdAt: t,
    updatedAt: t,
    anonymousId: `anon-${i}`,
    context: { url: `https://a.example/p${i % PATHS}/`, locale: "da-DK", device: "desktop", attributes },
    schemaVersion: 1,
  };
}

// The heaviest the limits allow: 100 questions × (120 days + 75 pages + 1 locale + 1 device + 3
// attribute values) = 20,000 scores, the limit, each group against the rest, vs the previous period.
const HEAVIEST = `/v1/results?survey=heavy&from=2025-03-01&to=2025-06-28&interval=day&by=path,locale,device,attr.a0&compare=previous&top=500`;

async function child() {
  const collector = await startCollector({
    port: 0,
    db: values.db,
    quiet: true,
    rateLimit: false,
    // The bench measures the query itself: no time budget cuts it off on a busy machine.
    results: { thread: values.thread, timeMs: 600_000, memoryMb: 4096 },
  });
  /** Asks `GET /v1/surveys` every 10 ms until `until` resolves; each request's latency (a failure counts as ∞). */
  const poll = async (until) => {
    const latencies = [];
    let stop = false;
    void until.then(() => {
      stop = true;
    });
    while (!stop) {
      const t = performance.now();
      try {
        await (await fetch(`${collector.url}/v1/surveys`)).arrayBuffer();
        latencies.push(performance.now() - t);
      } catch {
        latencies.push(Number.POSITIVE_INFINITY);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    return latencies.sort((a, b) => a - b);
  };
  const show = (latencies) => {
    const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);
    const failed = latencies.filter((l) => l === Number.POSITIVE_INFINITY).length;
    return `${latencies.length} requests: median ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms, over 100 ms ${latencies.filter((l) => l > 100).length}${failed ? `, failed ${failed}` : ""}`;
  };
  // The same client with no query running: what the machine alone does to latency.
  const baseline = await poll(new Promise((r) => setTimeout(r, 3000)));
  let queried;
  const during = poll(
    new Promise((r) => {
      queried = r;
    }),
  );
  const times = [];
  const cpu = [];
  let bytes = 0;
  for (let r = 0; r < Number(values.rounds); r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const res = await fetch(collector.url + HEAVIEST);
    const body = await res.text();
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${body.slice(0, 300)}`);
    bytes = body.length;
  }
  queried();
  const latencies = await during;
  await collector.close();
  const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
  times.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      thread: values.thread ?? "worker",
      query: `median ${Math.round(times[times.length >> 1])} ms, worst ${Math.round(times.at(-1))} ms, ${(bytes / 1e6).toFixed(1)} MB`,
      cpu: `median ${Math.round(cpu.sort((a, b) => a - b)[cpu.length >> 1])} ms of CPU (all threads)`,
      peakRssMb: Math.round(Number(peak) / 1024),
      surveysIdle: show(baseline),
      surveysDuringQuery: show(latencies),
    }),
  );
}

if (values.db) await child();
else {
  const dir = mkdtempSync(join(tmpdir(), "sonde-bench-heavy-"));
  const db = join(dir, "heavy.sqlite");
  const store = openSqliteStore(db);
  const n = Number(values.responses);
  const t = performance.now();
  for (let i = 0; i < n; i += 500) {
    store.ingest(
      Array.from({ length: Math.min(500, n - i) }, (_, j) => worstCase(i + j)),
      END,
    );
  }
  store.close();
  console.log(
    `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}, load ${loadavg()[0].toFixed(1)}; ` +
      `${n} worst-case responses (${n * MAX_ANSWERS} answers) seeded in ${Math.round(performance.now() - t)} ms`,
  );
  for (const thread of values.thread ? [values.thread] : ["inline", "worker", "inline", "worker"]) {
    const run = spawnSync(
      process.execPath,
      [import.meta.filename, "--db", db, "--thread", thread, "--rounds", values.rounds],
      {
        encoding: "utf8",
      },
    );
    process.stdout.write(run.stdout || run.stderr);
  }
  rmSync(dir, { recursive: true, force: true });
}
