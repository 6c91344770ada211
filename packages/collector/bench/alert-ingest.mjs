// What an alert rule costs the ingest transaction itself: the built store, in this process, on
// fresh SQLite files, storing the same batches (20 new responses, NPS + comment, as the load bench
// sends) with and without a detractor alert, in interleaved rounds. No HTTP and no delivery: the
// rule's evaluation and the outbox row written with each answer that fires it, for a rule that
// fires on 7 answers in 11 (detractors) and one that fires on 7 in 55 (detractors who complain).
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

const steps = [
  { kind: "nps", id: "score", question: "How likely are you to recommend us?" },
  { kind: "open", id: "reason", question: "Why?", required: false },
];
const webhook = { url: "https://hooks.example.com/sonde" };
// Detractors are 7 answers in 11 here; detractors who complain of the price, 7 in 55.
const RULES = {
  detractors: [{ type: "nps", category: "detractor" }],
  complaints: [
    { type: "nps", category: "detractor" },
    { type: "comment", words: ["cher", "expensive"] },
  ],
};
const rulesOf = (name) =>
  alertRules([{ id: "nps-app", steps, alerts: [{ id: name, when: RULES[name], webhook }] }], 120_000);

// The load bench's comments.
const comments = [
  "Great search, saves me hours",
  "Søgningen er fantastisk",
  "Поиск работает быстро",
  "非常好用",
  "Trop cher pour une petite équipe",
];
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

function run(rule) {
  const dir = mkdtempSync(join(tmpdir(), "sonde-alert-ingest-"));
  const store = openSqliteStore(join(dir, "a.sqlite"), rule ? { alerts: rulesOf(rule).firing } : {});
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

run(undefined); // warm-up
const variants = [undefined, "detractors", "complaints"];
const results = new Map(variants.map((v) => [v, []]));
for (let r = 0; r < rounds; r++) {
  // A different order each round, so that no variant always runs first.
  for (const v of r % 2 ? [...variants].reverse() : variants) {
    const { us, fired } = run(v);
    results.get(v).push(us);
    console.log(`round ${r + 1} ${v ?? "no alert"}: ${us.toFixed(1)} µs of CPU per batch of 20 (${fired} fired)`);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(results.get(undefined));
for (const v of variants) {
  const m = median(results.get(v));
  console.log(
    `median ${v ?? "no alert"}: ${m.toFixed(1)} µs per batch${v ? ` (+${(((m - base) / base) * 100).toFixed(1)} %)` : ""}`,
  );
}
