// kill -9 during a load of batches: after a restart, every response that got a 200 is in the
// database. Runs the built CLI as a real process on a real SQLite file.
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { startCli } from "./testing/cli-process.js";
import { response, tempDir } from "./testing/fixtures.js";

const ROUNDS = 3;
const WRITERS = 6;

it(`keeps every acknowledged response through ${ROUNDS} kill -9s under load`, { timeout: 60_000 }, async () => {
  const db = join(tempDir(), "crash.sqlite");
  const acknowledged = new Set<string>();
  let failed = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const cli = await startCli(["--db", db, "--quiet", "--rate-limit", "0"]);
    let stop = false;
    const writer = async () => {
      while (!stop) {
        const batch = Array.from({ length: 20 }, () => response({ answers: { score: { kind: "nps", value: 7 } } }));
        try {
          const res = await fetch(`${cli.url}/v1/responses`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ responses: batch }),
          });
          if (res.status === 200) for (const r of batch) acknowledged.add(r.id as string);
          else failed++;
        } catch {
          // The process died with this batch in flight: it was never acknowledged.
          failed++;
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, writer);
    // Once the load is flowing, kill at a different moment each round, with batches in flight.
    const start = acknowledged.size;
    for (let waited = 0; acknowledged.size < start + 100 && waited < 20_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 100 + round * 150));
    const before = acknowledged.size - start;
    cli.child.kill("SIGKILL");
    expect(await cli.exited).toBe("SIGKILL");
    stop = true;
    await Promise.all(writers);
    expect(before, "the load reached the collector before the kill").toBeGreaterThanOrEqual(100);
  }

  // Restart on the same file: it opens (WAL recovery), and everything acknowledged is there.
  const cli = await startCli(["--db", db, "--quiet"]);
  const counts = (await (await fetch(`${cli.url}/v1/results/surveys`)).json()) as { surveys: { responses: number }[] };
  cli.child.kill("SIGTERM");
  expect(await cli.exited).toBe(0);
  const file = new Database(db, { readonly: true });
  try {
    expect(file.pragma("integrity_check", { simple: true })).toBe("ok");
    const stored = new Set((file.prepare("SELECT id FROM responses").all() as { id: string }[]).map((r) => r.id));
    const lost = [...acknowledged].filter((id) => !stored.has(id));
    expect(lost, `${lost.length} of ${acknowledged.size} acknowledged responses are missing`).toEqual([]);
    expect(counts.surveys[0]!.responses).toBe(stored.size);
    console.log(`crash: ${acknowledged.size} acknowledged, ${stored.size} stored, ${failed} batches cut off by kills`);
  } finally {
    file.close();
  }
});
