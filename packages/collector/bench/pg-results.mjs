// Results on 1,000,000 stored responses in PostgreSQL: a throwaway cluster, the responses written
// by one INSERT … SELECT from generate_series (a year of NPS answers over 25 pages, the columns
// the store writes), then a built collector process on `--db postgres://…` asked over HTTP for NPS
// by week × page, the first time and again. Also prints the statements that took the server over
// 50 ms during the requests (from its log), to tell the database's share from the collector's. A script, not a test: record the
// figures in BENCHMARKS.md.
//
//   node packages/collector/bench/pg-results.mjs [--responses 1000000] [--rounds 3]
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startBenchCluster } from "./pg-cluster.mjs";

const { values } = parseArgs({
  options: { responses: { type: "string", default: "1000000" }, rounds: { type: "string", default: "3" } },
});
const n = Number(values.responses);
const cli = join(import.meta.dirname, "../dist/cli.js");
const surveys = join(import.meta.dirname, "../../../demo/surveys.json");
const DAY = 86_400_000;
const END = Date.parse("2026-06-29T00:00:00Z");

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

const report = { machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}` };
const { url, version, log } = await startBenchCluster("-c log_min_duration_statement=50");
report.postgres = version;
// The collector migrates the empty database; the rows then go in behind its back, as a year of traffic would.
let c = await collector(url);
c.child.kill("SIGTERM");
await new Promise((r) => c.child.once("exit", r));

const db = new pg.Client({ connectionString: url });
await db.connect();
let t = performance.now();
report["load average before"] = loadavg()
  .map((l) => l.toFixed(1))
  .join(" ");
// Scores skewed like real NPS (more 8–10 than 0–3); a year back from END, every minute of it.
await db.query(
  `INSERT INTO responses (id, survey_id, revision, completed, created_at, updated_at, received_at, body,
     answered_at, path, locale, device, scored, browser_locale, survey_version)
   SELECT 'r' || lpad(g::text, 8, '0'), 'nps-app', 1, true, t, t, t,
     jsonb_build_object('id', 'r' || lpad(g::text, 8, '0'), 'surveyId', 'nps-app', 'revision', 1, 'completed', true,
       'answers', jsonb_build_object('score', jsonb_build_object('kind', 'nps', 'value', v)),
       'createdAt', t, 'updatedAt', t, 'anonymousId', 'anon-' || (g % 50000), 'schemaVersion', 1,
       'context', jsonb_build_object('url', 'https://lumen.example/p' || (g % 25) || '/', 'locale', 'da-DK',
         'device', CASE WHEN g % 3 = 0 THEN 'mobile' ELSE 'desktop' END)),
     t, '/p' || (g % 25) || '/', 'da-DK', CASE WHEN g % 3 = 0 THEN 'mobile' ELSE 'desktop' END,
     jsonb_build_object('score', jsonb_build_object('kind', 'nps', 'value', v)), 'da-DK', 1
   FROM (SELECT g, ${END} - 1 - (g::bigint * 31536) % (365::bigint * ${DAY}) AS t,
     (ARRAY[0,1,2,3,4,5,6,7,7,8,8,8,9,9,9,9,10,10,10,10])[1 + (g * 7) % 20] AS v
     FROM generate_series(1, ${n}) g) s`,
);
await db.query("ANALYZE responses");
report.loaded = `${n} responses in ${((performance.now() - t) / 1000).toFixed(1)} s (INSERT … SELECT generate_series, then ANALYZE)`;

const day = (ms) => new Date(ms).toISOString().slice(0, 10);
const from = day(END - 364 * DAY);
const to = day(END - DAY);
const path = `/v1/results?survey=nps-app&from=${from}&to=${to}&interval=week&by=path`;
report.query = path;
c = await collector(url);
const logFrom = readFileSync(log, "utf8").length;
const times = [];
let body = "";
for (let r = 0; r < Number(values.rounds); r++) {
  t = performance.now();
  const res = await fetch(c.url + path);
  body = await res.text();
  times.push(Math.round(performance.now() - t));
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${body.slice(0, 300)}`);
}
c.child.kill("SIGTERM");
await new Promise((r) => c.child.once("exit", r));
const answer = JSON.parse(body);
report["NPS by week × page, ms (first, then again)"] = times;
report["responses counted"] = answer.responses ?? answer.total ?? answer.count;
report["answer bytes"] = body.length;
// What the server spent on each statement of the requests, slowest first.
report["server time per statement over 50 ms"] = readFileSync(log, "utf8")
  .slice(logFrom)
  .split("\n")
  .map((line) => /duration: ([\d.]+) ms\s+(?:statement|execute [^:]*|parse [^:]*|bind [^:]*): (.*)/.exec(line))
  .filter(Boolean)
  .map((m) => `${Math.round(Number(m[1]))} ms: ${m[2].replace(/\s+/g, " ").slice(0, 110)}`);
report["load average after"] = loadavg()
  .map((l) => l.toFixed(1))
  .join(" ");
await db.end();
console.log(JSON.stringify(report, null, 2));
process.exit(0);
