// Scale-out benchmark: a throwaway PostgreSQL cluster, then 1 and 2 built collector processes on
// it, autocannon spreading batches of 20 new responses over them; after each run, a check that
// every acknowledged response is stored exactly once. A script, not a test: record the figures
// in BENCHMARKS.md.
//
//   node packages/collector/bench/pg-scale.mjs [--duration 10] [--connections 16] [--batch 20]
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";

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

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

// The cluster, as src/testing/pg-cluster.ts starts it (durable: fsync stays on here).
const base = "/usr/lib/postgresql";
const version = readdirSync(base).find((v) => existsSync(join(base, v, "bin", "initdb")));
const bin = join(base, version, "bin");
const dir = mkdtempSync(join(tmpdir(), "sonde-pg-bench-"));
const data = join(dir, "data");
const asUser = {};
if (process.getuid() === 0) {
  const line = execFileSync("getent", ["passwd", "postgres"]).toString().split(":");
  Object.assign(asUser, { uid: Number(line[2]), gid: Number(line[3]) });
  chownSync(dir, asUser.uid, asUser.gid);
}
const quiet = { stdio: "ignore", ...asUser };
execFileSync(join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"], quiet);
writeFileSync(join(data, "pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
const port = await freePort();
execFileSync(
  join(bin, "pg_ctl"),
  [
    "start",
    "-D",
    data,
    "-w",
    "-l",
    join(dir, "log"),
    "-o",
    `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=''`,
  ],
  quiet,
);
const stopCluster = () => {
  try {
    execFileSync(join(bin, "pg_ctl"), ["stop", "-D", data, "-m", "fast", "-w"], quiet);
  } catch {}
  rmSync(dir, { recursive: true, force: true });
};
process.on("exit", stopCluster);
execFileSync(join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "sonde"], quiet);
const db = `postgres://postgres@127.0.0.1:${port}/sonde`;

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
function batchBody() {
  const now = Date.now();
  const responses = [];
  for (let i = 0; i < batchSize; i++) {
    const n = sequence++;
    responses.push(
      `{"id":"${randomUUID()}","surveyId":"nps-app","revision":2,"completed":true,` +
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

await client.connect();
// The first collector migrates; the rounds then start with an empty table.
const warm = await startCollector();
warm.child.kill("SIGTERM");
await new Promise((r) => warm.child.once("exit", r));
const out = [await round(1), await round(2)];
await client.end();
console.log(JSON.stringify(out, null, 2));
process.exit(0);
