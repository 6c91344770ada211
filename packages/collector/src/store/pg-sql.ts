import type { SurveyResponse } from "@sonde/core";
import pg from "pg";
import { type SqlPart, where as sharedWhere } from "./sql-query.js";
import type { ResponseFilter, ResponseQuery, StoredResponse } from "./store.js";

// Pieces of SQL the PostgreSQL store's reads share, in PostgreSQL's dialect: which responses a
// query selects, a row as a response, and `@name` parameters turned into `$n` ones.

/** A pool or a client: what runs a query. */
export type Queryable = Pick<pg.Pool, "query"> | Pick<pg.PoolClient, "query">;

// int8 (counts, times in ms) as numbers: every time the store keeps is below 2^53.
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A pool on the URL whose int8 columns come back as numbers. */
export function pgPool(url: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString: url, max, types });
}

/** Runs `work` in a transaction (opened by `begin`) on a client of its own: committed if it returns, rolled back if it throws. */
export async function transaction<T>(
  pool: pg.Pool,
  begin: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Runs `read` in a read-only transaction whose statements the server stops at `deadline` (ms since
 * the epoch) if one is given: a read its caller has given up on (answered 503, or a worker cut off)
 * does not run on in the database.
 */
export function readOnly<T>(
  pool: pg.Pool,
  deadline: number | undefined,
  read: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return transaction(pool, "BEGIN READ ONLY", async (client) => {
    if (deadline !== undefined && Number.isFinite(deadline)) {
      // A millisecond late rather than early, so that the caller's clock is past it when told.
      const ms = Math.max(1, Math.ceil(deadline - Date.now()) + 1);
      await client.query(`SET LOCAL statement_timeout = ${ms}`);
    }
    return read(client);
  });
}

/** `read` on the pool, or within the query's deadline when it has one (see `readOnly`). */
export function readWithin<T>(pool: pg.Pool, deadline: number | undefined, read: (db: Queryable) => Promise<T>) {
  return deadline === undefined ? read(pool) : readOnly(pool, deadline, read);
}

/** A written comment: an open answer with more than blanks in it. */
export const HAS_COMMENT = `EXISTS (SELECT 1 FROM jsonb_each(body -> 'answers') c
  WHERE c.value ->> 'kind' = 'open' AND btrim(c.value ->> 'value', E' \\t\\n\\r') <> '')`;

/**
 * Turns `@name` parameters into `$n` ones, each name once; the same SQL text gives the same
 * statement name, so that PostgreSQL prepares it once per connection.
 */
export function named(sql: string, params: Record<string, unknown>): pg.QueryConfig {
  const order: string[] = [];
  const text = sql.replace(/@([A-Za-z][A-Za-z0-9]*)/g, (_, name: string) => {
    let i = order.indexOf(name);
    if (i < 0) i = order.push(name) - 1;
    return `$${i + 1}`;
  });
  return { name: statementName(text), text, values: order.map((n) => params[n] ?? null) };
}

const names = new Map<string, string>();
/** A short stable name for a statement's text (PostgreSQL's limit is 63 bytes). */
export function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `sonde_${names.size}`;
    names.set(text, name);
  }
  return name;
}

/** The condition selecting a survey's responses in a period, on table alias `t` (`r.` or none). */
export function where(query: ResponseQuery, t = ""): SqlPart {
  return sharedWhere(query, t, filterSql);
}

/** Filters as SQLite's store reads them: an attribute's value as text (`3`, `true`, `team`), whatever its JSON type. */
function filterSql(filters: readonly ResponseFilter[], t: string): SqlPart {
  let sql = "";
  const params: Record<string, unknown> = {};
  filters.forEach((f, i) => {
    params[`filter${i}`] = f.value;
    if (f.field === "device") {
      sql += ` AND ${t}device = @filter${i}`;
      return;
    }
    params[`filterName${i}`] = f.name;
    sql += ` AND (${t}body -> 'context' -> 'attributes' ->> @filterName${i}::text) = @filter${i}`;
  });
  return { sql, params };
}

export interface Row {
  body: SurveyResponse;
  received_at: number;
  answered_at: number;
  survey_version: number | null;
}

export const toStored = (row: Row): StoredResponse => ({
  ...row.body,
  receivedAt: row.received_at,
  answeredAt: row.answered_at,
  storedVersion: row.survey_version,
});
