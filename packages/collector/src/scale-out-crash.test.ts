// kill -9 of one of two collectors on one PostgreSQL database, under a load of new responses and
// new revisions of acknowledged ones: the other keeps answering 200, and every response that got a
// 200 is in the database once, with at least the revision acknowledged. Real processes (the built
// CLI) on a real throwaway cluster.
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type CliProcess, startCli } from "./testing/cli-process.js";
import { response } from "./testing/fixtures.js";
import { findPgBin, type PgCluster, startPgCluster } from "./testing/pg-cluster.js";

const WRITERS = 4;
const BATCH = 10;
const ci = process.env.CI === "true" || process.env.CI === "1";

let cluster: PgCluster | undefined;
beforeAll(async () => {
  if (findPgBin() || ci) cluster = await startPgCluster();
}, 30_000);
afterAll(() => cluster?.stop());

it.skipIf(!findPgBin() && !ci)(
  "keeps every acknowledged response when one of two collectors is killed under load, and the other serves on",
  { timeout: 60_000 },
  async () => {
    const url = cluster!.url;
    const args = ["--db", url, "--quiet", "--rate-limit", "0"];
    const victim = await startCli(args);
    const survivor = await startCli(args);
    /** The highest revision each id was acknowledged with. */
    const acknowledged = new Map<string, number>();
    let killed = false;
    let stop = false;
    let cutOff = 0;
    let servedAfterKill = 0;
    const post = async (to: CliProcess, batch: Record<string, unknown>[]) => {
      const res = await fetch(`${to.url}/v1/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ responses: batch }),
      });
      await res.arrayBuffer();
      return res.status;
    };
    const writer = async (w: number) => {
      // Each writer revises only its own ids: no two writers race on one id's revision.
      const mine: string[] = [];
      for (let n = 0; !stop; n++) {
        const batch: Record<string, unknown>[] = [];
        for (let i = 0; i < BATCH; i++) {
          const old = i < 3 && mine.length > 0 ? mine[(n * 7 + i) % mine.length]! : undefined;
          const revision = old ? acknowledged.get(old)! + 1 : 1;
          const r = response({
            ...(old ? { id: old } : {}),
            revision,
            answers: { score: { kind: "nps", value: revision % 11 } },
          });
          if (old && batch.some((b) => b.id === old)) continue;
          batch.push(r);
        }
        // Writers spread over both collectors, as a load balancer would, until one is gone.
        const to = !killed && (n + w) % 2 === 0 ? victim : survivor;
        try {
          const status = await post(to, batch);
          if (status !== 200) throw new Error(`HTTP ${status}`);
          for (const r of batch) {
            const id = r.id as string;
            if (!acknowledged.has(id)) mine.push(id);
            acknowledged.set(id, Math.max(acknowledged.get(id) ?? 0, r.revision as number));
          }
          if (killed && to === survivor) servedAfterKill++;
        } catch {
          // In flight to the killed process: never acknowledged (the load balancer would retry it).
          if (to === survivor) throw new Error("the surviving collector failed a batch");
          cutOff++;
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    const until = async (done: () => boolean, what: string) => {
      for (let waited = 0; !done(); waited += 10) {
        if (waited > 20_000) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    try {
      await until(() => acknowledged.size >= 200, "the load to flow");
      victim.child.kill("SIGKILL");
      killed = true;
      expect(await victim.exited).toBe("SIGKILL");
      await until(() => servedAfterKill >= 10, "the survivor to serve on");
    } finally {
      stop = true;
      await Promise.allSettled(writers);
    }
    await Promise.all(writers);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let stored: Map<string, number>;
    try {
      const { rows } = await client.query<{ id: string; revision: number }>("SELECT id, revision FROM responses");
      stored = new Map(rows.map((r) => [r.id, r.revision]));
      expect(rows.length, "each id stored once").toBe(stored.size);
    } finally {
      await client.end();
    }
    const lost = [...acknowledged].filter(([id, revision]) => (stored.get(id) ?? 0) < revision);
    expect(lost, `${lost.length} of ${acknowledged.size} acknowledged (id, revision) pairs missing`).toEqual([]);
    // The survivor reads what both stored.
    const totals = (await (await fetch(`${survivor.url}/v1/results/surveys`)).json()) as {
      surveys: { responses: number }[];
    };
    expect(totals.surveys[0]!.responses).toBe(stored.size);
    survivor.child.kill("SIGTERM");
    expect(await survivor.exited).toBe(0);
    console.log(
      `pg crash: ${acknowledged.size} acknowledged, ${stored.size} stored, ${cutOff} batches cut off, ${servedAfterKill} served after the kill`,
    );
  },
);
