import type { SurveyResponse } from "@sonde/core";
import type { Database } from "better-sqlite3";
import { scoredJson } from "./scored.js";
import { pathOf } from "./url-path.js";

/** One step of the schema, applied once; `user_version` records how many a file has had. */
type Migration = (db: Database) => void;

/** The schema's history. Append only: a released step is never edited. */
export const migrations: Migration[] = [
  (db) =>
    db.exec(`CREATE TABLE responses (
       id TEXT PRIMARY KEY,
       survey_id TEXT NOT NULL,
       revision INTEGER NOT NULL,
       completed INTEGER NOT NULL,
       created_at INTEGER NOT NULL,
       updated_at INTEGER NOT NULL,
       received_at INTEGER NOT NULL,
       body TEXT NOT NULL
     ) STRICT;
     CREATE INDEX responses_by_survey_time ON responses (survey_id, created_at);`),
  // Results group by page, locale and device, and by the time an answer was given: a client clock
  // ahead of ours must not put answers in the future, so `answered_at` is min(created, received).
  // `scored` holds just the scored answers (JSON), so results never parse whole bodies.
  (db) => {
    db.exec(`ALTER TABLE responses ADD COLUMN answered_at INTEGER NOT NULL DEFAULT 0;
       ALTER TABLE responses ADD COLUMN path TEXT NOT NULL DEFAULT '/';
       ALTER TABLE responses ADD COLUMN locale TEXT;
       ALTER TABLE responses ADD COLUMN device TEXT;
       ALTER TABLE responses ADD COLUMN scored TEXT NOT NULL DEFAULT '{}';
       UPDATE responses SET answered_at = min(created_at, received_at),
         locale = body ->> '$.context.locale', device = body ->> '$.context.device';`);
    const update = db.prepare("UPDATE responses SET path = ?, scored = ? WHERE id = ?");
    for (const row of db.prepare("SELECT id, body FROM responses").all() as { id: string; body: string }[]) {
      const r = JSON.parse(row.body) as SurveyResponse;
      update.run(pathOf(r.context.url), scoredJson(r.answers), row.id);
    }
    // Not a covering index (with path … scored): that reads large periods several times faster
    // but costs ~15% of ingest throughput, measured; see BENCHMARKS.md.
    db.exec(`DROP INDEX responses_by_survey_time;
       CREATE INDEX responses_by_survey_time ON responses (survey_id, answered_at, id);`);
  },
  // Results break down by the respondent's own language tag as well as the prompt's language.
  (db) =>
    db.exec(`ALTER TABLE responses ADD COLUMN browser_locale TEXT;
       UPDATE responses SET browser_locale = body ->> '$.context.browserLocale';`),
  // The alerts' outbox: a row per response and alert it fired, written in the transaction that
  // stores the answer, and the state of its delivery (see alert-outbox.ts). Which alerts a
  // response fired is kept on its own row (`alerts_fired`: alert id → delivery id), so that a
  // later revision never fires one twice: an index on the random response ids of the outbox would
  // cost every firing answer as much again, measured. The worker finds due rows through the
  // partial index, which holds only pending ones.
  (db) =>
    db.exec(`CREATE TABLE alert_deliveries (
       id INTEGER PRIMARY KEY,
       response_id TEXT NOT NULL,
       survey_id TEXT NOT NULL,
       alert_id TEXT NOT NULL,
       status TEXT NOT NULL DEFAULT 'pending',
       created_at INTEGER NOT NULL,
       due_at INTEGER NOT NULL,
       attempts INTEGER NOT NULL DEFAULT 0,
       last_attempt_at INTEGER,
       last_status INTEGER,
       last_error TEXT,
       done_at INTEGER
     ) STRICT;
     CREATE INDEX alert_deliveries_due ON alert_deliveries (due_at) WHERE status = 'pending';
     ALTER TABLE responses ADD COLUMN alerts_fired TEXT;`),
  // Surveys live in the store (see sqlite-surveys.ts): a row per survey with its status (and who set
  // it: `admin` or `file`) and current version, a row per saved version with its definition (validated JSON), and on each response the
  // store version of its survey current when it arrived (null: no stored survey by that id).
  (db) =>
    db.exec(`CREATE TABLE surveys (
       id TEXT PRIMARY KEY,
       status TEXT NOT NULL,
       status_by TEXT NOT NULL,
       version INTEGER NOT NULL,
       created_at INTEGER NOT NULL,
       updated_at INTEGER NOT NULL
     ) STRICT;
     CREATE TABLE survey_versions (
       survey_id TEXT NOT NULL,
       version INTEGER NOT NULL,
       source TEXT NOT NULL,
       created_at INTEGER NOT NULL,
       definition TEXT NOT NULL,
       PRIMARY KEY (survey_id, version)
     ) STRICT;
     ALTER TABLE responses ADD COLUMN survey_version INTEGER;`),
  // Follow-ups of answers: every change kept (who reached out and when, with a note), the current
  // status and the first time an answer left `new` on its response's row, for the inbox's filters
  // and the share of detractors followed up. The partial index serves the open count by survey.
  (db) =>
    db.exec(`CREATE TABLE follow_ups (
       id INTEGER PRIMARY KEY,
       response_id TEXT NOT NULL,
       survey_id TEXT NOT NULL,
       status TEXT NOT NULL CHECK (status IN ('new', 'contacted', 'resolved')),
       note TEXT,
       at INTEGER NOT NULL
     ) STRICT;
     CREATE INDEX follow_ups_by_response ON follow_ups (response_id, id);
     ALTER TABLE responses ADD COLUMN follow_up TEXT;
     ALTER TABLE responses ADD COLUMN followed_up_at INTEGER;
     CREATE INDEX responses_open_follow_ups ON responses (survey_id) WHERE follow_up = 'contacted';`),
];

/** Brings a database up to the latest schema in one transaction; refuses a newer file. */
export function migrate(db: Database): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > migrations.length) {
    throw new Error(
      `the database has schema version ${version}, newer than this collector knows (${migrations.length}); upgrade @sonde/collector`,
    );
  }
  db.transaction(() => {
    for (let v = version; v < migrations.length; v++) migrations[v]!(db);
    db.pragma(`user_version = ${migrations.length}`);
  })();
}
