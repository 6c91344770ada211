import type { SurveyResponse } from "@sonde/core";
import Database from "better-sqlite3";
import type { IngestResult, ResponseQuery, ResponseStore, StoredResponse } from "./store.js";

// Each entry migrates the schema one version up; `user_version` records how far a file got.
const migrations = [
  `CREATE TABLE responses (
     id TEXT PRIMARY KEY,
     survey_id TEXT NOT NULL,
     revision INTEGER NOT NULL,
     completed INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     received_at INTEGER NOT NULL,
     body TEXT NOT NULL
   ) STRICT;
   CREATE INDEX responses_by_survey_time ON responses (survey_id, created_at);`,
];

/** Opens (or creates) a SQLite file in WAL mode and brings its schema up to date. */
export function openSqliteStore(path: string): ResponseStore {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  const version = db.pragma("user_version", { simple: true }) as number;
  db.transaction(() => {
    for (let v = version; v < migrations.length; v++) db.exec(migrations[v]!);
    db.pragma(`user_version = ${migrations.length}`);
  })();

  const upsert = db.prepare(
    `INSERT INTO responses (id, survey_id, revision, completed, created_at, updated_at, received_at, body)
     VALUES (@id, @surveyId, @revision, @completed, @createdAt, @updatedAt, @receivedAt, @body)
     ON CONFLICT (id) DO UPDATE SET
       revision = excluded.revision, completed = excluded.completed, updated_at = excluded.updated_at,
       received_at = excluded.received_at, body = excluded.body
     WHERE excluded.revision > responses.revision AND excluded.survey_id = responses.survey_id`,
  );
  const ingest = db.transaction((responses: readonly SurveyResponse[], receivedAt: number): IngestResult => {
    let accepted = 0;
    for (const r of responses) {
      const { changes } = upsert.run({
        id: r.id,
        surveyId: r.surveyId,
        revision: r.revision,
        completed: r.completed ? 1 : 0,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        receivedAt,
        body: JSON.stringify(r),
      });
      accepted += changes;
    }
    return { accepted, duplicates: responses.length - accepted };
  });

  return {
    ingest: (responses, receivedAt) => ingest(responses, receivedAt),
    responses(query: ResponseQuery = {}): StoredResponse[] {
      const rows = db
        .prepare(
          `SELECT body, received_at FROM responses
           WHERE (@surveyId IS NULL OR survey_id = @surveyId)
             AND (@since IS NULL OR created_at >= @since) AND (@until IS NULL OR created_at < @until)
           ORDER BY created_at DESC, id LIMIT @limit`,
        )
        .all({
          surveyId: query.surveyId ?? null,
          since: query.since ?? null,
          until: query.until ?? null,
          limit: query.limit ?? -1,
        }) as { body: string; received_at: number }[];
      return rows.map((row) => ({ ...(JSON.parse(row.body) as SurveyResponse), receivedAt: row.received_at }));
    },
    count(surveyId?: string): number {
      const row = db
        .prepare("SELECT count(*) AS n FROM responses WHERE (@surveyId IS NULL OR survey_id = @surveyId)")
        .get({ surveyId: surveyId ?? null }) as { n: number };
      return row.n;
    },
    close: () => db.close(),
  };
}
