import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { post, response, type TestCollector, testCollector } from "./testing/fixtures.js";

let collector: TestCollector;

beforeAll(async () => {
  collector = await testCollector({ rateLimit: false });
});
afterAll(() => collector.close());

const batch = (...responses: Record<string, unknown>[]) => ({ responses });

describe("POST /v1/responses stores what it acknowledges", () => {
  it("stores a valid batch and says so only once it is in the SQLite file", async () => {
    const a = response();
    const b = response({ answers: { score: { kind: "nps", value: 3 } } });
    const res = await post(collector.url, batch(a, b));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 0 });
    // Read through another connection: the 200 came after the commit.
    expect(collector.rows("id IN (?, ?)", a.id, b.id)).toBe(2);
    expect(collector.stored(a.id as string)).toEqual(a);
  });

  it("counts a resend as a duplicate and stores it once, also as text/plain (no preflight)", async () => {
    const a = response();
    await post(collector.url, batch(a));
    const again = await post(collector.url, batch(a), { type: "text/plain;charset=UTF-8" });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 1 });
    expect(collector.rows("id = ?", a.id)).toBe(1);
  });

  it("keeps the highest revision, whatever order revisions arrive in", async () => {
    const first = response({ revision: 1, completed: false });
    const id = first.id;
    const second = response({
      id,
      revision: 2,
      answers: { score: { kind: "nps", value: 9 }, why: { kind: "open", value: "Fast search" } },
    });
    expect(await (await post(collector.url, batch(first))).json()).toEqual({ accepted: 1, duplicates: 0 });
    expect(await (await post(collector.url, batch(second))).json()).toEqual({ accepted: 1, duplicates: 0 });
    expect(collector.stored(id as string)?.revision).toBe(2);
    // A late, older revision changes nothing.
    expect(await (await post(collector.url, batch(first))).json()).toEqual({ accepted: 0, duplicates: 1 });
    expect(collector.stored(id as string)?.answers.why).toEqual({ kind: "open", value: "Fast search" });
    expect(collector.rows("id = ?", id)).toBe(1);
  });

  it("never lets a response id move to another survey", async () => {
    const a = response();
    await post(collector.url, batch(a));
    const moved = { ...a, surveyId: "other-survey", revision: 5 };
    expect(await (await post(collector.url, batch(moved))).json()).toEqual({ accepted: 0, duplicates: 1 });
    expect(collector.stored(a.id as string)?.surveyId).toBe("nps-pricing");
  });
});

