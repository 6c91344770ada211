import type { UseStore } from "idb-keyval";
import { get, keys, set } from "idb-keyval";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createOutbox, type Outbox, type OutboxError, type OutboxOptions } from "./outbox.js";
import { fakeEndpoint, freshStores, json, response } from "./test-support.js";

const started: Outbox[] = [];
afterEach(() => {
  for (const o of started.splice(0)) o.stop();
  vi.restoreAllMocks();
});

function outbox(options: Partial<OutboxOptions> = {}) {
  const stores = freshStores();
  const o = createOutbox({
    endpoint: "/v1/responses",
    ...stores,
    tuning: { baseMs: 5, capMs: 20, timeoutMs: 500 },
    ...options,
  });
  started.push(o);
  return { outbox: o, ...stores };
}

/** A store whose every use throws at once, as idb-keyval does when `indexedDB` is missing. */
const missingIndexedDb: UseStore = () => {
  throw new TypeError("Cannot read properties of undefined (reading 'open')");
};

describe("outbox (real IndexedDB in Chromium)", () => {
  it("discard() deletes the answers still waiting (consent withdrawn): releasing it later sends nothing", async () => {
    const endpoint = fakeEndpoint(() => json(200));
    const { outbox: o, store } = outbox({ hold: true });
    await o.enqueue(response("resp-withdrawn-1"));
    expect(await keys(store)).toEqual(["resp-withdrawn-1"]);
    await o.discard();
    expect(await keys(store)).toEqual([]);
    o.hold(false);
    await o.flush();
    expect(endpoint.seen).toEqual([]);
  });

  it("has the answer stored when enqueue resolves, and sends it on its own", async () => {
    const endpoint = fakeEndpoint(() => json(200));
    const sent: string[][] = [];
    const { outbox: o, store } = outbox({ hold: true, onSent: (ids) => sent.push(ids) });
    await o.enqueue(response("resp-facade-1"));
    expect(await get("resp-facade-1", store)).toMatchObject({ id: "resp-facade-1", revision: 1 });
    expect(endpoint.seen).toEqual([]); // held: nothing leaves

    o.hold(false);
    await vi.waitFor(() => expect(sent).toEqual([["resp-facade-1"]]));
    expect(await keys(store)).toEqual([]);

    await o.enqueue(response("resp-facade-2"));
    await vi.waitFor(() => expect(sent).toEqual([["resp-facade-1"], ["resp-facade-2"]]));
    expect(endpoint.seen.map((s) => s.ids)).toEqual([["resp-facade-1"], ["resp-facade-2"]]);
  });

  it("on start, sends what an earlier visit left, and tries again when the browser comes online", async () => {
    const { store, deadLetterStore } = freshStores();
    await set("resp-left-1", response("resp-left-1"), store);
    const endpoint = fakeEndpoint(() => Promise.reject(new TypeError("Failed to fetch")));
    const errors: OutboxError[] = [];
    const o = createOutbox({
      endpoint: "/v1/responses",
      store,
      deadLetterStore,
      tuning: { baseMs: 60_000, capMs: 60_000 },
      onError: (e) => errors.push(e),
    });
    started.push(o);
    o.start();
    await vi.waitFor(() => expect(endpoint.seen).toHaveLength(1));
    expect(errors).toMatchObject([{ status: 0, ids: ["resp-left-1"], willRetry: true }]);

    endpoint.spy.mockResolvedValue(json(200));
    dispatchEvent(new Event("online"));
    await vi.waitFor(async () => expect(await keys(store)).toEqual([]));
  });

  it("keeps answers in memory and sends them at once where IndexedDB is missing, reporting it once in debug mode", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const endpoint = fakeEndpoint(() => json(200));
    const sent: string[][] = [];
    const { outbox: o } = outbox({
      store: missingIndexedDb,
      deadLetterStore: missingIndexedDb,
      debug: true,
      onSent: (ids) => sent.push(ids),
    });
    o.start();
    await o.enqueue(response("resp-memory-1"));
    await vi.waitFor(() => expect(sent.flat()).toEqual(["resp-memory-1"]));
    await o.enqueue(response("resp-memory-2"));
    await vi.waitFor(() => expect(sent.flat()).toEqual(["resp-memory-1", "resp-memory-2"]));
    expect(endpoint.seen.map((s) => s.ids)).toEqual([["resp-memory-1"], ["resp-memory-2"]]);
    const reports = warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes("IndexedDB is unavailable"));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain("answers are kept in memory and sent at once");
  });

  it("reports a full storage quota with a clear error, and still sends the answer", async () => {
    fakeEndpoint(() => json(200));
    const errors: OutboxError[] = [];
    const sent: string[] = [];
    const quotaExceeded: UseStore = () => Promise.reject(new DOMException("Quota exceeded.", "QuotaExceededError"));
    const { outbox: o } = outbox({
      store: quotaExceeded,
      onError: (e) => errors.push(e),
      onSent: (ids) => sent.push(...ids),
    });
    await o.enqueue(response("resp-quota-1"));
    await vi.waitFor(() => expect(sent).toEqual(["resp-quota-1"]));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ status: 0, ids: ["resp-quota-1"], willRetry: true });
    expect(errors[0]!.message).toContain("the browser's storage for this site is full");
  });

  it("never throws into the page, whatever the storage does", async () => {
    fakeEndpoint(() => json(200));
    const { outbox: o } = outbox({ store: missingIndexedDb, deadLetterStore: missingIndexedDb });
    expect(() => o.start()).not.toThrow();
    await expect(o.enqueue(response("resp-safe-1"))).resolves.toBeUndefined();
    await expect(o.flush()).resolves.toMatchObject({ waiting: 0 });
    expect(() => o.stop()).not.toThrow();
  });
});
