import { entries, keys, set, setMany } from "idb-keyval";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDelivery, type Delivery, type DeliveryEnv, KEEPALIVE_BUDGET } from "./delivery.js";
import type { OutboxDrop, OutboxError, OutboxOptions } from "./outbox.js";
import type { DeadLetter } from "./stored-records.js";
import { fakeEndpoint, freshStores, json, response } from "./test-support.js";

const running: Delivery[] = [];
afterEach(() => {
  for (const d of running.splice(0)) d.stop();
  vi.restoreAllMocks();
});

/** A delivery over fresh real stores, with short timings and every report collected. */
function setup(overrides: Partial<OutboxOptions> = {}, env: Partial<DeliveryEnv> = {}) {
  const stores = freshStores();
  const sent: string[][] = [];
  const errors: OutboxError[] = [];
  const dropped: OutboxDrop[] = [];
  const options: OutboxOptions = {
    endpoint: "/v1/responses",
    ...stores,
    tuning: { baseMs: 5, capMs: 20, timeoutMs: 300 },
    onSent: (ids) => sent.push(ids),
    onError: (e) => errors.push(e),
    onDropped: (d) => dropped.push(d),
    ...overrides,
  };
  const memory = new Map();
  const delivery = createDelivery(options, stores.store, memory, () => false, {
    now: Date.now,
    random: () => 0.5,
    lock: (task) => task(),
    ...env,
  });
  running.push(delivery);
  return { ...stores, delivery, sent, errors, dropped };
}

