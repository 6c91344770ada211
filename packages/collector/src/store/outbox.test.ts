import type { SurveyResponse } from "@sonde/core";
import { describe, expect, it } from "vitest";
import { response } from "../testing/fixtures.js";
import { storeKinds } from "../testing/store-kinds.js";
import type { FiringRule } from "./alert-outbox.js";
import { groupWriter } from "./group-commit.js";

// Detractors fire "low" at once when complete, 60 s later when not.
const rule: FiringRule = (r, at) =>
  r.answers.score?.kind === "nps" && r.answers.score.value <= 6
    ? [{ alertId: "low", dueAt: r.completed ? at : at + 60_000 }]
    : [];

const nps = (value: number, over: Record<string, unknown> = {}) =>
  response({ answers: { score: { kind: "nps", value } }, ...over }) as unknown as SurveyResponse;

describe.each(storeKinds())("the alerts' outbox in $name", ({ skip, open: openStore }) => {
  if (skip) return void it.skip(skip, () => {});
  const open = () => openStore({ alerts: rule });

  it("writes a delivery per response and alert, once, whatever revisions or repeats arrive", async () => {
    const store = await open();
    const first = nps(3, { revision: 1, completed: false });
    await store.ingest([first, nps(9)], 1000);
    expect(await store.outbox.list({ limit: 10 })).toMatchObject([
      { responseId: first.id, alertId: "low", status: "pending", createdAt: 1000, dueAt: 61_000, attempts: 0 },
    ]);
    // The revision that completes it brings the attempt forward; repeats and later revisions add nothing.
    await store.ingest([{ ...first, revision: 2, completed: true }], 2000);
    await store.ingest([{ ...first, revision: 2, completed: true }, first], 3000);
    await store.ingest([{ ...first, revision: 3, completed: true }], 4000);
    expect(await store.outbox.list({ limit: 10 })).toMatchObject([{ createdAt: 1000, dueAt: 2000 }]);
    await store.close();
  });

  it("rolls deliveries back with the batch that failed: no alert without its answer", async () => {
    const store = await open();
    const writer = groupWriter(store, () => 5000);
    const good = nps(1);
    const doomed = nps(2);
    const broken = { ...nps(3), context: undefined } as unknown as SurveyResponse;
    const [ok, bad] = await Promise.allSettled([writer.write([good]), writer.write([doomed, broken])]);
    expect(ok.status).toBe("fulfilled");
    expect(bad.status).toBe("rejected");
    expect((await await store.outbox.list({ limit: 10 })).map((d) => d.responseId)).toEqual([good.id]);
    await store.close();
  });

  it("leases due deliveries once until the lease ends, and records what became of them", async () => {
    const store = await open();
    const [a, b, c] = [nps(0), nps(1), nps(2)];
    await store.ingest([a, b, c], 1000);
    const leased = await store.outbox.lease(1000, 11_000, 2);
    expect(leased.map((d) => [d.responseId, d.attempts, d.dueAt])).toEqual([
      [a.id, 1, 11_000],
      [b.id, 1, 11_000],
    ]);
    expect((await await store.outbox.lease(1000, 11_000, 10)).map((d) => d.responseId)).toEqual([c.id]);
    expect(await store.outbox.lease(10_999, 20_000, 10)).toEqual([]);
    const [da, db] = leased;
    await store.outbox.delivered(da!.id, { at: 1500, status: 204 });
    await store.outbox.failed(db!.id, { at: 1600, status: 503, error: "HTTP 503" }, 9000);
    // A lease that ended without a record (a crash) is taken again.
    expect((await await store.outbox.lease(11_000, 30_000, 10)).map((d) => [d.responseId, d.attempts])).toEqual([
      [b.id, 2],
      [c.id, 2],
    ]);
    await store.outbox.failed(db!.id, { at: 12_000, status: null, error: "connect ECONNREFUSED" }, null);
    expect(await store.outbox.list({ limit: 10, status: "dead" })).toMatchObject([
      { responseId: b.id, attempts: 2, lastStatus: null, lastError: "connect ECONNREFUSED", doneAt: 12_000 },
    ]);
    expect(await store.outbox.list({ limit: 10, status: "delivered" })).toMatchObject([
      { responseId: a.id, lastStatus: 204, doneAt: 1500, lastError: null },
    ]);
    // Done is done: a late record changes nothing.
    await store.outbox.delivered(db!.id, { at: 13_000, status: 200 });
    expect(await store.outbox.counts()).toEqual({ pending: 1, delivered: 1, dead: 1, cancelled: 0 });
    // Pages, newest first.
    const page = await store.outbox.list({ limit: 2 });
    expect(page.map((d) => d.responseId)).toEqual([c.id, b.id]);
    expect((await await store.outbox.list({ limit: 2, before: page[1]!.id })).map((d) => d.responseId)).toEqual([a.id]);
    expect(await store.outbox.list({ limit: 5, responseId: a.id })).toHaveLength(1);
    await store.close();
  });

  it("fires nothing without alert rules", async () => {
    const store = await openStore();
    await store.ingest([nps(0)], 1000);
    expect(await store.outbox.list({ limit: 10 })).toEqual([]);
    expect(await store.response(nps(0).id)).toBeUndefined();
    await store.close();
  });
});
