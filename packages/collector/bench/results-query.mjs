// How long the read API takes on a large database: seeds N responses per demo survey (default
// 25,000 × 4 = 100,000) with the seed command's generator, then asks the collector over HTTP for
// the dashboard's queries, one at a time, and reports the median and worst of each.
//
//   node packages/collector/bench/results-query.mjs [--responses 25000] [--rounds 15]
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadSurveys, openSqliteStore, seedStore, startCollector } from "../dist/index.js";

const { values } = parseArgs({
  options: { responses: { type: "string", default: "25000" }, rounds: { type: "string", default: "15" } },
});
const surveysPath = join(import.meta.dirname, "../../../demo/surveys.json");
const dir = mkdtempSync(join(tmpdir(), "sonde-bench-results-"));
const db = join(dir, "results.sqlite");
const now = Date.now();

let t = performance.now();
const store = openSqliteStore(db);
const seeded = seedStore(store, loadSurveys(surveysPath), { responses: Number(values.responses), days: 365, now });
store.close();
const seedMs = performance.now() - t;

const collector = await startCollector({ port: 0, db, surveys: surveysPath, quiet: true, rateLimit: false });
const day = (ms) => new Date(ms).toISOString().slice(0, 10);
const queries = {
  "NPS, 90 days, by week, by page + language, vs previous": `/v1/results?survey=nps-app&from=${day(now - 89 * 864e5)}&to=${day(now)}&by=path,locale&compare=previous`,
  "NPS, 12 months, by week, Europe/Copenhagen": `/v1/results?survey=nps-app&from=${day(now - 364 * 864e5)}&to=${day(now)}&tz=Europe/Copenhagen&by=path,locale&compare=previous`,
  "CSAT + CES, all time, by month": "/v1/results?survey=csat-support&interval=month&by=path,locale",
  "comments, first page": "/v1/results/comments?survey=nps-app&limit=20",
  "CSV export, one survey": "/v1/results/export.csv?survey=nps-app",
};
const report = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`,
  seeded: `${seeded} responses in ${Math.round(seedMs)} ms`,
  rounds: Number(values.rounds),
};
for (const [name, path] of Object.entries(queries)) {
  const times = [];
  let bytes = 0;
  for (let i = 0; i < Number(values.rounds); i++) {
    t = performance.now();
    const res = await fetch(collector.url + path);
    const body = await res.arrayBuffer();
    times.push(performance.now() - t);
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${Buffer.from(body).toString()}`);
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  report[name] =
    `median ${Math.round(times[times.length >> 1])} ms, worst ${Math.round(times.at(-1))} ms, ${Math.round(bytes / 1024)} KB`;
}
await collector.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(report, null, 2));
