import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { tempDir } from "../testing/fixtures.js";
import { migrate, migrations } from "./migrations.js";

const file = () => `${tempDir()}/surveys.sqlite`;

// What only SQLite's survey store does: its migrations. The rest is survey-store-contract.test.ts.
describe("the SQLite survey store", () => {
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
