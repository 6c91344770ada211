// Scale-out benchmark: a throwaway PostgreSQL cluster, then 1 and 2 built collector processes on
// it, autocannon spreading batches of 20 new responses over them; after each run, a check that
// every acknowledged response is stored exactly once. Then kill -9: two collectors under the same
// load, one killed with SIGKILL halfway, its connections moving to the survivor as a load balancer
// would move them; every response acknowledged (HTTP 200) by either must be stored once, with the
// revision it was acknowledged with. A script, not a test: record the figures in BENCHMARKS.md.
//
//   node packages/collector/bench/pg-scale.mjs [--duration 10] [--connections 16] [--batch 20]
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { startBenchCluster } from "./pg-cluster.mjs";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "16" },
    batch: { type: "string", default: "20" },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const batchSize = Number(values.batch);
const cli = join(import.meta.dirname, "../dist/cli.js");

const { url: db } = await startBenchCluster();

const startCollector = () => {
  const child = spawn(process.execPath, [cli, "--port", "0", "--db", db, "--rate-limit", "0", "--quiet"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
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

let sequence = 0;
/** A batch of new responses; `sent`, when given, receives each one's id and revision. */
function batchBody(sent) {
  const now = Date.now();
  const responses = [];
  for (let i = 0; i < batchSize; i++) {
    const n = sequence++;
    const id = randomUUID();
    const revision = sent ? 1 + (n % 3) : 2;
    sent?.push([id, revision]);
    responses.push(
      `{"id":"${id}","surveyId":"nps-app","revision":${revision},"completed":true,` +
        `"answers":{"score":{"kind":"nps","value":${n % 11}},"reason":{"kind":"open","value":"Great search"}},` +
        `"createdAt":${now},"updatedAt":${now},"anonymousId":"anon-${n % 5000}",` +
        `"context":{"url":"https://lumen.example/app/notes/","locale":"da-DK","device":"desktop","attributes":{"plan":"team"}},"schemaVersion":1}`,
    );
  }
  return `{"responses":[${responses.join(",")}]}`;
}

const client = new pg.Client({ connectionString: db });
const cpuSeconds = (pid) => {
  // utime + stime of the process, in clock ticks (100 per second on Linux).
  const fields = execFileSync("cat", [`/proc/${pid}/stat`])
    .toString()
    .split(") ")[1]
    .split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

async function round(n) {
  const collectors = [];
  for (let i = 0; i < n; i++) collectors.push(await startCollector());
  await client.query("TRUNCATE responses");
  const cpuBefore = collectors.map((c) => cpuSeconds(c.child.pid));
  const results = await Promise.all(
    collectors.map((c) =>
      autocannon({
        url: `${c.url}/v1/responses`,
        method: "POST",
        headers: { "content-type": "application/json" },
        connections: Math.max(1, Math.round(connections / n)),
        duration,
        requests: [{ setupRequest: (req) => ({ ...req, body: batchBody() }) }],
      }),
    ),
  );
  const cpu = collectors.reduce((sum, c, i) => sum + cpuSeconds(c.child.pid) - cpuBefore[i], 0);
  for (const c of collectors) c.child.kill("SIGTERM");
  await Promise.all(collectors.map((c) => new Promise((r) => c.child.once("exit", r))));
  const acknowledged = results.reduce((sum, r) => sum + r["2xx"], 0) * batchSize;
  const stored = Number((await client.query("SELECT count(*) AS n FROM responses")).rows[0].n);
  const latencies = results.map((r) => ({ p50: r.latency.p50, p99: r.latency.p99 }));
  return {
    collectors: n,
    "responses/s": Math.round(acknowledged / duration),
    "latency ms (per collector)": latencies,
    "responses per collector CPU-second": Math.round(acknowledged / cpu),
    "non-2xx": results.reduce((sum, r) => sum + r.non2xx, 0),
    acknowledged,
    // Every batch is new ids, and an id is the primary key (stored at most once). Every acknowledged
    // one must be there; beyond them, at most the batches in flight when autocannon stopped (stored,
    // their answer not counted): one per connection.
    "every acknowledged stored": stored >= acknowledged && stored - acknowledged <= connections * batchSize,
    stored,
  };
}

/**
 * Two collectors under load; halfway, one is killed with SIGKILL and its connections go to the
 * survivor. Tracks, per connection, the ids of the batch in flight, and which were acknowledged.
 */
async function killRound() {
  const [victim, survivor] = [await startCollector(), await startCollector()];
  await client.query("TRUNCATE responses");
  /** id → revision of every response acknowledged with a 200. */
  const acknowledged = new Map();
  const killAt = duration / 2;
  let killedAt = Number.POSITIVE_INFINITY;
  let survivorAfterKill = 0;
  const load = (c, seconds, connectionCount, onAck = () => {}) =>
    autocannon({
      url: `${c.url}/v1/responses`,
      method: "POST",
      headers: { "content-type": "application/json" },
      connections: connectionCount,
      duration: seconds,
      requests: [
        {
          setupRequest: (req, context) => {
            context.sent = [];
            return { ...req, body: batchBody(context.sent) };
          },
          onResponse: (status, _body, context) => {
            if (status !== 200) return;
            for (const [id, revision] of context.sent) acknowledged.set(id, revision);
            onAck(context.sent.length);
          },
        },
      ],
    });
  const half = Math.max(1, Math.round(connections / 2));
  const countAfterKill = (n) => {
    if (performance.now() >= killedAt) survivorAfterKill += n;
  };
  const onVictim = load(victim, duration, half);
  const onSurvivor = load(survivor, duration, half, countAfterKill);
  await new Promise((r) => setTimeout(r, killAt * 1000));
  victim.child.kill("SIGKILL");
  killedAt = performance.now();
  // The load balancer notices: the victim's connections now go to the survivor.
  onVictim.stop?.();
  const moved = load(survivor, duration - killAt, half, countAfterKill);
  const [v, s, m] = await Promise.all([onVictim, onSurvivor, moved]);
  const afterKillSeconds = (performance.now() - killedAt) / 1000;
  survivor.child.kill("SIGTERM");
  await new Promise((r) => survivor.child.once("exit", r));
  const { rows } = await client.query("SELECT id, revision FROM responses");
  const stored = new Map(rows.map((r) => [r.id, r.revision]));
  let missing = 0;
  let wrongRevision = 0;
  for (const [id, revision] of acknowledged) {
    if (!stored.has(id)) missing++;
    else if (stored.get(id) !== revision) wrongRevision++;
  }
  return {
    phase: "kill -9 of one of two collectors halfway",
    "survivor responses/s after the kill": Math.round(survivorAfterKill / afterKillSeconds),
    "survivor latency ms after the kill (moved connections)": { p50: m.latency.p50, p99: m.latency.p99 },
    "survivor latency ms over the run": { p50: s.latency.p50, p99: s.latency.p99 },
    "survivor non-2xx or errors": s.non2xx + s.errors + m.non2xx + m.errors,
    // Connection attempts to the dead process until its load stopped (autocannon stops on its next
    // one-second tick): what a balancer's health check would take that long to notice.
    "victim connection errors before its load stopped": v.errors + v.non2xx,
    acknowledged: acknowledged.size,
    stored: stored.size,
    "each stored once": rows.length === stored.size,
    "acknowledged missing": missing,
    "acknowledged with another revision": wrongRevision,
  };
}

await client.connect();
// The first collector migrates; the rounds then start with an empty table.
const warm = await startCollector();
warm.child.kill("SIGTERM");
await new Promise((r) => warm.child.once("exit", r));
const out = [await round(1), await round(2), await killRound()];
await client.end();
console.log(JSON.stringify(out, null, 2));
process.exit(0);
