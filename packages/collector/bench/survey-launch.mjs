// How soon pages see a launch, an edit or a pause: the built collector in this process on a fresh
// SQLite file with N active surveys; 100 times, pause or launch one through the admin API and ask
// GET /v1/surveys at once, which must carry a new ETag. Prints medians: the admin request and the
// GET after it together, the GET alone right after a change (the list serialized again), and an
// unchanged GET. A script, not a test: run it on a quiet machine and record the figures in BENCHMARKS.md.
//
//   node packages/collector/bench/survey-launch.mjs [surveys, default 50]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const { startCollector } = await import(new URL("../dist/index.js", import.meta.url).href);
const N = Number(process.argv[2] ?? 50);
const key = "bench-admin-key-0123456789";
const dir = mkdtempSync(join(tmpdir(), "sonde-launch-"));
const c = await startCollector({
  port: 0,
  quiet: true,
  db: join(dir, "launch.sqlite"),
  adminKey: key,
  rateLimit: false,
});
const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
const steps = [
  { kind: "nps", id: "score", question: { en: "How likely are you to recommend us?", da: "Hvor sandsynligt…?" } },
  { kind: "open", id: "why", question: "What is the main reason?" },
];
for (let i = 0; i < N; i++) {
  const id = `survey-${String(i).padStart(4, "0")}`;
  await fetch(`${c.url}/v1/admin/surveys`, { method: "POST", headers, body: JSON.stringify({ id, steps }) });
  await fetch(`${c.url}/v1/admin/surveys/${id}/launch`, {
    method: "POST",
    headers: { ...headers, "if-match": '"v1"' },
  });
}
const served = async () => {
  const res = await fetch(`${c.url}/v1/surveys`);
  await res.arrayBuffer();
  return res.headers.get("etag");
};
const [both, afterChange, unchanged] = [[], [], []];
for (let k = 0; k < 100; k++) {
  const before = await served();
  const t0 = performance.now();
  const action = k % 2 ? "launch" : "pause";
  await fetch(`${c.url}/v1/admin/surveys/survey-0000/${action}`, {
    method: "POST",
    headers: { ...headers, "if-match": '"v1"' },
  });
  const t1 = performance.now();
  if ((await served()) === before) throw new Error(`the ETag did not change after ${action}`);
  const t2 = performance.now();
  await served();
  both.push(t2 - t0);
  afterChange.push(t2 - t1);
  unchanged.push(performance.now() - t2);
}
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1].toFixed(1);
console.log(
  `${N} active surveys: ${median(both)} ms admin request + GET /v1/surveys with the new ETag; ` +
    `${median(afterChange)} ms the GET after a change; ${median(unchanged)} ms an unchanged GET (medians of 100)`,
);
await c.close();
rmSync(dir, { recursive: true, force: true });
