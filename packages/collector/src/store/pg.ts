import type { SurveyResponse } from "@sonde/core";
import type pg from "pg";
import type { FiringRule } from "./alert-outbox.js";
import { pgFollowUps } from "./pg-follow-ups.js";
import { pgMigrate } from "./pg-migrations.js";
import { pgOutbox } from "./pg-outbox.js";
import { HAS_COMMENT, named, pgPool, type Row, readOnly, readWithin, toStored, transaction, where } from "./pg-sql.js";
import { pgSurveys } from "./pg-surveys.js";
import { type ScoredAnswer, scoredJson } from "./scored.js";
import { periodStartsOf } from "./sql-query.js";
import type { PendingFirings } from "./sqlite-outbox.js";
import type {
  AnswerQuery,
  IngestResult,
  PageQuery,
  ResponseFields,
  ResponseQuery,
  ResponseStore,
  ScoredResponseRow,
  StoredResponse,
  SurveyTotals,
} from "./store.js";
import { pathOf } from "./url-path.js";

/** How the PostgreSQL store connects and what it fires. */
export interface PgOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Which alerts a stored revision fires: their deliveries are written in the same transaction. */
  alerts?: FiringRule;
  /** How often to look for survey changes made through other collectors (default 1000 ms; 0: never). */
  surveyRefreshMs?: number;
}

/** Whether `--db` names a PostgreSQL database rather than a SQLite file. */
export const isPgUrl = (db: string): boolean => /^postgres(ql)?:\/\//i.test(db);

const UPSERT = {
  name: "sonde_upsert",
  text: `INSERT INTO responses (id, survey_id, revision, completed, created_at, updated_at, received_at, body,
       answered_at, path, locale, device, scored, browser_locale, survey_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (id) DO UPDATE SET
       revision = excluded.revision, completed = excluded.completed, updated_at = excluded.updated_at,
       received_at = excluded.received_at, body = excluded.body, answered_at = excluded.answered_at,
       path = excluded.path, locale = excluded.locale, device = excluded.device, scored = excluded.scored,
       browser_locale = excluded.browser_locale
     WHERE excluded.revision > responses.revision AND excluded.survey_id = responses.survey_id`,
};

const UPSERT_MANY = {
  name: "sonde_upsert_many",
  text: `INSERT INTO responses (id, survey_id, revision, completed, created_at, updated_at, received_at, body,
       answered_at, path, locale, device, scored, browser_locale, survey_version)
     SELECT id, survey_id, revision, completed, created_at, updated_at, $15::bigint, body,
       answered_at, path, locale, device, scored, browser_locale, survey_version
     FROM unnest($1::text[], $2::text[], $3::int[], $4::bool[], $5::bigint[], $6::bigint[], $7::jsonb[],
       $8::bigint[], $9::text[], $10::text[], $11::text[], $12::jsonb[], $13::text[], $14::int[])
       AS u(id, survey_id, revision, completed, created_at, updated_at, body, answered_at, path, locale, device,
         scored, browser_locale, survey_version)
     ON CONFLICT (id) DO UPDATE SET
       revision = excluded.revision, completed = excluded.completed, updated_at = excluded.updated_at,
       received_at = excluded.received_at, body = excluded.body, answered_at = excluded.answered_at,
       path = excluded.path, locale = excluded.locale, device = excluded.device, scored = excluded.scored,
       browser_locale = excluded.browser_locale
     WHERE excluded.revision > responses.revision AND excluded.survey_id = responses.survey_id
     RETURNING id`,
};

// Rows a scored read fetches at a time from its cursor: memory stays flat whatever the period.
const FETCH_ROWS = 2000;

/**
 * Opens a PostgreSQL store (`postgres://…`) and brings its schema up to date under an advisory
 * lock. Several collectors may share the database: responses, deliveries and follow-ups live only
 * there, and each collector's copy of the surveys follows it (see pg-surveys.ts).
 */
