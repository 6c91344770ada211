import type pg from "pg";
import type { AlertOutbox, DeliveryStatus, FiringRule } from "./alert-outbox.js";
import { type DeliveryRow, toDelivery } from "./delivery-row.js";
import { named } from "./pg-sql.js";
import type { PendingFirings } from "./sqlite-outbox.js";

/** The outbox in PostgreSQL, and the two calls the ingest transaction makes (as SQLite's). */
export interface PgOutbox extends AlertOutbox<"async"> {
  /** What a revision fires (undefined: nothing); call before storing it, on the ingest's client. */
  firing(
    client: pg.ClientBase,
    response: PendingFirings["response"],
    receivedAt: number,
  ): Promise<PendingFirings | undefined>;
  /** Writes the deliveries of a revision just stored, on the ingest's client (inside its transaction). */
  record(client: pg.ClientBase, pending: PendingFirings): Promise<void>;
}

/**
 * The alerts' outbox in `alert_deliveries`. Several collectors lease from it at once: a lease takes
 * due rows with `FOR UPDATE SKIP LOCKED`, so that two never take the same row.
 */
export function pgOutbox(pool: pg.Pool, rule: FiringRule | undefined): PgOutbox {
  return {
    async firing(client, response, receivedAt) {
      const firings = rule?.(response, receivedAt);
      if (!firings?.length) return undefined;
      const { rows } = await client.query<{ alerts_fired: Record<string, number> | null }>({
        name: "sonde_fired_before",
        text: "SELECT alerts_fired FROM responses WHERE id = $1",
        values: [response.id],
      });
      return { response, receivedAt, firings, before: rows[0]?.alerts_fired ?? {} };
    },

    async record(client, { response, receivedAt, firings, before }) {
      const fired = { ...before };
      let added = false;
      for (const f of firings) {
        const known = Object.hasOwn(fired, f.alertId) ? fired[f.alertId] : undefined;
        if (known !== undefined) {
          // A revision that completes the response brings a first attempt still waiting for it forward.
          await client.query({
            name: "sonde_bring_forward",
            text: "UPDATE alert_deliveries SET due_at = $1 WHERE id = $2 AND status = 'pending' AND attempts = 0 AND due_at > $1",
            values: [f.dueAt, known],
          });
          continue;
        }
        const { rows } = await client.query<{ id: number }>({
          name: "sonde_fire",
          text: `INSERT INTO alert_deliveries (response_id, survey_id, alert_id, created_at, due_at)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          values: [response.id, response.surveyId, f.alertId, receivedAt, f.dueAt],
        });
        fired[f.alertId] = rows[0]!.id;
        added = true;
      }
      if (added) {
        await client.query({
          name: "sonde_mark_fired",
          text: "UPDATE responses SET alerts_fired = $1 WHERE id = $2",
          values: [JSON.stringify(fired), response.id],
        });
      }
    },

    async lease(now, until, limit) {
      const { rows } = await pool.query<DeliveryRow & { was: number }>({
        name: "sonde_lease",
        text: `WITH due AS (
                 SELECT id, due_at AS was FROM alert_deliveries WHERE status = 'pending' AND due_at <= $1
                 ORDER BY due_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
               UPDATE alert_deliveries a SET attempts = a.attempts + 1, last_attempt_at = $1, due_at = $2
               FROM due WHERE a.id = due.id RETURNING a.*, due.was`,
        values: [now, until, limit],
      });
      return rows.sort((a, b) => a.was - b.was || a.id - b.id).map(({ was: _, ...row }) => toDelivery(row));
    },

    async delivered(id, outcome) {
      await pool.query({
        name: "sonde_delivered",
        text: `UPDATE alert_deliveries SET status = 'delivered', last_status = $1, last_error = NULL, done_at = $2
               WHERE id = $3 AND status = 'pending'`,
        values: [outcome.status, outcome.at, id],
      });
    },

    async failed(id, outcome, retryAt) {
      await pool.query(
        named(
          `UPDATE alert_deliveries SET status = @status, due_at = coalesce(@retryAt::bigint, due_at),
             last_status = @httpStatus, last_error = @error, done_at = @doneAt
           WHERE id = @id AND status = 'pending'`,
          {
            id,
            status: retryAt === null ? "dead" : "pending",
            retryAt,
            httpStatus: outcome.status,
            error: outcome.error,
            doneAt: retryAt === null ? outcome.at : null,
          },
        ),
      );
    },

    async close(id, status, at, why) {
      await pool.query({
        name: "sonde_close_delivery",
        text: "UPDATE alert_deliveries SET status = $1, last_error = $2, done_at = $3 WHERE id = $4 AND status = 'pending'",
        values: [status, why, at, id],
      });
    },

    async list(query) {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit: query.limit };
      if (query.status !== undefined) {
        where.push("status = @status");
        params.status = query.status;
      }
      if (query.surveyId !== undefined) {
        where.push("survey_id = @surveyId");
        params.surveyId = query.surveyId;
      }
      if (query.responseId !== undefined) {
        where.push(
          "id IN (SELECT (jsonb_each_text(alerts_fired)).value::bigint FROM responses WHERE id = @responseId)",
        );
        params.responseId = query.responseId;
      }
      if (query.before !== undefined) {
        where.push("id < @before");
        params.before = query.before;
      }
      const sql = `SELECT * FROM alert_deliveries ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
        ORDER BY id DESC LIMIT @limit`;
      const { rows } = await pool.query<DeliveryRow>(named(sql, params));
      return rows.map(toDelivery);
    },

    async counts() {
      const out: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, dead: 0, cancelled: 0 };
      const { rows } = await pool.query<{ status: DeliveryStatus; n: number }>({
        name: "sonde_delivery_counts",
        text: "SELECT status, count(*) AS n FROM alert_deliveries GROUP BY status",
      });
      for (const { status, n } of rows) out[status] = n;
      return out;
    },
  };
}
