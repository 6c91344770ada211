import type { Survey } from "@sonde/core";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { importSurveys } from "../surveys.js";
import { response, tempDir } from "../testing/fixtures.js";
import { migrate, migrations } from "./migrations.js";
import { openSqliteStore } from "./sqlite.js";

const survey = (id: string, question = "How likely…?"): Survey =>
  ({ id, steps: [{ kind: "nps", id: "score", question }] }) as Survey;

const file = () => `${tempDir()}/surveys.sqlite`;

describe("the SQLite survey store", () => {
  it("stores a new survey as version 1, a change as a new version, the same definition as no version", () => {
    const store = openSqliteStore(file());
    const s = store.surveys;
    expect(s.save(survey("a"), 1000, "admin")).toMatchObject({
      outcome: "created",
      survey: { id: "a", status: "draft", version: 1, createdAt: 1000, updatedAt: 1000 },
    });
    expect(s.save(survey("a"), 2000, "admin")).toMatchObject({ outcome: "unchanged", survey: { version: 1 } });
    expect(s.save(survey("a", "Changed?"), 3000, "admin")).toMatchObject({
      outcome: "changed",
      survey: { version: 2, createdAt: 1000, updatedAt: 3000, status: "draft" },
    });
    expect(s.versions("a").map((v) => [v.version, v.source, v.createdAt])).toEqual([
      [2, "admin", 3000],
      [1, "admin", 1000],
    ]);
    expect((s.versions("a")[1]!.definition.steps[0] as { question: string }).question).toBe("How likely…?");
    expect(s.versions("nope")).toEqual([]);
    store.close();
  });

  it("serves only active surveys, the same list until something changes", () => {
    const store = openSqliteStore(file());
    const s = store.surveys;
    s.save(survey("b"), 1, "admin");
    s.save(survey("a"), 1, "admin", "active");
    const first = s.active();
    expect(first.map((x) => x.id)).toEqual(["a"]);
    expect(s.active()).toBe(first);
    expect(s.definitions().map((x) => x.id)).toEqual(["b", "a"]);
    s.setStatus("b", "active", 2);
    expect(s.active()).not.toBe(first);
    expect(s.active().map((x) => x.id)).toEqual(["b", "a"]);
    for (const status of ["paused", "archived", "draft"] as const) {
      s.setStatus("b", status, 3);
      expect(
        s.active().map((x) => x.id),
        status,
      ).toEqual(["a"]);
    }
    expect(s.setStatus("missing", "active", 4)).toBeUndefined();
    store.close();
  });

  it("keeps everything across a restart: statuses, versions, order", () => {
    const path = file();
    const before = openSqliteStore(path);
    before.surveys.save(survey("z"), 1, "file", "active");
    before.surveys.save(survey("m"), 2, "admin");
    before.surveys.save(survey("z", "v2"), 3, "admin");
    before.surveys.setStatus("z", "paused", 4);
    const list = before.surveys.list();
    before.close();
    const after = openSqliteStore(path);
    expect(after.surveys.list()).toEqual(list);
    expect(after.surveys.list().map((s) => [s.id, s.status, s.version])).toEqual([
      ["z", "paused", 2],
      ["m", "draft", 1],
    ]);
    expect(after.surveys.versions("z")).toHaveLength(2);
    expect(after.surveys.save(survey("z", "v2"), 5, "file").outcome).toBe("unchanged");
    after.close();
  });

  it("records on each response the version current when it arrived, kept by its later revisions", () => {
    const path = file();
    const store = openSqliteStore(path);
    store.surveys.save(survey("nps-pricing"), 1, "admin", "active");
    store.ingest([response({ id: "r1" }) as never], 10);
    store.surveys.save(survey("nps-pricing", "v2"), 20, "admin");
    store.ingest([response({ id: "r2" }), response({ id: "r1", revision: 2 })] as never, 30);
    store.ingest([response({ id: "r3", surveyId: "unknown" })] as never, 40);
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT id, revision, survey_version AS v FROM responses ORDER BY id").all()).toEqual([
      { id: "r1", revision: 2, v: 1 },
      { id: "r2", revision: 1, v: 2 },
      { id: "r3", revision: 1, v: null },
    ]);
    db.close();
  });

  it("a database from before surveys in the store gets the tables and a null version on old responses", () => {
    const path = file();
    const db = new Database(path);
    db.transaction(() => {
      for (const step of migrations.slice(0, 4)) step(db);
      db.pragma("user_version = 4");
    })();
    db.prepare(
      `INSERT INTO responses (id, survey_id, revision, completed, created_at, updated_at, received_at, body)
       VALUES ('old', 's', 1, 1, 0, 0, 0, '{}')`,
    ).run();
    migrate(db);
    expect(db.pragma("user_version", { simple: true })).toBe(migrations.length);
    expect(db.prepare("SELECT survey_version FROM responses").get()).toEqual({ survey_version: null });
    expect(db.prepare("SELECT count(*) AS n FROM surveys").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe("importing --surveys at start", () => {
  it("the file wins for the ids it names: new ones active, changed ones a new version, status kept", () => {
    const store = openSqliteStore(file());
    const s = store.surveys;
    s.save(survey("console-only"), 1, "admin", "active");
    expect(importSurveys(s, [survey("a"), survey("b")], 2)).toEqual({
      created: ["a", "b"],
      changed: [],
      unchanged: [],
      paused: [],
    });
    expect(s.list().map((x) => [x.id, x.status, x.version])).toEqual([
      ["console-only", "active", 1],
      ["a", "active", 1],
      ["b", "active", 1],
    ]);
    // Edited and paused from the console, then the collector restarts with the same file.
    s.save(survey("a", "edited in the console"), 3, "admin");
    s.setStatus("b", "paused", 3);
    expect(importSurveys(s, [survey("a"), survey("b")], 4)).toEqual({
      created: [],
      changed: ["a"],
      unchanged: ["b"],
      paused: [],
    });
    expect(s.get("a")).toMatchObject({ version: 3, status: "active" });
    expect(s.versions("a").map((v) => v.source)).toEqual(["file", "admin", "file"]);
    expect(s.get("b")).toMatchObject({ version: 1, status: "paused" });
    expect(s.get("console-only")).toMatchObject({ version: 1, status: "active" });
    store.close();
  });

  it("a survey deleted from the file is paused, unless the admin API saved it last", () => {
    const store = openSqliteStore(file());
    const s = store.surveys;
    importSurveys(s, [survey("kept"), survey("deleted"), survey("taken-over")], 1);
    s.save(survey("taken-over", "edited in the console"), 2, "admin");
    s.save(survey("console-only"), 2, "admin", "active");
    expect(importSurveys(s, [survey("kept")], 3)).toEqual({
      created: [],
      changed: [],
      unchanged: ["kept"],
      paused: ["deleted"],
    });
    expect(s.list().map((x) => [x.id, x.status])).toEqual([
      ["kept", "active"],
      ["deleted", "paused"],
      ["taken-over", "active"],
      ["console-only", "active"],
    ]);
    // Named again, it is active again; a survey paused through the admin API stays paused.
    s.setStatus("kept", "paused", 4);
    expect(importSurveys(s, [survey("kept"), survey("deleted")], 5).unchanged).toEqual(["kept", "deleted"]);
    expect(s.get("deleted")).toMatchObject({ status: "active", statusBy: "file" });
    expect(s.get("kept")).toMatchObject({ status: "paused", statusBy: "admin" });
    store.close();
  });
});