export async function openPgStore(url: string, options: PgOptions = {}): Promise<ResponseStore<"async">> {
  const pool = pgPool(url, options.poolSize ?? 10);
  // An idle client that loses its server must not take the process down: the next query reconnects.
  pool.on("error", () => {});
  const surveysReady = (async () => {
    const client = await pool.connect();
    try {
      await pgMigrate(client);
    } finally {
      client.release();
    }
    return pgSurveys(pool);
  })();
  let surveys: Awaited<typeof surveysReady>;
  try {
    surveys = await surveysReady;
  } catch (error) {
    await pool.end();
    throw error;
  }
  const outbox = pgOutbox(pool, options.alerts);
  const refreshMs = options.surveyRefreshMs ?? 1000;
  let refreshing = false;
  const refresher =
    refreshMs > 0
      ? setInterval(() => {
          if (refreshing) return;
          refreshing = true;
          // A failed refresh keeps the copy: the next one tries again.
          surveys
            .refresh()
            .catch(() => {})
            .finally(() => {
              refreshing = false;
            });
        }, refreshMs)
      : undefined;
  refresher?.unref();

  /** Stores one batch on `client`, inside the transaction the caller holds. */
  const ingestOn = async (
    client: pg.ClientBase,
    responses: readonly SurveyResponse[],
    receivedAt: number,
  ): Promise<IngestResult> => {
    if (responses.length > 1 && new Set(responses.map((r) => r.id)).size === responses.length) {
      return ingestMany(client, responses, receivedAt);
    }
    let accepted = 0;
    for (const r of responses) {
      const fired = await outbox.firing(client, r, receivedAt);
      const { rowCount } = await client.query({
        ...UPSERT,
        values: [
          r.id,
          r.surveyId,
          r.revision,
          r.completed,
          r.createdAt,
          r.updatedAt,
          receivedAt,
          JSON.stringify(r),
          Math.min(r.createdAt, receivedAt),
          pathOf(r.context.url),
          r.context.locale ?? null,
          r.context.device ?? null,
          scoredJson(r.answers),
          r.context.browserLocale ?? null,
          // The version current when its first revision arrived (kept by later revisions).
          surveys.currentVersion(r.surveyId) ?? null,
        ],
      });
      const changes = rowCount ?? 0;
      accepted += changes;
      if (changes && fired) await outbox.record(client, fired);
    }
    return { accepted, duplicates: responses.length - accepted };
  };

  /**
   * A batch of distinct ids in one statement: one round trip instead of one per response. With
   * distinct ids the order of the rows changes nothing, so this stores what one upsert per response
   * would (a batch naming an id twice takes that path, in order).
   */
  const ingestMany = async (
    client: pg.ClientBase,
    responses: readonly SurveyResponse[],
    receivedAt: number,
  ): Promise<IngestResult> => {
    const firings = new Map<string, PendingFirings>();
    for (const r of responses) {
      const fired = await outbox.firing(client, r, receivedAt);
      if (fired) firings.set(r.id, fired);
    }
    const columns: unknown[][] = Array.from({ length: 14 }, () => []);
    for (const r of responses) {
      const row = [
        r.id,
        r.surveyId,
        r.revision,
        r.completed,
        r.createdAt,
        r.updatedAt,
        JSON.stringify(r),
        Math.min(r.createdAt, receivedAt),
        pathOf(r.context.url),
        r.context.locale ?? null,
        r.context.device ?? null,
        scoredJson(r.answers),
        r.context.browserLocale ?? null,
        surveys.currentVersion(r.surveyId) ?? null,
      ];
      row.forEach((value, i) => {
        columns[i]!.push(value);
      });
    }
    const { rows } = await client.query<{ id: string }>({ ...UPSERT_MANY, values: [...columns, receivedAt] });
    for (const { id } of rows) {
      const fired = firings.get(id);
      if (fired) await outbox.record(client, fired);
    }
    return { accepted: rows.length, duplicates: responses.length - rows.length };
  };

  /** Group commit: every batch in one transaction, each in a savepoint so that one that fails rolls back alone. */
  const ingestBatches = async (
    batches: readonly (readonly SurveyResponse[])[],
    receivedAt: number,
  ): Promise<(IngestResult | Error)[]> => {
    return transaction(pool, "BEGIN", async (client) => {
      const results: (IngestResult | Error)[] = [];
      for (const batch of batches) {
        await client.query("SAVEPOINT batch");
        try {
          results.push(await ingestOn(client, batch, receivedAt));
          await client.query("RELEASE SAVEPOINT batch");
        } catch (error) {
          await client.query("ROLLBACK TO SAVEPOINT batch");
          results.push(error instanceof Error ? error : new Error(String(error)));
        }
      }
      return results;
    });
  };

  const rows = async <T extends pg.QueryResultRow>(sql: string, params: Record<string, unknown>, deadline?: number) =>
    (await readWithin(pool, deadline, (db) => db.query<T>(named(sql, params)))).rows;

  return {
    async ingest(responses, receivedAt) {
      const [result] = await ingestBatches([responses], receivedAt);
      if (result instanceof Error) throw result;
      return result!;
    },
    ingestBatches,

    async responses(query: ResponseQuery = {}): Promise<StoredResponse[]> {
      const w = where(query);
      const found = await rows<Row>(
        `SELECT body, received_at, answered_at, survey_version FROM responses WHERE ${w.sql}
         ORDER BY answered_at DESC, id DESC LIMIT @limit`,
        { ...w.params, limit: query.limit ?? null },
      );
      return found.map(toStored);
    },

    async page(query: PageQuery & { withComment?: boolean }): Promise<StoredResponse[]> {
      const w = where(query);
      const after = query.after ? "AND (answered_at < @afterAt OR (answered_at = @afterAt AND id < @afterId))" : "";
      const found = await rows<Row>(
        `SELECT body, received_at, answered_at, survey_version FROM responses
         WHERE ${w.sql} ${after} ${query.withComment ? `AND ${HAS_COMMENT}` : ""}
         ORDER BY answered_at DESC, id DESC LIMIT @limit`,
        {
          ...w.params,
          limit: query.limit,
          ...(query.after ? { afterAt: query.after.answeredAt, afterId: query.after.id } : {}),
        },
      );
      return found.map(toStored);
    },

    async count(query: ResponseQuery = {}): Promise<number> {
      const w = where(query);
      const found = await rows<{ n: number }>(
        `SELECT count(*) AS n FROM responses WHERE ${w.sql}`,
        w.params,
        query.deadline,
      );
      return found[0]!.n;
    },

    // Read through a cursor, a few thousand rows at a time: a period of millions never sits in memory.
    // With periodStarts the database groups the responses by period and everything the row holds,
    // so a year of a million responses by week and page is some ten thousand rows (see BENCHMARKS.md).
    async scoredResponses(query: AnswerQuery, visit: (row: ScoredResponseRow) => void): Promise<void> {
      const w = where(query);
      const names = query.attributes ?? [];
      const starts = periodStartsOf(query);
      const params: Record<string, unknown> = { ...w.params, ...(starts ? { starts } : {}) };
      names.forEach((name, i) => {
        params[`attr${i}`] = name;
      });
      const columns = [
        starts ? "width_bucket(answered_at, @starts::bigint[])" : "answered_at",
        "path",
        "locale",
        "device",
        "scored",
        "browser_locale",
        ...names.map((_, i) => `body -> 'context' -> 'attributes' -> @attr${i}::text`),
      ];
      const grouped = starts
        ? `, count(*) FROM responses WHERE ${w.sql} AND scored <> '{}'::jsonb
         GROUP BY ${columns.map((_, i) => i + 1).join(", ")}`
        : ` FROM responses WHERE ${w.sql} AND scored <> '{}'::jsonb`;
      const declared = named(`DECLARE scored NO SCROLL CURSOR FOR SELECT ${columns.join(", ")}${grouped}`, params);
      const countAt = columns.length; // the column after them
      // Past the deadline the caller has answered 503 (or its worker is gone): the server stops too.
      await readOnly(pool, query.deadline, async (client) => {
        if (starts) {
          // The planner cannot know how few groups come out (it expects one per response) and would
          // sort a million rows to find them; a hash table of the groups is what fits. Nor does such
          // a query gain from compiling its expressions.
          await client.query("SET LOCAL enable_sort = off; SET LOCAL jit = off");
        }
        // DECLARE cannot be a prepared statement: sent unnamed, with its parameters.
        await client.query({ text: declared.text, values: declared.values });
        for (;;) {
          const batch = await client.query({ text: `FETCH ${FETCH_ROWS} FROM scored`, rowMode: "array" });
          for (const row of batch.rows as unknown[][]) {
            visit({
              count: starts ? (row[countAt] as number) : 1,
              answeredAt: starts ? starts[(row[0] as number) - 1]! : (row[0] as number),
              path: row[1] as string,
              locale: row[2] as string | null,
              device: row[3] as string | null,
              answers: row[4] as Record<string, ScoredAnswer>,
              browserLocale: row[5] as string | null,
              attributes: names.map((_, i) => {
                const value = row[6 + i];
                return value === null || value === undefined ? null : String(value);
              }),
            });
          }
          if (batch.rows.length < FETCH_ROWS) break;
        }
      });
    },

    async surveyTotals(): Promise<SurveyTotals[]> {
      return rows<SurveyTotals>(
        `SELECT survey_id AS "surveyId", count(*) AS responses, min(answered_at) AS first, max(answered_at) AS last
         FROM responses GROUP BY survey_id ORDER BY survey_id`,
        {},
      );
    },

    async fields(query: ResponseQuery, options: { answers?: boolean } = {}): Promise<ResponseFields> {
      const w = where(query, "r.");
      const answers =
        options.answers === false
          ? []
          : await rows<{ stepId: string; kind: string }>(
              `SELECT j.key AS "stepId", j.value ->> 'kind' AS kind, min(r.seq) AS first_seen
         FROM responses r, jsonb_each(r.body -> 'answers') j WHERE ${w.sql}
         GROUP BY j.key, kind ORDER BY first_seen, j.key COLLATE "C"`,
              w.params,
              query.deadline,
            );
      const attributes = await rows<{ name: string }>(
        `SELECT DISTINCT j.key COLLATE "C" AS name FROM responses r,
           jsonb_object_keys(coalesce(r.body -> 'context' -> 'attributes', '{}'::jsonb)) AS j(key)
         WHERE ${w.sql} ORDER BY name`,
        w.params,
        query.deadline,
      );
      return {
        answers: answers.map(({ stepId, kind }) => ({ stepId, kind })),
        attributes: attributes.map((a) => a.name),
      };
    },

    outbox,
    followUps: pgFollowUps(pool),
    surveys,

    async response(id) {
      const found = await rows<Row>(
        "SELECT body, received_at, answered_at, survey_version FROM responses WHERE id = @id",
        { id },
      );
      return found[0] && toStored(found[0]);
    },

    async close() {
      if (refresher) clearInterval(refresher);
      await pool.end();
    },
  };
}
