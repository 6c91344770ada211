import type { SurveyResponse } from "@sonde/core";
import type { Database, Statement } from "better-sqlite3";
import type { AnswerQuery, ResponseFilter, ResponseQuery, StoredResponse } from "./store.js";

// Pieces of SQL the store's reads share: which responses a query selects, and a row as a response.

const MIN_TIME = Number.MIN_SAFE_INTEGER;
const MAX_TIME = Number.MAX_SAFE_INTEGER;

// A written comment: an open answer with more than blanks in it.
export const HAS_COMMENT = `EXISTS (SELECT 1 FROM json_each(body, '$.answers') c
  WHERE c.value ->> 'kind' = 'open' AND trim(c.value ->> 'value', ' ' || char(9, 10, 13)) <> '')`;

/** SQL with its `@name` parameters. */
export type SqlPart = { sql: string; params: Record<string, unknown> };

/** The conditions of a query's filters, in one database's dialect, on table alias `t`. */
export type FilterSql = (filters: readonly ResponseFilter[], t: string) => SqlPart;

/**
 * The condition selecting a survey's responses in a period, on table alias `t` (`r.` or none);
 * the filters in SQLite's dialect unless another is given.
 */
export function where(query: ResponseQuery, t = "", filters: FilterSql = filterSql): SqlPart {
  const params: Record<string, unknown> = { since: query.since ?? MIN_TIME, until: query.until ?? MAX_TIME };
  let sql = `${t}answered_at >= @since AND ${t}answered_at < @until`;
  if (query.surveyId !== undefined) {
    sql = `${t}survey_id = @surveyId AND ${sql}`;
    params.surveyId = query.surveyId;
  }
  const filtered = filters(query.filters ?? [], t);
  return { sql: sql + filtered.sql, params: { ...params, ...filtered.params } };
}

/**
 * The conditions of filters: a device, or an attribute whose value reads as the given text the way
 * results group it (`3`, `true`, `team`), whatever its JSON type.
 */
function filterSql(filters: readonly ResponseFilter[], t: string): SqlPart {
  let sql = "";
  const params: Record<string, unknown> = {};
  filters.forEach((f, i) => {
    params[`filter${i}`] = f.value;
    if (f.field === "device") {
      sql += ` AND ${t}device = @filter${i}`;
      return;
    }
    params[`filterPath${i}`] = `$.context.attributes.${JSON.stringify(f.name)}`;
    sql += ` AND (CASE json_type(${t}body, @filterPath${i}) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false'
      ELSE CAST(${t}body ->> @filterPath${i} AS TEXT) END) = @filter${i}`;
  });
  return { sql, params };
}

export interface Row {
  body: string;
  received_at: number;
  answered_at: number;
  survey_version: number | null;
}

export const toStored = (row: Row): StoredResponse => ({
  ...(JSON.parse(row.body) as SurveyResponse),
  receivedAt: row.received_at,
  answeredAt: row.answered_at,
  storedVersion: row.survey_version,
});

/** Prepares each SQL text once on a connection: reads whose SQL depends on the query reuse theirs. */
export function statementCache(db: Database): (sql: string) => Statement {
  const statements = new Map<string, Statement>();
  return (sql) => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
}

/** A query's period starts, refused unless the first is at or before `since` (where a read begins). */
export function periodStartsOf(query: AnswerQuery): readonly number[] | undefined {
  const starts = query.periodStarts;
  if (starts && !(starts.length > 0 && starts[0]! <= (query.since ?? Number.NEGATIVE_INFINITY))) {
    throw new RangeError("periodStarts must begin at or before since");
  }
  return starts;
}
