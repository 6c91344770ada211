// Load benchmark of POST /v1/responses: the built collector as its own process on a fresh SQLite
// file, autocannon on 127.0.0.1, batches of 20 new responses with random UUIDs as ids, as the
// widget makes them (random ids land all over the id index: dearer than sequential ones).
// A script, not a test: run it on a quiet machine and record the figures in BENCHMARKS.md.
//
//   node packages/collector/bench/ingest-load.mjs [--duration 10] [--connections 16] [--batch 20]
//                                                 [--sync normal|full] [--quiet] [--alerts]
//
// --alerts: the survey has an alert on detractors (7 answers in 11 here) or on detractors who
// complain of the price (7 in 55), delivered as signed
// webhooks to a receiver in this process on 127.0.0.1 that answers 204 — the outbox row in the
// ingest transaction, and the worker's deliveries, on the same machine as the load.
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "16" },
    batch: { type: "string", default: "20" },
    sync: { type: "string", default: "normal" },
    quiet: { type: "boolean", default: false },
    alerts: { type: "string" },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const batchSize = Number(values.batch);

const cli = join(import.meta.dirname, "../dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "sonde-bench-"));
const db = join(dir, "bench.sqlite");
// Every client is 127.0.0.1 here, so the per-client limit is off; request logs stay on (to
// /dev/null) unless --quiet, as a production collector would run.
const args = [cli, "--port", "0", "--db", db, "--rate-limit", "0", "--sync", values.sync];
if (values.quiet) args.push("--quiet");
let delivered = 0;
let receiver;
if (values.alerts) {
  receiver = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      delivered++;
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const surveys = join(dir, "surveys.json");
  const when = [{ type: "nps", category: "detractor" }];
  if (values.alerts === "complaints") when.push({ type: "comment", words: ["cher", "expensive"] });
  else if (values.alerts !== "detractors") throw new Error("--alerts must be detractors or complaints");
  const alert = {
    id: values.alerts,
    when,
    webhook: { url: `http://127.0.0.1:${receiver.address().port}/hook` },
  };
  const steps = [
    { kind: "nps", id: "score", question: "How likely are you to recommend us?" },
    { kind: "open", id: "reason", question: "Why?", required: false },
  ];
  writeFileSync(surveys, JSON.stringify([{ id: "nps-app", steps, alerts: [alert] }]));
  args.push(
    "--surveys",
    surveys,
    "--webhook-allow-private",
    "--webhook-secret",
    `whsec_${randomBytes(32).toString("base64")}`,
  );
}
const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((resolve, reject) => {
  let out = "";
  child.stdout.on("data", (chunk) => {
    out += chunk;
    const m = /listening on (\S+)/.exec(out);
    if (m) {
      // From here on the log lines are drained and dropped.
      child.stdout.removeAllListeners("data");
      child.stdout.resume();
      resolve(m[1]);
    }
  });
  child.once("exit", (code) => reject(new Error(`collector exited with ${code}`)));
});

// A realistic batch: an NPS score, a comment in one of several languages, a context.
const comments = [
  "Great search, saves me hours",
  "Søgningen er fantastisk",
  "Поиск работает быстро",
  "非常好用",
  "Trop cher pour une petite équipe",
];
let sequence = 0;
function batchBody() {
  const now = Date.now();
  const responses = [];
  for (let i = 0; i < batchSize; i++) {
    const n = sequence++;
    responses.push(
      `{"id":"${randomUUID()}","surveyId":"nps-app","revision":2,"completed":true,` +
        `"answers":{"score":{"kind":"nps","value":${n % 11}},"reason":{"kind":"open","value":"${comments[n % comments.length]}"}},` +
        `"createdAt":${now},"updatedAt":${now},"anonymousId":"anon-${n % 5000}",` +
        `"context":{"url":"https://lumen.example/app/notes/","locale":"da-DK","device":"desktop","attributes":{"plan":"team"}},"schemaVersion":1}`,
    );
  }
  return `{"responses":[${responses.join(",")}]}`;
}

const run = (seconds) =>
  autocannon({
    url: `${url}/v1/responses`,
    method: "POST",
    headers: { "content-type": "application/json" },
    connections,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, body: batchBody() }) }],
  });

/** CPU seconds the collector process has used (Linux: user + system time from /proc). */
const cpuSeconds = () => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
};

await run(2); // warm-up: JIT, SQLite page cache
const cpuBefore = cpuSeconds();
const result = await run(duration);
const cpuUsed = cpuSeconds() - cpuBefore;
child.kill("SIGTERM");
await new Promise((resolve) => child.once("exit", resolve));

const file = new Database(db, { readonly: true });
const rows = file.prepare("SELECT count(*) AS n FROM responses").get().n;
const deliveries = values.alerts
  ? Object.fromEntries(file.prepare("SELECT status, count(*) AS n FROM alert_deliveries GROUP BY status").raw().all())
  : undefined;
file.close();
receiver?.close();
rmSync(dir, { recursive: true, force: true });
const ok = result["2xx"];
const report = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`,
  setup: `${connections} connections, batches of ${batchSize}, ${duration} s, sync=${values.sync}, logs ${values.quiet ? "off" : "on"}, alerts ${values.alerts ?? "off"}`,
  "requests/s": Math.round(result.requests.average),
  "responses/s": Math.round((ok / duration) * batchSize),
  "latency ms": { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  // Independent of how busy the machine is: what one core of collector time buys.
  "collector CPU per batch (ms)": Number(((cpuUsed * 1000) / ok).toFixed(3)),
  "responses per collector CPU-second": Math.round((ok * batchSize) / cpuUsed),
  "collector CPU use (cores)": Number((cpuUsed / duration).toFixed(2)),
  "non-2xx": result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  "rows stored (incl. warm-up)": rows,
  ...(deliveries && { "webhooks received": delivered, "deliveries by status at the end": deliveries }),
};
console.log(JSON.stringify(report, null, 2));
