import type { SurveyResponse } from "@sonde/core";
import { describe, expect, it } from "vitest";
import { response } from "../testing/fixtures.js";
import { storeKinds } from "../testing/store-kinds.js";
import { groupWriter } from "./group-commit.js";
import type { IngestResult, ResponseStore } from "./store.js";

const batchOf = (...rs: Record<string, unknown>[]) => rs as unknown as SurveyResponse[];

describe.each(storeKinds())("group commit in $name", ({ skip, open }) => {
  if (skip) return void it.skip(skip, () => {});
  it("commits the batches of one turn of the event loop together, each with its own counts", async () => {
    const store = await open();
    const calls: number[] = [];
    const counting: ResponseStore = {
      ...store,
      ingestBatches: (batches, at) => {
        calls.push(batches.length);
        return store.ingestBatches(batches, at);
      },
    };
    const writer = groupWriter(counting, () => 1);
    const shared = response();
    const results = await Promise.all([
      writer.write(batchOf(response(), response())),
      writer.write(batchOf(shared)),
      writer.write(batchOf(shared, response())),
    ]);
    expect(calls).toEqual([3]);
    expect(results).toEqual<IngestResult[]>([
      { accepted: 2, duplicates: 0 },
      { accepted: 1, duplicates: 0 },
      { accepted: 1, duplicates: 1 },
    ]);
    // The next turn starts a new group.
    await writer.write(batchOf(response()));
    expect(calls).toEqual([3, 1]);
    expect(await store.count()).toBe(5);
    await store.close();
  });

  it("rolls back only the batch that fails, and rejects only its request", async () => {
    const store = await open();
    const good = response();
    // A response the schema would refuse (no context) makes the insert throw mid-batch.
    const broken = { ...response(), context: undefined };
    const half = response();
    const writer = groupWriter(store, () => 1);
    const [ok, bad] = await Promise.allSettled([writer.write(batchOf(good)), writer.write(batchOf(half, broken))]);
    expect(ok).toEqual({ status: "fulfilled", value: { accepted: 1, duplicates: 0 } });
    expect(bad.status).toBe("rejected");
    const ids = (await store.responses()).map((r) => r.id);
    expect(ids).toEqual([good.id]);
    await store.close();
  });
});