describe("delivery (real IndexedDB in Chromium, endpoint faked)", () => {
  it("keeps a record while the endpoint fails and removes it only after a 2xx", async () => {
    const { store, delivery, sent, errors } = setup();
    await set("resp-deliv-1", response("resp-deliv-1"), store);
    const endpoint = fakeEndpoint(() => json(503, { error: "maintenance" }));
    expect(await delivery.flush()).toEqual({ sent: [], waiting: 1 });
    expect(await keys(store)).toEqual(["resp-deliv-1"]);
    expect(errors[0]).toEqual({
      message: "the endpoint answered HTTP 503: maintenance",
      status: 503,
      ids: ["resp-deliv-1"],
      willRetry: true,
    });

    endpoint.spy.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    await delivery.flush();
    expect(await keys(store)).toEqual(["resp-deliv-1"]);
    expect(errors[1]).toMatchObject({ status: 0, willRetry: true });
    expect(errors[1]!.message).toContain("network error");

    endpoint.spy.mockResolvedValue(json(200, { accepted: 1 }));
    expect(await delivery.flush()).toEqual({ sent: ["resp-deliv-1"], waiting: 0 });
    expect(await keys(store)).toEqual([]);
    expect(sent).toEqual([["resp-deliv-1"]]);
    const init = endpoint.spy.mock.calls.at(-1)![1]!;
    expect(init.headers).toEqual({ "content-type": "application/json" });
    expect(init.credentials).toBe("omit");
  });

  it("retries on its own with backoff until the endpoint accepts", async () => {
    const { store, delivery, sent } = setup();
    await set("resp-deliv-2", response("resp-deliv-2"), store);
    let calls = 0;
    fakeEndpoint(() => (++calls <= 3 ? json(500) : json(200)));
    await delivery.flush();
    await vi.waitFor(() => expect(sent).toEqual([["resp-deliv-2"]]));
    expect(calls).toBe(4);
    expect(await keys(store)).toEqual([]);
  });

  it("honours Retry-After on a 429 instead of its own backoff", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const { store, delivery } = setup({ debug: true });
    await set("resp-deliv-3", response("resp-deliv-3"), store);
    fakeEndpoint(() => json(429, { error: "slow down" }, { "retry-after": "7" }));
    await delivery.flush();
    expect(info.mock.calls.flat().join("\n")).toContain("next attempt in 7000 ms");
  });

  it("keeps a newer revision written while an older one was in flight", async () => {
    const { store, delivery, sent } = setup();
    await set("resp-deliv-4", response("resp-deliv-4", 1), store);
    fakeEndpoint(async () => {
      await set("resp-deliv-4", response("resp-deliv-4", 2), store);
      return json(200);
    });
    await delivery.flush();
    expect(sent).toEqual([["resp-deliv-4"]]);
    const [[, left]] = (await entries(store)) as [[string, { revision: number }]];
    expect(left.revision).toBe(2);
  });

  it("gives up after a request that gets no answer within the timeout, and keeps the record", async () => {
    const { store, delivery, errors } = setup();
    await set("resp-deliv-5", response("resp-deliv-5"), store);
    vi.spyOn(globalThis, "fetch").mockImplementation(
      (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
        ),
    );
    await delivery.flush();
    expect(errors[0]!.message).toContain("no answer within 300 ms");
    expect(await keys(store)).toEqual(["resp-deliv-5"]);
  });

  it("isolates a record the endpoint refuses (400) by halving the batch, dead-letters it, and delivers the rest", async () => {
    const { store, deadLetterStore, delivery, sent, errors } = setup();
    const good1 = response("resp-good-0001");
    const bad = response("resp-bad-0001");
    const good2 = response("resp-good-0002");
    await setMany(
      [good1, bad, good2].map((r, i) => [r.id, { ...r, createdAt: i }]),
      store,
    );
    const endpoint = fakeEndpoint((ids) =>
      ids.includes("resp-bad-0001")
        ? json(400, { error: "invalid batch", issues: [`responses[${ids.indexOf("resp-bad-0001")}].answers: bad`] })
        : json(200),
    );
    expect(await delivery.flush()).toEqual({ sent: ["resp-good-0001", "resp-good-0002"], waiting: 0 });
    expect(endpoint.seen.map((s) => s.ids)).toEqual([
      ["resp-good-0001", "resp-bad-0001", "resp-good-0002"],
      ["resp-good-0001", "resp-bad-0001"],
      ["resp-good-0001"],
      ["resp-bad-0001"],
      ["resp-good-0002"],
    ]);
    expect(sent.flat()).toEqual(["resp-good-0001", "resp-good-0002"]);
    expect(errors).toEqual([
      {
        message: "the endpoint answered HTTP 400: invalid batch (responses[0].answers: bad)",
        status: 400,
        ids: ["resp-bad-0001"],
        willRetry: false,
      },
    ]);
    expect(await keys(store)).toEqual([]);
    const letters = await entries<string, DeadLetter>(deadLetterStore);
    expect(letters.map(([k, l]) => [k, l.status])).toEqual([["resp-bad-0001", 400]]);
  });

  it.each([413, 422])("dead-letters a single record refused with %s", async (status) => {
    const { store, deadLetterStore, delivery, errors } = setup();
    await set("resp-deliv-6", response("resp-deliv-6"), store);
    fakeEndpoint(() => json(status, { error: "no" }));
    await delivery.flush();
    expect(await keys(store)).toEqual([]);
    expect(await keys(deadLetterStore)).toEqual(["resp-deliv-6"]);
    expect(errors).toMatchObject([{ status, willRetry: false }]);
  });

  it("skips and reports corrupt records, keeps a newer Sonde's, and still delivers the valid one", async () => {
    const { store, deadLetterStore, delivery, sent, dropped } = setup();
    await setMany(
      [
        ["corrupt-text", "garbage"],
        ["resp-wrong-key", response("resp-other-key")],
        ["resp-future-1", response("resp-future-1", 1, { schemaVersion: 2 as 1 })],
        ["resp-valid-1", response("resp-valid-1")],
      ],
      store,
    );
    const endpoint = fakeEndpoint(() => json(200));
    await delivery.flush();
    expect(endpoint.seen.map((s) => s.ids)).toEqual([["resp-valid-1"]]);
    expect(sent).toEqual([["resp-valid-1"]]);
    expect(dropped.map((d) => [d.reason, d.ids])).toEqual([
      ["corrupt", ["corrupt-text"]],
      ["corrupt", ["resp-wrong-key"]],
    ]);
    expect(dropped[0]!.message).toContain('outbox["corrupt-text"]: is not a response record (got garbage)');
    expect(await keys(store)).toEqual(["resp-future-1"]);
    expect((await keys(deadLetterStore)).sort()).toEqual(["corrupt-text", "resp-wrong-key"]);
  });

  it("drops records older than the TTL and the oldest beyond the cap, with a report", async () => {
    const now = Date.parse("2026-06-01T00:00:00Z");
    const day = 86_400_000;
    const { store, delivery, sent, dropped } = setup(
      { tuning: { baseMs: 5, capMs: 20, timeoutMs: 300, maxRecords: 2 } },
      { now: () => now },
    );
    const at = (id: string, daysAgo: number) => response(id, 1, { updatedAt: now - daysAgo * day });
    await setMany(
      [
        at("resp-old-0001", 31),
        at("resp-age-0003", 3),
        at("resp-age-0002", 2),
        at("resp-age-0001", 1),
        at("resp-age-0000", 0),
      ].map((r) => [r.id, r]),
      store,
    );
    fakeEndpoint(() => json(200));
    await delivery.flush();
    expect(dropped.map((d) => [d.reason, d.ids])).toEqual([
      ["expired", ["resp-old-0001"]],
      ["overflow", ["resp-age-0002", "resp-age-0003"]],
    ]);
    expect(dropped[0]!.message).toBe("dropped 1 answer(s) unsent: not delivered within 30 days");
    expect(dropped[1]!.message).toBe("dropped 2 answer(s) unsent: the oldest beyond the limit of 2 waiting");
    expect(sent.flat().sort()).toEqual(["resp-age-0000", "resp-age-0001"]);
    expect(await keys(store)).toEqual([]);
  });

  it("sends 1,200 waiting records in batches of at most 500", async () => {
    const { store, delivery } = setup({ tuning: { maxRecords: 1500 } });
    await setMany(
      Array.from({ length: 1200 }, (_, i) => {
        const r = response(`resp-many-${String(i).padStart(4, "0")}`, 1, { createdAt: i });
        return [r.id, r];
      }),
      store,
    );
    const endpoint = fakeEndpoint(() => json(200));
    const result = await delivery.flush();
    expect(endpoint.seen.map((s) => s.ids.length)).toEqual([500, 500, 200]);
    expect(result).toMatchObject({ waiting: 0 });
    expect(result.sent).toHaveLength(1200);
    expect(await keys(store)).toEqual([]);
  });

  it("shares one follow-up attempt between flushes asked for while one runs", async () => {
    const { store, delivery } = setup();
    await set("resp-deliv-7", response("resp-deliv-7"), store);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const endpoint = fakeEndpoint(async () => {
      await gate;
      return json(200);
    });
    const flushes = [delivery.flush(), delivery.flush(), delivery.flush()];
    await vi.waitFor(() => expect(endpoint.seen).toHaveLength(1));
    release();
    const [first, second, third] = await Promise.all(flushes);
    expect(first!.sent).toEqual(["resp-deliv-7"]);
    expect(second).toEqual({ sent: [], waiting: 0 });
    expect(third).toBe(second);
    expect(endpoint.seen).toHaveLength(1);
  });

  it("waits for the connection instead of trying while the browser is offline", async () => {
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    const { store, delivery } = setup();
    await set("resp-deliv-8", response("resp-deliv-8"), store);
    const endpoint = fakeEndpoint(() => json(200));
    expect(await delivery.flush()).toEqual({ sent: [], waiting: 1 });
    expect(endpoint.seen).toEqual([]);
  });
});

