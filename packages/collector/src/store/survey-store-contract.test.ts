// What every survey store promises — versions, statuses, what is served, restarts, the version a
// response records, and importing --surveys — run against SQLite and a real PostgreSQL server alike.
import type { Survey } from "@sonde/core";
import { describe, expect, it } from "vitest";
import { importSurveys } from "../surveys.js";
import { response } from "../testing/fixtures.js";
import { storeKinds } from "../testing/store-kinds.js";
import { VersionConflict } from "./survey-store.js";

const survey = (id: string, question = "How likely…?"): Survey =>
  ({ id, steps: [{ kind: "nps", id: "score", question }] }) as Survey;

describe.each(storeKinds())("the $name survey store", ({ name, skip, open, reopen, sql }) => {
  if (skip) return void it.skip(skip, () => {});

  it("stores a new survey as version 1, a change as a new version, the same definition as no version", async () => {
    const store = await open();
    const s = store.surveys;
    expect(await s.save(survey("a"), 1000, "admin")).toMatchObject({
      outcome: "created",
      survey: { id: "a", status: "draft", version: 1, createdAt: 1000, updatedAt: 1000 },
    });
    expect(await s.save(survey("a"), 2000, "admin")).toMatchObject({ outcome: "unchanged", survey: { version: 1 } });
    expect(await s.save(survey("a", "Changed?"), 3000, "admin")).toMatchObject({
      outcome: "changed",
      survey: { version: 2, createdAt: 1000, updatedAt: 3000, status: "draft" },
    });
    const versions = await s.versions("a");
    expect(versions.map((v) => [v.version, v.source, v.createdAt])).toEqual([
      [2, "admin", 3000],
      [1, "admin", 1000],
    ]);
    expect((versions[1]!.definition.steps[0] as { question: string }).question).toBe("How likely…?");
    expect(await s.versions("nope")).toEqual([]);
    await store.close();
  });

  it("changes a survey from a version only while it is the current one, else nothing changes", async () => {
    const store = await open();
    const s = store.surveys;
    await s.save(survey("a"), 1000, "admin");
    await s.save(survey("a", "Second?"), 2000, "admin", undefined, 1);
    const stale = Promise.resolve().then(() => s.save(survey("a", "Third?"), 3000, "admin", undefined, 1));
    await expect(stale).rejects.toThrow(VersionConflict);
    await expect(stale).rejects.toMatchObject({ survey: { id: "a", version: 2 } });
    await expect(Promise.resolve().then(() => s.setStatus("a", "active", 3000, "admin", 1))).rejects.toThrow(
      VersionConflict,
    );
    expect(s.get("a")).toMatchObject({ version: 2, status: "draft" });
    // Version 0: only a survey that does not exist yet.
    expect((await s.save(survey("fresh"), 3000, "admin", undefined, 0)).outcome).toBe("created");
    await expect(Promise.resolve().then(() => s.save(survey("fresh"), 3000, "admin", undefined, 0))).rejects.toThrow(
      VersionConflict,
    );
    expect(await s.setStatus("a", "active", 4000, "admin", 2)).toMatchObject({ version: 2, status: "active" });
    if (name === "postgres") {
      // Another collector whose copy is a version behind: the database refuses its change.
      const other = await reopen(store);
      expect(other.surveys.get("a")?.version).toBe(2);
      await s.save(survey("a", "From the first collector"), 5000, "admin", undefined, 2);
      const late = Promise.resolve().then(() =>
        other.surveys.save(survey("a", "From the second"), 5001, "admin", undefined, 2),
      );
      await expect(late).rejects.toMatchObject({ survey: { version: 3 } });
      await expect(
        Promise.resolve().then(() => other.surveys.setStatus("a", "paused", 5002, "admin", 2)),
      ).rejects.toThrow(VersionConflict);
      expect(other.surveys.get("a")?.version).toBe(3); // its copy read again
      // Created through the first collector after the second read its copy: the second cannot create it too.
      await s.save(survey("b"), 6000, "admin", undefined, 0);
      await expect(
        Promise.resolve().then(() => other.surveys.save(survey("b", "Another"), 6001, "admin", undefined, 0)),
      ).rejects.toMatchObject({ survey: { id: "b", version: 1 } });
      expect((await s.versions("a")).map((v) => v.version)).toEqual([3, 2, 1]);
      await other.close();
    }
    await store.close();
  });

  it("serves only active surveys, the same list until something changes", async () => {
    const store = await open();
    const s = store.surveys;
    await s.save(survey("b"), 1, "admin");
    await s.save(survey("a"), 1, "admin", "active");
    const first = s.active();
    expect(first.map((x) => x.id)).toEqual(["a"]);
    expect(s.active()).toBe(first);
    expect(s.definitions().map((x) => x.id)).toEqual(["b", "a"]);
    await s.setStatus("b", "active", 2);
    expect(s.active()).not.toBe(first);
    expect(s.active().map((x) => x.id)).toEqual(["b", "a"]);
    for (const status of ["paused", "archived", "draft"] as const) {
      await s.setStatus("b", status, 3);
      expect(
        s.active().map((x) => x.id),
        status,
      ).toEqual(["a"]);
    }
    expect(await s.setStatus("missing", "active", 4)).toBeUndefined();
    await store.close();
  });

  it("keeps everything across a restart: statuses, versions, order", async () => {
    const before = await open();
    await before.surveys.save(survey("z"), 1, "file", "active");
    await before.surveys.save(survey("m"), 2, "admin");
    await before.surveys.save(survey("z", "v2"), 3, "admin");
    await before.surveys.setStatus("z", "paused", 4);
    const list = before.surveys.list();
    await before.close();
    const after = await reopen(before);
    expect(after.surveys.list()).toEqual(list);
    expect(after.surveys.list().map((s) => [s.id, s.status, s.version])).toEqual([
      ["z", "paused", 2],
      ["m", "draft", 1],
    ]);
    expect(await after.surveys.versions("z")).toHaveLength(2);
    expect((await after.surveys.save(survey("z", "v2"), 5, "file")).outcome).toBe("unchanged");
    await after.close();
  });

  it("records on each response the version current when it arrived, kept by its later revisions", async () => {
    const store = await open();
    await store.surveys.save(survey("nps-pricing"), 1, "admin", "active");
    await store.ingest([response({ id: "r1" }) as never], 10);
    await store.surveys.save(survey("nps-pricing", "v2"), 20, "admin");
    await store.ingest([response({ id: "r2" }), response({ id: "r1", revision: 2 })] as never, 30);
    await store.ingest([response({ id: "r3", surveyId: "unknown" })] as never, 40);
    expect(await sql(store, "SELECT id, revision, survey_version AS v FROM responses ORDER BY id")).toEqual([
      { id: "r1", revision: 2, v: 1 },
      { id: "r2", revision: 1, v: 2 },
      { id: "r3", revision: 1, v: null },
    ]);
    // Every read of a stored response carries it.
    expect((await store.responses()).map((r) => [r.id, r.storedVersion]).sort()).toEqual([
      ["r1", 1],
      ["r2", 2],
      ["r3", null],
    ]);
    expect((await store.response("r2"))?.storedVersion).toBe(2);
    expect((await store.page({ limit: 1, surveyId: "unknown" }))[0]?.storedVersion).toBeNull();
    expect((await store.followUps.inbox({ limit: 10 })).map((r) => r.storedVersion).sort()).toEqual([1, 2, null]);
    await store.close();
  });

  describe("importing --surveys at start", () => {
    it("the file wins for the ids it names: new ones active, changed ones a new version, status kept", async () => {
      const store = await open();
      const s = store.surveys;
      await s.save(survey("console-only"), 1, "admin", "active");
      expect(await importSurveys(s, [survey("a"), survey("b")], 2)).toEqual({
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
      await s.save(survey("a", "edited in the console"), 3, "admin");
      await s.setStatus("b", "paused", 3);
      expect(await importSurveys(s, [survey("a"), survey("b")], 4)).toEqual({
        created: [],
        changed: ["a"],
        unchanged: ["b"],
        paused: [],
      });
      expect(s.get("a")).toMatchObject({ version: 3, status: "active" });
      expect((await s.versions("a")).map((v) => v.source)).toEqual(["file", "admin", "file"]);
      expect(s.get("b")).toMatchObject({ version: 1, status: "paused" });
      expect(s.get("console-only")).toMatchObject({ version: 1, status: "active" });
      await store.close();
    });

    it("a survey deleted from the file is paused, unless the admin API saved it last", async () => {
      const store = await open();
      const s = store.surveys;
      await importSurveys(s, [survey("kept"), survey("deleted"), survey("taken-over")], 1);
      await s.save(survey("taken-over", "edited in the console"), 2, "admin");
      await s.save(survey("console-only"), 2, "admin", "active");
      expect(await importSurveys(s, [survey("kept")], 3)).toEqual({
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
      await s.setStatus("kept", "paused", 4);
      expect((await importSurveys(s, [survey("kept"), survey("deleted")], 5)).unchanged).toEqual(["kept", "deleted"]);
      expect(s.get("deleted")).toMatchObject({ status: "active", statusBy: "file" });
      expect(s.get("kept")).toMatchObject({ status: "paused", statusBy: "admin" });
      await store.close();
    });
  });
});
