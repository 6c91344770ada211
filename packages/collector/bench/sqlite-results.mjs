// Results on 1,000,000 stored responses in SQLite, the twin of pg-results.mjs: a throwaway file,
// migrated by the built collector, the responses written straight into it with better-sqlite3 (one
// transaction, one prepared statement; the same rows as pg-results.mjs' INSERT … SELECT: a year
// of NPS answers over 25 pages, the columns the store writes), then a built collector process on
// `--db <file>` asked over HTTP for NPS by week × page, the first time and again, and once by day
// over 62 days. The collector computes results in its worker within QUERY_TIME_BUDGET_MS (20 s;
// no CLI option raises it): a query past it answers 503, reported as such. A script, not a test:
// record the figures in BENCHMARKS.md.
//
//   node packages/collector/bench/sqlite-results.mjs [--responses 1000000] [--rounds 3]
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";

const { values } = parseArgs({
  options: { responses: { type: "string", default: "1000000" }, rounds: { type: "string", default: "3" } },
});
const n = Number(values.responses);
const cli = join(import.meta.dirname, "../dist/cli.js");
const surveys = join(import.meta.dirname, "../../../demo/surveys.json");
const DAY = 86_400_000;
const END = Date.parse("2026-06-29T00:00:00Z");
// Scores skewed like real NPS (more 8–10 than 0–3), as pg-results.mjs' ARRAY[…].
const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10];

const collector = (db) => {
  const child = spawn(
    process.execPath,
    [cli, "--port", "0", "--db", db, "--surveys", surveys, "--rate-limit", "0", "--quiet"],
    {
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = /listening on (\S+)/.exec(out);
      if (m) {
        child.stdout.removeAllListeners("data");
        child.stdout.resume();
        resolve({ child, url: m[1] });
      }
    });
    child.once("exit", (code) => reject(new Error(`collector exited with ${code}`)));
  });
};

const stop = async (c) => {
  if (!c || c.child.exitCode !== null || c.child.signalCode !== null) return;
  const exited = new Promise((r) => c.child.once("exit", r));
  c.child.kill("SIGTERM");
  await exited;
};

/** One GET of the results: its time, status and answer. */
const ask = async (url) => {
  const t = performance.now();
  const res = await fetch(url);
  const body = await res.text();
  return { ms: Math.round(performance.now() - t), status: res.status, body };
};

const report = { machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}` };
const dir = mkdtempSync(join(tmpdir(), "sonde-sqlite-results-"));
const file = join(dir, "sonde.sqlite");
let c;
let failed = false;
try {
  // The collector migrates the empty file; the rows then go in behind its back, as a year of traffic would.
  c = await collector(file);
  await stop(c);

  const db = new Database(file);
  // As the store opens it (WAL is already set on the file by the collector).
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("cache_size = -32000");
  const t = performance.now();
  report["load average before"] = loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  const insert = db.prepare(
    `INSERT INTO responses (id, survey_id, revision, completed, created_at, updated_at, received_at, body,
       answered_at, path, locale, device, scored, browser_locale, survey_version)
     VALUES (?, 'nps-app', 1, 1, ?, ?, ?, ?, ?, ?, 'da-DK', ?, ?, 'da-DK', 1)`,
  );
  // A year back from END, every ~31.5 s of it; the same ids, pages, devices and scores as pg-results.mjs.
  db.transaction(() => {
    for (let g = 1; g <= n; g++) {
      const id = `r${String(g).padStart(8, "0")}`;
      const at = END - 1 - ((g * 31536) % (365 * DAY));
      const v = SCORES[(g * 7) % 20];
      const page = g % 25;
      const device = g % 3 === 0 ? "mobile" : "desktop";
      const answers = { score: { kind: "nps", value: v } };
      const body = JSON.stringify({
        id,
        surveyId: "nps-app",
        revision: 1,
        completed: true,
        answers,
        createdAt: at,
        updatedAt: at,
        anonymousId: `anon-${g % 50000}`,
        schemaVersion: 1,
        context: { url: `https://lumen.example/p${page}/`, locale: "da-DK", device },
      });
      insert.run(id, at, at, at, body, at, `/p${page}/`, device, JSON.stringify(answers));
    }
  })();
  db.exec("ANALYZE");
  db.close();
  report.loaded = `${n} responses in ${((performance.now() - t) / 1000).toFixed(1)} s (one transaction of prepared INSERTs, then ANALYZE)`;

  const day = (ms) => new Date(ms).toISOString().slice(0, 10);
  const from = day(END - 364 * DAY);
  const to = day(END - DAY);
  const path = `/v1/results?survey=nps-app&from=${from}&to=${to}&interval=week&by=path`;
  report.query = path;
  c = await collector(file);
  const times = [];
  let body = "";
  for (let r = 0; r < Number(values.rounds); r++) {
    const a = await ask(c.url + path);
    body = a.body;
    times.push(a.ms);
    if (a.status === 503) throw new Error(`HTTP 503 after ${a.ms} ms (the query's time limit): ${body.slice(0, 300)}`);
    if (a.status !== 200) throw new Error(`HTTP ${a.status}: ${body.slice(0, 300)}`);
  }
  const answer = JSON.parse(body);
  report["NPS by week × page, ms (first, then again)"] = times;
  report["responses counted"] = answer.responses ?? answer.total ?? answer.count;
  report["answer bytes"] = body.length;

  // A shorter period by day: two months, one round.
  const dayPath = "/v1/results?survey=nps-app&from=2026-04-28&to=2026-06-28&interval=day&by=path";
  const d = await ask(c.url + dayPath);
  if (d.status !== 200) throw new Error(`HTTP ${d.status} after ${d.ms} ms: ${d.body.slice(0, 300)}`);
  const dayAnswer = JSON.parse(d.body);
  report["NPS by day × page, 62 days"] = {
    query: dayPath,
    ms: d.ms,
    "responses counted": dayAnswer.responses ?? dayAnswer.total ?? dayAnswer.count,
    "answer bytes": d.body.length,
  };
  await stop(c);
  report["load average after"] = loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
} catch (error) {
  // A failed request (a 503 past the time limit among them) still prints what was measured before it.
  report.failed = error instanceof Error ? error.message : String(error);
  failed = true;
} finally {
  await stop(c);
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(report, null, 2));
process.exit(failed ? 1 : 0);
