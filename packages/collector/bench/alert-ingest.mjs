// What an alert rule costs the ingest transaction itself: the built store, in this process, on
// fresh SQLite files, storing the same batches (20 new responses, NPS + comment, as the load bench
// sends) with and without a detractor alert, in interleaved rounds. No HTTP and no delivery: the
// rule's evaluation and the outbox row written with each answer that fires it.
//
//   node packages/collector/bench/alert-ingest.mjs [--batches 3000] [--rounds 5]
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { alertRules, openSqliteStore } from "../dist/index.js";

const { values } = parseArgs({
  options: { batches: { type: "string", default: "3000" }, rounds: { type: "string", default: "5" } },
});
const batches = Number(values.batches);
const rounds = Number(values.rounds);

const survey = {
  id: "nps-app",
  steps: [
    { kind: "nps", id: "score", question: "How likely are you to recommend us?" },
    { kind: "open", id: "reason", question: "Why?", required: false },
  ],
  alerts: [
    {
      id: "detractors",
      when: [{ type: "nps", category: "detractor" }],
      webhook: { url: "https://hooks.example.com/sonde" },
    },
  ],
};
const rules = alertRules([survey], 120_000);

const comments = ["Great search, saves me hours", "Søgningen er fantastisk", "Поиск работает быстро", "非常好用"];
let sequence = 0;
const batch = () =>
  Array.from({ length: 20 }, () => {
    const n = sequence++;
    const now = Date.now();
    return {
      id: randomUUID(),
      surveyId: "nps-app",
      revision: 2,
      completed: true,
      answers: {
        score: { kind: "nps", value: n % 11 },
        reason: { kind: "open", value: comments[n % comments.length] },
      },
      createdAt: now,
      updatedAt: now,
      anonymousId: `anon-${n % 5000}`,
      context: { url: "https://lumen.example/app/notes/", locale: "da-DK", attributes: { plan: "team" } },
      schemaVersion: 1,
    };
  });

function run(withAlerts) {
  const dir = mkdtempSync(join(tmpdir(), "sonde-alert-ingest-"));
  const store = openSqliteStore(join(dir, "a.sqlite"), withAlerts ? { alerts: rules.firing } : {});
  const work = Array.from({ length: batches }, batch);
  // CPU time, not wall time: it depends far less on what else the machine is doing.
  const start = process.cpuUsage();
  for (const b of work) store.ingest(b, Date.now());
  const used = process.cpuUsage(start);
  const us = (used.user + used.system) / batches;
  const fired = store.outbox.counts().pending;
  store.close();
  rmSync(dir, { recursive: true, force: true });
  return { us, fired };
}

run(false); // warm-up
const results = { without: [], with: [] };
for (let r = 0; r < rounds; r++) {
  for (const withAlerts of r % 2 ? [true, false] : [false, true]) {
    const { us, fired } = run(withAlerts);
    results[withAlerts ? "with" : "without"].push(us);
    console.log(
      `round ${r + 1} ${withAlerts ? "with" : "without"} alert: ${us.toFixed(1)} µs of CPU per batch of 20${withAlerts ? ` (${fired} fired)` : ""}`,
    );
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const [a, b] = [median(results.without), median(results.with)];
console.log(
  `median: without ${a.toFixed(1)} µs, with ${b.toFixed(1)} µs per batch (+${(((b - a) / a) * 100).toFixed(1)} %)`,
);