describe("POST /v1/responses rejects bad input with a 400 naming the field", () => {
  const cases: [string, unknown, string][] = [
    ["not JSON", "{nope", "body is not valid JSON"],
    ["an empty body", "", "body is not valid JSON"],
    ["no responses field", { answers: [] }, "responses: is required"],
    ["an empty batch", { responses: [] }, "responses: must hold at least one response"],
    ["a batch over 500", { responses: Array.from({ length: 501 }, () => response()) }, "at most 500"],
    ["a short id", batch(response({ id: "x" })), "responses[0].id: must be 8–64 letters"],
    ["a bad survey id", batch(response({ surveyId: "no spaces" })), "responses[0].surveyId: must be 1–64 letters"],
    ["a string revision", batch(response({ revision: "2" })), 'responses[0].revision: must be a number (got "2")'],
    ["a negative revision", batch(response({ revision: -1 })), "responses[0].revision"],
    ["completed as text", batch(response({ completed: "yes" })), "responses[0].completed: must be a boolean"],
    [
      "an out-of-range NPS",
      batch(response({ answers: { s: { kind: "nps", value: 11 } } })),
      "responses[0].answers.s.value: must be a whole number from 0 to 10 (got 11)",
    ],
    [
      "a fractional NPS",
      batch(response({ answers: { s: { kind: "nps", value: 7.5 } } })),
      "responses[0].answers.s.value",
    ],
    [
      "a CSAT without its scale",
      batch(response({ answers: { s: { kind: "csat", value: 4 } } })),
      "responses[0].answers.s.scale",
    ],
    [
      "a gap above its scale",
      batch(response({ answers: { g: { kind: "gap", expected: 6, experienced: 7, scale: 5 } } })),
      "responses[0].answers.g",
    ],
    [
      "an unknown answer kind",
      batch(response({ answers: { s: { kind: "stars", value: 3 } } })),
      "responses[0].answers.s.kind",
    ],
    [
      "a comment over 5000 characters",
      batch(response({ answers: { c: { kind: "open", value: "x".repeat(5001) } } })),
      "responses[0].answers.c.value",
    ],
    ["a negative createdAt", batch(response({ createdAt: -5 })), "responses[0].createdAt: must be a time"],
    ["a missing anonymousId", batch(response({ anonymousId: undefined })), "responses[0].anonymousId: is required"],
    ["context without url", batch(response({ context: {} })), "responses[0].context.url: is required"],
    ["an unknown device", batch(response({ context: { url: "/", device: "fridge" } })), "responses[0].context.device"],
    [
      "a nested attribute",
      batch(response({ context: { url: "/", attributes: { plan: { tier: 1 } } } })),
      "responses[0].context.attributes.plan",
    ],
    ["a future wire version", batch(response({ schemaVersion: 2 })), "responses[0].schemaVersion: must be 1"],
    ["a bad second response", batch(response(), response({ revision: null })), "responses[1].revision"],
  ];
  it.each(cases)("rejects %s", async (_, body, message) => {
    const res = await post(collector.url, body);
    const json = (await res.json()) as { error: string; issues?: string[] };
    expect(res.status, JSON.stringify(json)).toBe(400);
    expect([json.error, ...(json.issues ?? [])].join("\n")).toContain(message);
  });

  it("stores nothing of a batch with one bad response", async () => {
    const good = response();
    await post(collector.url, batch(good, response({ revision: "x" })));
    expect(collector.rows("id = ?", good.id)).toBe(0);
  });

  it("lists at most 50 issues, and says how many more", async () => {
    const res = await post(collector.url, { responses: Array.from({ length: 100 }, () => ({})) });
    const json = (await res.json()) as { issues: string[] };
    expect(json.issues).toHaveLength(51);
    expect(json.issues.at(-1)).toMatch(/^… and \d+ more$/);
  });

  it("rejects a body over 256 KB with 413 and closes the connection", async () => {
    const big = batch(response({ answers: { s: { kind: "open", value: "x".repeat(300_000) } } }));
    const res = await post(collector.url, big);
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    expect(((await res.json()) as { error: string }).error).toContain("262144-byte limit");
  });

  it("rejects a chunked body (no Content-Length) once it streams past the limit", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(`${collector.url}/v1/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it("reads a small chunked body like any other", async () => {
    const a = response();
    const bytes = new TextEncoder().encode(JSON.stringify(batch(a)));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 10));
        controller.enqueue(bytes.slice(10));
        controller.close();
      },
    });
    const res = await fetch(`${collector.url}/v1/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(200);
    expect(collector.rows("id = ?", a.id)).toBe(1);
  });

  it.each(["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/html", ""])(
    "rejects content-type %j with 415",
    async (type) => {
      const res = await fetch(`${collector.url}/v1/responses`, {
        method: "POST",
        headers: type ? { "content-type": type } : {},
        body: new Blob([JSON.stringify(batch(response()))]),
      });
      expect(res.status).toBe(415);
    },
  );
});

describe("an optional write key", () => {
  let locked: TestCollector;
  beforeAll(async () => {
    locked = await testCollector({ writeKey: "wk_live_8d2f7c1e", rateLimit: false });
  });
  afterAll(() => locked.close());

  it.each([
    ["no key", {}, "", 401, "needs a write key"],
    ["a wrong key", {}, "?key=wk_live_wrong000", 401, "write key is wrong"],
    ["a wrong bearer", { authorization: "Bearer nope-nope-nope" }, "", 401, "write key is wrong"],
  ])("refuses %s with 401", async (_, headers, query, status, message) => {
    const res = await post(locked.url, batch(response()), { headers, query });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toContain(message);
  });

  it("accepts the key as ?key= on the endpoint URL, with text/plain as a beacon sends it", async () => {
    const a = response();
    const res = await post(locked.url, batch(a), { type: "text/plain;charset=UTF-8", query: "?key=wk_live_8d2f7c1e" });
    expect(res.status).toBe(200);
    expect(locked.rows("id = ?", a.id)).toBe(1);
  });

  it("accepts the key as a bearer token", async () => {
    const res = await post(locked.url, batch(response()), { headers: { authorization: "Bearer wk_live_8d2f7c1e" } });
    expect(res.status).toBe(200);
  });
});
