import type pg from "pg";

/** The schema's history in PostgreSQL. Append only: a released step is never edited. */
export const pgMigrations: string[] = [
  // The same tables as SQLite's (see migrations.ts), in one step. Ids compare byte by byte
  // (`COLLATE "C"`), as SQLite's do, so that pages and their cursors agree whatever the
  // database's locale. `seq` keeps the order rows were first stored in (SQLite's rowid).
  `CREATE TABLE responses (
     id TEXT COLLATE "C" PRIMARY KEY,
     seq BIGSERIAL NOT NULL,
     survey_id TEXT COLLATE "C" NOT NULL,
     revision INTEGER NOT NULL,
     completed BOOLEAN NOT NULL,
     created_at BIGINT NOT NULL,
     updated_at BIGINT NOT NULL,
     received_at BIGINT NOT NULL,
     body JSONB NOT NULL,
     answered_at BIGINT NOT NULL,
     path TEXT NOT NULL,
     locale TEXT,
     device TEXT,
     scored JSONB NOT NULL,
     browser_locale TEXT,
     survey_version INTEGER,
     alerts_fired JSONB,
     follow_up TEXT,
     followed_up_at BIGINT
   );
   CREATE INDEX responses_by_survey_time ON responses (survey_id, answered_at, id);
   CREATE INDEX responses_open_follow_ups ON responses (survey_id) WHERE follow_up = 'contacted';
   CREATE TABLE alert_deliveries (
     id BIGSERIAL PRIMARY KEY,
     response_id TEXT COLLATE "C" NOT NULL,
     survey_id TEXT COLLATE "C" NOT NULL,
     alert_id TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'pending',
     created_at BIGINT NOT NULL,
     due_at BIGINT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     last_attempt_at BIGINT,
     last_status INTEGER,
     last_error TEXT,
     done_at BIGINT
   );
   CREATE INDEX alert_deliveries_due ON alert_deliveries (due_at) WHERE status = 'pending';
   CREATE SEQUENCE survey_changes;
   CREATE TABLE surveys (
     id TEXT COLLATE "C" PRIMARY KEY,
     seq BIGSERIAL NOT NULL,
     status TEXT NOT NULL,
     status_by TEXT NOT NULL,
     version INTEGER NOT NULL,
     created_at BIGINT NOT NULL,
     updated_at BIGINT NOT NULL,
     -- Every write takes the next value: a collector knows its copy is current while max(change) is the same.
     change BIGINT NOT NULL DEFAULT nextval('survey_changes')
   );
   CREATE TABLE survey_versions (
     survey_id TEXT COLLATE "C" NOT NULL,
     version INTEGER NOT NULL,
     source TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     definition TEXT NOT NULL,
     PRIMARY KEY (survey_id, version)
   );
   CREATE TABLE follow_ups (
     id BIGSERIAL PRIMARY KEY,
     response_id TEXT COLLATE "C" NOT NULL,
     survey_id TEXT COLLATE "C" NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('new', 'contacted', 'resolved')),
     note TEXT,
     at BIGINT NOT NULL
   );
   CREATE INDEX follow_ups_by_response ON follow_ups (response_id, id);`,
];

// Any constant will do, the same in every collector: the lock that serializes migrations.
const MIGRATION_LOCK = 0x50_4e_44_45; // "SNDE"

/**
 * Brings the database up to the latest schema in one transaction, under an advisory lock: ten
 * collectors starting at once wait for each other, and the first one migrates; the others find it
 * done. Refuses a database newer than this collector.
 */
export async function pgMigrate(db: pg.ClientBase): Promise<void> {
  await db.query("BEGIN");
  try {
    await db.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await db.query("CREATE TABLE IF NOT EXISTS sonde_schema (version INTEGER NOT NULL)");
    const { rows } = await db.query<{ version: number }>("SELECT version FROM sonde_schema");
    const version = rows[0]?.version ?? 0;
    if (version > pgMigrations.length) {
      throw new Error(
        `the database has schema version ${version}, newer than this collector knows (${pgMigrations.length}); upgrade @sonde/collector`,
      );
    }
    for (let v = version; v < pgMigrations.length; v++) await db.query(pgMigrations[v]!);
    if (rows.length === 0) await db.query(`INSERT INTO sonde_schema (version) VALUES (${pgMigrations.length})`);
    else await db.query(`UPDATE sonde_schema SET version = ${pgMigrations.length}`);
    await db.query("COMMIT");
  } catch (error) {
    await db.query("ROLLBACK");
    throw error;
  }
}
