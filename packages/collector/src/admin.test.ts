// The admin API as a console (or a script) uses it, against a real collector and SQLite file:
// surveys created, edited, launched and paused while it runs, and every refusal it can give.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.js";
import { openSqliteStore } from "./store/sqlite.js";
import { post, response, type TestCollector, tempDir, testCollector } from "./testing/fixtures.js";

const ADMIN_KEY = "admin-key-0123456789";
const READ_KEY = "read-key-0123456789";
const auth = { authorization: `Bearer ${ADMIN_KEY}` };

const survey = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  name: `Survey ${id}`,
  steps: [{ kind: "nps", id: "score", question: "How likely…?" }],
  ...over,
});

interface Shown {
  id: string;
  name: string | null;
  status: string;
  version: number;
  etag: string;
  definition: { id: string; name?: string };
}

/** A request to the admin API: JSON body, the admin key unless `headers` replaces it. */
function admin(
  collector: { url: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${collector.url}/v1/admin/surveys${path}`, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

const served = async (collector: { url: string }) => {
  const res = await fetch(`${collector.url}/v1/surveys`);
  const body = (await res.json()) as { surveys: { id: string; name?: string; alerts?: unknown }[] };
  return { etag: res.headers.get("etag")!, ids: body.surveys.map((s) => s.id), surveys: body.surveys };
};

describe("the admin API", () => {
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await testCollector({ adminKey: ADMIN_KEY, readKey: READ_KEY, rateLimit: false });
  });
  afterAll(() => collector.close());

  it("creates a draft, edits it into new versions, launches it: /v1/surveys changes at once", async () => {
    const start = await served(collector);
    expect(start.ids).toEqual([]);

    const created = await admin(collector, "POST", "", survey("live"));
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("/v1/admin/surveys/live");
    expect(created.headers.get("etag")).toBe('"v1"');
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect(await created.json()).toMatchObject({ id: "live", status: "draft", version: 1, etag: '"v1"' });
    // A draft is not served.
    expect((await served(collector)).etag).toBe(start.etag);

    const launched = await admin(collector, "POST", "/live/launch", undefined, { "if-match": '"v1"' });
    expect(launched.status).toBe(200);
    expect(await launched.json()).toMatchObject({ status: "active", version: 1 });
    const live = await served(collector);
    expect(live.ids).toEqual(["live"]);
    expect(live.etag).not.toBe(start.etag);

    const edited = await admin(collector, "PUT", "/live", survey("live", { name: "Renamed" }), { "if-match": '"v1"' });
    expect(edited.status).toBe(200);
    expect(edited.headers.get("etag")).toBe('"v2"');
    const after = await served(collector);
    expect(after.surveys[0]!.name).toBe("Renamed");
    expect(after.etag).not.toBe(live.etag);

    // The same definition again is no new version, and nothing served changes.
    const again = await admin(collector, "PUT", "/live", survey("live", { name: "Renamed" }), { "if-match": '"v2"' });
    expect(again.headers.get("etag")).toBe('"v2"');
    expect((await served(collector)).etag).toBe(after.etag);

    const paused = await admin(collector, "POST", "/live/pause", undefined, { "if-match": '"v2"' });
    expect(await paused.json()).toMatchObject({ status: "paused" });
    const gone = await served(collector);
    expect(gone.ids).toEqual([]);
    expect(gone.etag).not.toBe(after.etag);
    // A client holding the launched list is told it changed.
    expect((await fetch(`${collector.url}/v1/surveys`, { headers: { "if-none-match": after.etag } })).status).toBe(200);

    const versions = (await (await admin(collector, "GET", "/live/versions")).json()) as {
      versions: { version: number; source: string; definition: { name: string } }[];
    };
    expect(versions.versions.map((v) => [v.version, v.source, v.definition.name])).toEqual([
      [2, "admin", "Renamed"],
      [1, "admin", "Survey live"],
    ]);

    const list = (await (await admin(collector, "GET", "")).json()) as { surveys: Shown[] };
    expect(list.surveys).toEqual([
      expect.objectContaining({ id: "live", name: "Renamed", status: "paused", version: 2 }),
    ]);
    const one = await admin(collector, "GET", "/live");
    expect(one.headers.get("etag")).toBe('"v2"');
    expect(((await one.json()) as Shown).definition.name).toBe("Renamed");
  });

  it("records on each answer the version it answered", async () => {
    await admin(collector, "POST", "", survey("versioned"));
    await admin(collector, "POST", "/versioned/launch", undefined, { "if-match": '"v1"' });
    expect(
      (await post(collector.url, { responses: [response({ id: "version-0001", surveyId: "versioned" })] })).status,
    ).toBe(200);
    await admin(collector, "PUT", "/versioned", survey("versioned", { name: "v2" }), { "if-match": '"v1"' });
    await post(collector.url, { responses: [response({ id: "version-0002", surveyId: "versioned" })] });
    expect(collector.rows("survey_id = 'versioned' AND survey_version = 1")).toBe(1);
    expect(collector.rows("id = 'version-0002' AND survey_version = 2")).toBe(1);
    // The export says so too (the page sent no version: the console keeps none in the definition).
    const csv = await fetch(`${collector.url}/v1/results/export.csv?survey=versioned&from=2000-01-01&to=2100-01-01`, {
      headers: { authorization: `Bearer ${READ_KEY}` },
    });
    const [header, ...lines] = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .map((l) => l.split(","));
    const cell = (line: string[], name: string) => line[header!.indexOf(name)];
    expect(lines.map((l) => [cell(l, "id"), cell(l, "survey_version")]).sort()).toEqual([
      ["version-0001", "1"],
      ["version-0002", "2"],
    ]);
  });

  it("archives: not served, results still readable", async () => {
    await admin(collector, "POST", "", survey("old"));
    await admin(collector, "POST", "/old/launch", undefined, { "if-match": '"v1"' });
    await post(collector.url, { responses: [response({ id: "old-0001", surveyId: "old" })] });
    const archived = await admin(collector, "POST", "/old/archive", undefined, { "if-match": '"v1"' });
    expect(archived.status).toBe(200);
    expect((await served(collector)).ids).not.toContain("old");
    const results = await fetch(`${collector.url}/v1/results/surveys`, {
      headers: { authorization: `Bearer ${READ_KEY}` },
    });
    const list = (await results.json()) as { surveys: { id: string; known: boolean; responses: number }[] };
    expect(list.surveys.find((s) => s.id === "old")).toMatchObject({ known: true, responses: 1 });
    // Archived surveys are not launched or paused again.
    const relaunch = await admin(collector, "POST", "/old/launch", undefined, { "if-match": '"v1"' });
    expect(relaunch.status).toBe(409);
    expect(((await relaunch.json()) as { error: string }).error).toContain("archived");
  });

  it("of concurrent saves from the same version, exactly one wins: no silent overwrite", async () => {
    await admin(collector, "POST", "", survey("raced"));
    const saves = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        // Large bodies arrive in many chunks: the saves interleave while they are read.
        admin(collector, "PUT", "/raced", survey("raced", { name: `editor ${i} ${"x".repeat(400_000)}` }), {
          "if-match": '"v1"',
        }),
      ),
    );
    expect(saves.map((r) => r.status).sort()).toEqual([200, 412, 412, 412, 412, 412, 412, 412]);
    const versions = (await (await admin(collector, "GET", "/raced/versions")).json()) as { versions: unknown[] };
    expect(versions.versions).toHaveLength(2);
  });

  it("a save whose body is still arriving when another save lands gets 412", async () => {
    const store = openSqliteStore(join(tempDir(), "slow.sqlite"));
    const app = createApp({ store, adminKey: ADMIN_KEY, rateLimit: false });
    const request = (body: string | ReadableStream<Uint8Array>, length: number) =>
      app.request("/v1/admin/surveys/slow", {
        method: "PUT",
        headers: {
          ...auth,
          "content-type": "application/json",
          "content-length": String(length),
          "if-match": '"v1"',
        },
        body,
        duplex: "half",
      } as RequestInit);
    store.surveys.save(survey("slow") as never, 1, "admin");
    const text = JSON.stringify(survey("slow", { name: "slow editor" }));
    let finish!: () => void;
    const slowBody = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text.slice(0, 10)));
        finish = () => {
          controller.enqueue(new TextEncoder().encode(text.slice(10)));
          controller.close();
        };
      },
    });
    const slow = request(slowBody, text.length);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const fast = JSON.stringify(survey("slow", { name: "fast editor" }));
    expect((await request(fast, fast.length)).status).toBe(200);
    finish();
    expect((await slow).status).toBe(412);
    expect(store.surveys.get("slow")).toMatchObject({ version: 2, definition: { name: "fast editor" } });
    store.close();
  });

  describe("refuses, never a 500", () => {
    beforeAll(async () => {
      await admin(collector, "POST", "", survey("target"));
    });

    it.each([
      ["no key", {}, 401, "needs a admin key"],
      ["a wrong key", { authorization: "Bearer not-the-admin-key" }, 401, "the admin key is wrong"],
      ["the read key", { authorization: `Bearer ${READ_KEY}` }, 401, "the admin key is wrong"],
      ["a malformed header", { authorization: "Basic abc" }, 401, "needs a admin key"],
    ])("401 with %s", async (_, headers, status, message) => {
      for (const [method, path] of [
        ["GET", ""],
        ["GET", "/target"],
        ["POST", "/target/launch"],
      ]) {
        const res = await fetch(`${collector.url}/v1/admin/surveys${path}`, { method, headers });
        expect(res.status, `${method} ${path}`).toBe(status);
        expect(res.headers.get("www-authenticate")).toContain('realm="sonde-admin"');
        expect(((await res.json()) as { error: string }).error).toContain(message);
      }
    });

    it("401 for the key in the URL: the admin key travels only in a header", async () => {
      const res = await fetch(`${collector.url}/v1/admin/surveys?key=${ADMIN_KEY}`);
      expect(res.status).toBe(401);
    });

    it("403 from another origin, preflight included; the collector's own origin may call it", async () => {
      const other = await fetch(`${collector.url}/v1/admin/surveys`, {
        headers: { ...auth, origin: "https://evil.example" },
      });
      expect(other.status).toBe(403);
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
      const preflight = await fetch(`${collector.url}/v1/admin/surveys/target`, {
        method: "OPTIONS",
        headers: { origin: "https://evil.example", "access-control-request-method": "PUT" },
      });
      expect(preflight.status).toBe(403);
      const own = await fetch(`${collector.url}/v1/admin/surveys`, { headers: { ...auth, origin: collector.url } });
      expect(own.status).toBe(200);
      expect(own.headers.get("access-control-allow-origin")).toBe(collector.url);
    });

    it("400 naming each bad path, with did-you-mean for unknown fields, as at start", async () => {
      const res = await admin(
        collector,
        "POST",
        "",
        survey("bad", {
          rules: { smapling: 50, schedule: { start: "2026-01-01T00:00:00Z" } },
          steps: [{ kind: "nps", id: "s", question: "" }],
        }),
      );
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: string; issues: string[] };
      expect(body.error).toBe("invalid survey definition");
      expect(body.issues).toEqual(
        expect.arrayContaining([
          'survey.rules.smapling: unknown field; did you mean "sampling"?',
          'survey.rules.schedule: unknown field here; "schedule" belongs to survey',
          expect.stringMatching(/^survey\.steps\[0\]\.question: /),
        ]),
      );
      expect((await admin(collector, "GET", "/bad")).status).toBe(404);
    });

    it("400 for a body that is no survey at all", async () => {
      for (const body of ["[]", "null", '"x"', "{}"]) {
        const res = await admin(collector, "POST", "", body);
        expect(res.status, body).toBe(400);
        expect(((await res.json()) as { issues: string[] }).issues[0]).toMatch(/^survey/);
      }
    });

    it("400 with line and column for malformed JSON", async () => {
      const res = await admin(collector, "POST", "", '{\n  "id": "x",\n  "steps": [}');
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: "invalid JSON",
        issues: ["body: is not valid JSON: line 3, column 13: expected a value"],
      });
    });

    it("400 when a PUT would change the id", async () => {
      const res = await admin(collector, "PUT", "/target", survey("other"), { "if-match": '"v1"' });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { issues: string[] }).issues).toEqual([
        'survey.id: must be "target", the id in the URL (got "other"); an id cannot change',
      ]);
    });

    it("400 for a webhook this collector may not reach, or may not sign, checked as at start", async () => {
      const alert = (webhook: Record<string, string>) =>
        survey("hooked", { alerts: [{ id: "low", when: [{ type: "nps", category: "detractor" }], webhook }] });
      const unreachable = await admin(
        collector,
        "POST",
        "",
        alert({ url: "http://127.0.0.1:9/hook", format: "slack" }),
      );
      expect(unreachable.status).toBe(400);
      expect(((await unreachable.json()) as { issues: string[] }).issues).toEqual([
        expect.stringMatching(/^survey\.alerts\[0\]\.webhook\.url: /),
      ]);
      const unsigned = await admin(collector, "POST", "", alert({ url: "https://hooks.example.com/sonde" }));
      expect(unsigned.status).toBe(400);
      expect(((await unsigned.json()) as { issues: string[] }).issues).toEqual([
        expect.stringMatching(/^survey\.alerts\[0\]\.webhook: sends signed webhooks, .*--webhook-secret/),
      ]);
      const slack = await admin(collector, "POST", "", alert({ url: "https://hooks.example.com/s", format: "slack" }));
      expect(slack.status).toBe(201);
      // Served without its alerts, even once launched: webhook URLs are the collector's secrets.
      await admin(collector, "POST", "/hooked/launch", undefined, { "if-match": '"v1"' });
      const hooked = (await served(collector)).surveys.find((s) => s.id === "hooked");
      expect(hooked).toBeDefined();
      expect(hooked!.alerts).toBeUndefined();
      await admin(collector, "POST", "/hooked/archive", undefined, { "if-match": '"v1"' });
    });

    it("404 for an unknown survey", async () => {
      for (const [method, path] of [
        ["GET", "/nope"],
        ["GET", "/nope/versions"],
        ["POST", "/nope/launch"],
      ] as const) {
        const res = await admin(collector, method, path, undefined, { "if-match": '"v1"' });
        expect(res.status, `${method} ${path}`).toBe(404);
      }
      expect((await admin(collector, "PUT", "/nope", survey("nope"), { "if-match": '"v1"' })).status).toBe(404);
    });

    it("409 creating an id that exists, or pausing a draft", async () => {
      expect((await admin(collector, "POST", "", survey("target"))).status).toBe(409);
      expect((await admin(collector, "POST", "/target/pause", undefined, { "if-match": '"v1"' })).status).toBe(409);
    });

    it("413 for a body over the limit, 415 for a body that is not JSON", async () => {
      const huge = survey("huge", { name: "x".repeat(1024 * 1024 + 1) });
      const large = await admin(collector, "POST", "", huge);
      expect(large.status).toBe(413);
      const typed = await admin(collector, "POST", "", JSON.stringify(survey("typed")), {
        "content-type": "text/plain",
      });
      expect(typed.status).toBe(415);
      const none = await fetch(`${collector.url}/v1/admin/surveys`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify(survey("untyped")),
      });
      expect(none.status).toBe(415);
    });

    it("428 without If-Match on PUT, launch, pause and archive; 412 when it names an older version", async () => {
      for (const [method, path, body] of [
        ["PUT", "/target", survey("target", { name: "x" })],
        ["POST", "/target/launch", undefined],
        ["POST", "/target/pause", undefined],
        ["POST", "/target/archive", undefined],
      ] as const) {
        const res = await admin(collector, method, path, body);
        expect(res.status, `${method} ${path}`).toBe(428);
        expect(((await res.json()) as { error: string }).error).toContain("If-Match is required");
      }
      // Two editors start from version 1; the second save must not overwrite the first.
      const first = await admin(collector, "PUT", "/target", survey("target", { name: "first" }), {
        "if-match": '"v1"',
      });
      expect(first.status).toBe(200);
      const second = await admin(collector, "PUT", "/target", survey("target", { name: "second" }), {
        "if-match": '"v1"',
      });
      expect(second.status).toBe(412);
      expect(second.headers.get("etag")).toBe('"v2"');
      expect(await second.json()).toMatchObject({ current: { version: 2, definition: { name: "first" } } });
      const stale = await admin(collector, "POST", "/target/launch", undefined, { "if-match": '"v1"' });
      expect(stale.status).toBe(412);
      expect(((await (await admin(collector, "GET", "/target")).json()) as Shown).status).toBe("draft");
      expect((await admin(collector, "POST", "/target/launch", undefined, { "if-match": 'W/"v2"' })).status).toBe(200);
    });
  });
});

describe("the admin API and the collector's start", () => {
  it("is off (403) without an admin key", async () => {
    const collector = await testCollector({ rateLimit: false });
    try {
      const res = await fetch(`${collector.url}/v1/admin/surveys`, { headers: auth });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: string }).error).toContain("--admin-key");
    } finally {
      await collector.close();
    }
  });

  it("refuses to start when the admin key is the read or the write key", async () => {
    const db = join(tempDir(), "keys.sqlite");
    await expect(testCollector({ db, adminKey: READ_KEY, readKey: READ_KEY })).rejects.toThrow(
      "--admin-key must differ from --read-key",
    );
    await expect(testCollector({ db, adminKey: READ_KEY, writeKey: READ_KEY })).rejects.toThrow(
      "--admin-key must differ from --write-key",
    );
  });

  it("a survey deleted from the --surveys file stops being served at the next start, with a warning", async () => {
    const dir = tempDir();
    const db = join(dir, "deleted.sqlite");
    const file = join(dir, "surveys.json");
    writeFileSync(file, JSON.stringify([survey("stays"), survey("goes")]));
    const first = await testCollector({ db, surveys: file, rateLimit: false });
    expect((await served(first)).ids).toEqual(["stays", "goes"]);
    await first.close();
    writeFileSync(file, JSON.stringify([survey("stays")]));
    const warnings: string[] = [];
    const second = await testCollector({ db, surveys: file, rateLimit: false, warn: (line) => warnings.push(line) });
    expect((await served(second)).ids).toEqual(["stays"]);
    expect(warnings).toEqual([`survey "goes" is no longer in ${file}: paused (its answers are kept)`]);
    await second.close();
  });

  it("a restart keeps surveys, versions and statuses; --surveys wins for the ids it names", async () => {
    const dir = tempDir();
    const db = join(dir, "restart.sqlite");
    const file = join(dir, "surveys.json");
    writeFileSync(file, JSON.stringify({ surveys: [survey("from-file"), survey("paused-file")] }));
    const first = await testCollector({ db, surveys: file, adminKey: ADMIN_KEY, rateLimit: false });
    expect((await served(first)).ids).toEqual(["from-file", "paused-file"]);
    await admin(first, "POST", "", survey("from-console"));
    await admin(first, "POST", "/from-console/launch", undefined, { "if-match": '"v1"' });
    await admin(first, "PUT", "/from-file", survey("from-file", { name: "edited in the console" }), {
      "if-match": '"v1"',
    });
    await admin(first, "POST", "/paused-file/pause", undefined, { "if-match": '"v1"' });
    const before = await served(first);
    await first.close();

    // The same file: the console's edit of "from-file" is replaced by the file's, a new version.
    const second = await testCollector({ db, surveys: file, adminKey: ADMIN_KEY, rateLimit: false });
    const list = (await (await admin(second, "GET", "")).json()) as { surveys: Shown[] };
    expect(list.surveys.map((s) => [s.id, s.status, s.version, s.name])).toEqual([
      ["from-file", "active", 3, "Survey from-file"],
      ["paused-file", "paused", 1, "Survey paused-file"],
      ["from-console", "active", 1, "Survey from-console"],
    ]);
    const versions = (await (await admin(second, "GET", "/from-file/versions")).json()) as {
      versions: { source: string }[];
    };
    expect(versions.versions.map((v) => v.source)).toEqual(["file", "admin", "file"]);
    expect((await served(second)).ids).toEqual(["from-file", "from-console"]);
    await second.close();

    // Without --surveys, and nothing changed since: the same list and ETag as before the restart.
    const third = await testCollector({ db, adminKey: ADMIN_KEY, rateLimit: false });
    const now = await served(third);
    expect(now.ids).toEqual(["from-file", "from-console"]);
    await admin(third, "PUT", "/from-file", survey("from-file", { name: "edited in the console" }), {
      "if-match": '"v3"',
    });
    expect((await served(third)).etag).toBe(before.etag);
    await third.close();
  });
});