describe("delivery when the page is hidden or left", () => {
  it("sends what is unsent with a keepalive text/plain request once per revision, and removes it after a 2xx", async () => {
    const { store, delivery, sent } = setup();
    await set("resp-hide-1", response("resp-hide-1"), store);
    const endpoint = fakeEndpoint(() => json(503));
    await delivery.flush(); // fails: the record is known unsent
    endpoint.spy.mockImplementation(async (_url, init) => {
      endpoint.seen.push({
        ids: JSON.parse(String(init!.body)).responses.map((r: { id: string }) => r.id),
        init: init!,
      });
      return json(200);
    });
    delivery.flushOnHide();
    delivery.flushOnHide(); // pagehide right after visibilitychange: nothing twice
    const hide = endpoint.seen.slice(1);
    expect(hide.map((s) => s.ids)).toEqual([["resp-hide-1"]]);
    expect(hide[0]!.init).toMatchObject({ method: "POST", keepalive: true, credentials: "omit", mode: "cors" });
    // No content-type header: the browser sends text/plain, a simple request with no CORS preflight.
    expect(hide[0]!.init.headers).toBeUndefined();
    await vi.waitFor(async () => expect(await keys(store)).toEqual([]));
    expect(sent).toEqual([["resp-hide-1"]]);
  });

  it("falls back to sendBeacon where a keepalive request is refused", async () => {
    const { delivery } = setup();
    vi.spyOn(globalThis, "fetch").mockImplementation(() => {
      throw new TypeError("keepalive refused");
    });
    const beacon = vi.spyOn(navigator, "sendBeacon").mockReturnValue(true);
    delivery.accept(response("resp-beacon-1"));
    delivery.flushOnHide();
    expect(beacon).toHaveBeenCalledTimes(1);
    const [url, body] = beacon.mock.calls[0]!;
    expect(url).toBe("/v1/responses");
    expect(JSON.parse(String(body)).responses.map((r: { id: string }) => r.id)).toEqual(["resp-beacon-1"]);
  });

  it("stays inside the 64 KiB keepalive budget, newest answers first", async () => {
    const { delivery } = setup();
    const seen: { bytes: number; ids: string[] }[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (_url, init) => {
      const body = String(init!.body);
      seen.push({
        bytes: new TextEncoder().encode(body).length,
        ids: JSON.parse(body).responses.map((r: { id: string }) => r.id),
      });
      return new Promise<Response>(() => {}); // still in flight when the page goes
    });
    for (let i = 0; i < 200; i++) {
      delivery.accept(
        response(`resp-big-${String(i).padStart(4, "0")}`, 1, {
          updatedAt: 1_000_000 + i,
          answers: { why: { kind: "open", value: "x".repeat(1000) } },
        }),
      );
    }
    delivery.flushOnHide();
    const total = seen.reduce((sum, s) => sum + s.bytes, 0);
    expect(total).toBeGreaterThan(KEEPALIVE_BUDGET / 2);
    expect(total).toBeLessThanOrEqual(KEEPALIVE_BUDGET);
    expect(seen[0]!.ids[0]).toBe("resp-big-0199");
  });
});
