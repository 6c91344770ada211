import type { Survey } from "@sonde/core";
import type pg from "pg";
import { transaction } from "./pg-sql.js";
import {
  type StoredSurvey,
  type SurveyStatus,
  type SurveyStore,
  type SurveyVersion,
  VersionConflict,
  type VersionSource,
} from "./survey-store.js";

interface SurveyRow {
  id: string;
  status: SurveyStatus;
  status_by: VersionSource;
  version: number;
  created_at: number;
  updated_at: number;
  source: VersionSource;
  definition: string;
}

/** The PostgreSQL survey store, and how its copy in memory follows the database. */
export interface PgSurveys extends SurveyStore<"async"> {
  /** Reads every survey again when another collector has changed one since the last read. */
  refresh(): Promise<void>;
}

/** Thrown inside a write when the survey is not at the version the change starts from. */
const CONFLICT = new Error("version conflict");

const SELECT_ALL = `SELECT s.id, s.status, s.status_by, s.version, s.created_at, s.updated_at, v.source, v.definition
  FROM surveys s JOIN survey_versions v ON v.survey_id = s.id AND v.version = s.version ORDER BY s.seq`;

const toSurvey = (row: SurveyRow): StoredSurvey => ({
  id: row.id,
  status: row.status,
  statusBy: row.status_by,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  source: row.source,
  definition: JSON.parse(row.definition) as Survey,
});

/**
 * Surveys in PostgreSQL, read from a copy in memory (ingest and `GET /v1/surveys` never wait for a
 * query). Several collectors share the database, so the copy is not the truth: `refresh` reads it
 * again when the largest `change` differs from the one it was read at (the collector calls it
 * every second), and a save reads the survey's row under lock, so that two collectors saving at
 * once make two versions, never one lost.
 */
export async function pgSurveys(pool: pg.Pool): Promise<PgSurveys> {
  let byId = new Map<string, StoredSurvey>();
  let seen = -1;
  let active: readonly Survey[] | undefined;
  let definitions: readonly Survey[] | undefined;

  const load = async () => {
    // One snapshot: the change read and the rows agree.
    const [change, { rows }] = await transaction(
      pool,
      "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
      async (db) => [
        await db.query<{ change: number | null }>("SELECT max(change) AS change FROM surveys"),
        await db.query<SurveyRow>(SELECT_ALL),
      ],
    );
    byId = new Map(rows.map((row) => [row.id, toSurvey(row)]));
    seen = change.rows[0]?.change ?? 0;
    active = undefined;
    definitions = undefined;
  };
  await load();

  /**
   * Runs `work` in a transaction, then reads every survey again (cheap: surveys are few). When
   * `work` finds survey `id` at another version than asked (CONFLICT), the copy is read again and
   * VersionConflict carries the survey as the database has it.
   */
  const write = async <T>(id: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    let out: T;
    try {
      out = await transaction(pool, "BEGIN", work);
    } catch (error) {
      if (error === CONFLICT) {
        await load();
        throw new VersionConflict(byId.get(id)!);
      }
      throw error;
    }
    await load();
    return out;
  };

  return {
    list: () => [...byId.values()],
    get: (id) => byId.get(id),
    currentVersion: (id) => byId.get(id)?.version,
    active() {
      active ??= [...byId.values()].filter((s) => s.status === "active").map((s) => s.definition);
      return active;
    },
    definitions() {
      definitions ??= [...byId.values()].map((s) => s.definition);
      return definitions;
    },

    async refresh() {
      const { rows } = await pool.query<{ change: number | null }>({
        name: "sonde_surveys_change",
        text: "SELECT max(change) AS change FROM surveys",
      });
      if ((rows[0]?.change ?? 0) !== seen) await load();
    },

    async versions(id) {
      const { rows } = await pool.query<Omit<SurveyRow, "id"> & { survey_id: string }>({
        name: "sonde_survey_versions",
        text: "SELECT survey_id, version, source, created_at, definition FROM survey_versions WHERE survey_id = $1 ORDER BY version DESC",
        values: [id],
      });
      return rows.map(
        (row): SurveyVersion => ({
          surveyId: row.survey_id,
          version: row.version,
          source: row.source,
          createdAt: row.created_at,
          definition: JSON.parse(row.definition) as Survey,
        }),
      );
    },

    async save(definition, now, source, status = "draft", ifVersion) {
      const text = JSON.stringify(definition);
      const outcome = await write(definition.id, async (client) => {
        const { rows } = await client.query<SurveyRow>(
          `SELECT s.id, s.version, v.definition FROM surveys s
           JOIN survey_versions v ON v.survey_id = s.id AND v.version = s.version WHERE s.id = $1 FOR UPDATE OF s`,
          [definition.id],
        );
        const current = rows[0];
        if (current && ifVersion !== undefined && current.version !== ifVersion) throw CONFLICT;
        if (current && current.definition === text) return "unchanged" as const;
        const version = current ? current.version + 1 : 1;
        if (current) {
          await client.query(
            "UPDATE surveys SET version = $2, updated_at = $3, change = nextval('survey_changes') WHERE id = $1",
            [definition.id, version, now],
          );
        } else {
          // Two collectors creating the same id at once: the second waits, then finds it there.
          const inserted = await client.query(
            `INSERT INTO surveys (id, status, status_by, version, created_at, updated_at)
             VALUES ($1, $2, $3, 1, $4, $4) ON CONFLICT (id) DO NOTHING`,
            [definition.id, status, source, now],
          );
          if (inserted.rowCount === 0) {
            // Created meanwhile by another collector: a change from "no survey" conflicts with it.
            if (ifVersion !== undefined) throw CONFLICT;
            throw new Error(`survey "${definition.id}" was created meanwhile; save again`);
          }
        }
        await client.query(
          "INSERT INTO survey_versions (survey_id, version, source, created_at, definition) VALUES ($1, $2, $3, $4, $5)",
          [definition.id, version, source, now, text],
        );
        return current ? ("changed" as const) : ("created" as const);
      });
      return { survey: byId.get(definition.id)!, outcome };
    },

    async setStatus(id, status, now, by = "admin", ifVersion) {
      await write(id, async (client) => {
        const { rows } = await client.query<{ version: number }>(
          "SELECT version FROM surveys WHERE id = $1 FOR UPDATE",
          [id],
        );
        if (rows[0] && ifVersion !== undefined && rows[0].version !== ifVersion) throw CONFLICT;
        await client.query(
          `UPDATE surveys SET status = $2, status_by = $3, updated_at = $4, change = nextval('survey_changes')
           WHERE id = $1 AND status <> $2`,
          [id, status, by, now],
        );
      });
      return byId.get(id);
    },
  };
}
