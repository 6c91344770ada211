import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate, migrations } from "./migrations.js";

describe("migrations", () => {
  it("a database from before browser_locale gets the column, filled from the stored bodies", () => {
    const db = new Database(":memory:");
    db.transaction(() => {
      for (const step of migrations.slice(0, 2)) step(db);
      db.pragma("user_version = 2");
    })();
    const body = (browserLocale?: string) =>
      JSON.stringify({
        context: { url: "https://x.example/", locale: "en", ...(browserLocale ? { browserLocale } : {}) },
      });
    const insert = db.prepare(
      `INSERT INTO responses (id, survey_id, revision, completed, created_at, updated_at, received_at, body)
       VALUES (?, 's', 1, 1, 0, 0, 0, ?)`,
    );
    insert.run("with", body("pt-BR"));
    insert.run("without", body());
    migrate(db);
    expect(db.pragma("user_version", { simple: true })).toBe(migrations.length);
    const rows = db.prepare("SELECT id, browser_locale AS b FROM responses ORDER BY id").all();
    expect(rows).toEqual([
      { id: "with", b: "pt-BR" },
      { id: "without", b: null },
    ]);
    db.close();
  });
});
