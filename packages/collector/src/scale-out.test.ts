// Several collectors on one PostgreSQL database: what one acknowledges, the others read; what one
// changes, the others serve.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningCollector, startCollector } from "./server.js";
import { post, response } from "./testing/fixtures.js";
import { storeKinds } from "./testing/store-kinds.js";

const ADMIN_KEY = "admin-key-0123456789";
const READ_KEY = "read-key-0123456789";
const postgres = storeKinds().find((k) => k.name === "postgres")!;

describe.skipIf(postgres.skip !== undefined)("two collectors on one PostgreSQL database", () => {
  let a: RunningCollector;
  let b: RunningCollector;
  beforeAll(async () => {
    const store = await postgres.open();
    const db = postgres.url!(store);
    await store.close();
    const options = {
      port: 0,
      quiet: true,
      consoleDir: false as const,
      adminKey: ADMIN_KEY,
      readKey: READ_KEY,
      rateLimit: false as const,
    };
    [a, b] = await Promise.all([startCollector({ ...options, db }), startCollector({ ...options, db })]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it("stores once what both acknowledge, and each reads what the other stored", async () => {
    const one = response();
    const [ra, rb] = await Promise.all([
      post(a.url, { responses: [one] }),
      post(b.url, { responses: [one, response()] }),
    ]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    const counts = [(await ra.json()) as { accepted: number }, (await rb.json()) as { accepted: number }];
    expect(counts[0]!.accepted + counts[1]!.accepted).toBe(2);
    const read = await fetch(`${b.url}/v1/results/surveys`, { headers: { authorization: `Bearer ${READ_KEY}` } });
    expect(read.status).toBe(200);
    const { surveys } = (await read.json()) as { surveys: { id: string; responses: number }[] };
    expect(surveys.find((s) => s.id === one.surveyId)?.responses).toBe(2);
  });

  it("serves a survey launched through one collector from the other, with the same ETag", async () => {
    const definition = { id: "shared", steps: [{ kind: "nps", id: "score", question: "How likely…?" }] };
    const headers = { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" };
    expect(
      (await fetch(`${a.url}/v1/admin/surveys`, { method: "POST", headers, body: JSON.stringify(definition) })).status,
    ).toBe(201);
    expect(
      (
        await fetch(`${a.url}/v1/admin/surveys/shared/launch`, {
          method: "POST",
          headers: { ...headers, "if-match": '"v1"' },
        })
      ).status,
    ).toBe(200);
    const served = async (c: RunningCollector) => {
      const res = await fetch(`${c.url}/v1/surveys`);
      const body = (await res.json()) as { surveys: { id: string }[] };
      return { ids: body.surveys.map((s) => s.id), etag: res.headers.get("etag") };
    };
    // The other collector sees the change within its refresh (a second).
    let fromB = await served(b);
    for (let i = 0; i < 40 && !fromB.ids.includes("shared"); i++) {
      await new Promise((r) => setTimeout(r, 100));
      fromB = await served(b);
    }
    expect(fromB.ids).toContain("shared");
    expect(fromB.etag).toBe((await served(a)).etag);
  });

  it("refuses with 412 a change through one collector made from a version the other has replaced", async () => {
    const headers = { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" };
    const definition = (question: string) =>
      JSON.stringify({ id: "edited", steps: [{ kind: "nps", id: "score", question }] });
    expect(
      (await fetch(`${a.url}/v1/admin/surveys`, { method: "POST", headers, body: definition("First?") })).status,
    ).toBe(201);
    // B learns of version 1 (within its refresh), then A saves version 2 and B is asked for a
    // change from version 1 before its copy is read again: the database refuses it.
    for (let i = 0; i < 40; i++) {
      const res = await fetch(`${b.url}/v1/admin/surveys/edited`, { headers });
      if (res.status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const put = (c: RunningCollector, question: string) =>
      fetch(`${c.url}/v1/admin/surveys/edited`, {
        method: "PUT",
        headers: { ...headers, "if-match": '"v1"' },
        body: definition(question),
      });
    expect((await put(a, "Through A?")).status).toBe(200);
    const late = await put(b, "Through B?");
    expect(late.status).toBe(412);
    expect(((await late.json()) as { current: { version: number } }).current.version).toBe(2);
    const versions = await fetch(`${a.url}/v1/admin/surveys/edited/versions`, { headers });
    expect(((await versions.json()) as { versions: unknown[] }).versions).toHaveLength(2);
    // Created through A, then through B before B's copy has it: 409, and A's stays version 1.
    const create = (c: RunningCollector, question: string) =>
      fetch(`${c.url}/v1/admin/surveys`, {
        method: "POST",
        headers,
        body: JSON.stringify({ id: "twice", steps: [{ kind: "nps", id: "score", question }] }),
      });
    expect((await create(a, "Through A?")).status).toBe(201);
    expect((await create(b, "Through B?")).status).toBe(409);
    const twice = await fetch(`${a.url}/v1/admin/surveys/twice`, { headers });
    expect(((await twice.json()) as { version: number }).version).toBe(1);
  });
});
