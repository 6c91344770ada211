import type { SurveyResponse } from "@sonde/core";
import type { Database } from "better-sqlite3";
import type { AlertDelivery, AlertOutbox, DeliveryStatus, Firing, FiringRule } from "./alert-outbox.js";
import { type DeliveryRow as Row, toDelivery } from "./delivery-row.js";

/** What a revision about to be stored fires, and what its response fired before (alert id → delivery id). */
export interface PendingFirings {
  response: SurveyResponse;
  receivedAt: number;
  firings: readonly Firing[];
  before: Record<string, number>;
}

/** The outbox on the store's own connection, and the two calls the ingest transaction makes. */
export interface SqliteOutbox extends AlertOutbox<"sync"> {
  /** What a revision fires (undefined: nothing); call before storing it. */
  firing(response: SurveyResponse, receivedAt: number): PendingFirings | undefined;
  /** Writes the deliveries of a revision just stored; must run inside the ingest transaction. */
  record(pending: PendingFirings): void;
}

/** The alerts' outbox in the `alert_deliveries` table; `rule` says what a stored revision fires. */
export function sqliteOutbox(db: Database, rule: FiringRule | undefined): SqliteOutbox {
  const firedBefore = db.prepare("SELECT alerts_fired FROM responses WHERE id = ?").pluck();
  const fire = db.prepare(
    "INSERT INTO alert_deliveries (response_id, survey_id, alert_id, created_at, due_at) VALUES (?, ?, ?, ?, ?)",
  );
  const markFired = db.prepare("UPDATE responses SET alerts_fired = ? WHERE id = ?");
  // A revision that completes the response brings a first attempt still waiting for it forward.
  const bringForward = db.prepare(
    "UPDATE alert_deliveries SET due_at = ? WHERE id = ? AND status = 'pending' AND attempts = 0 AND due_at > ?",
  );
  const due = db.prepare(
    `SELECT * FROM alert_deliveries WHERE status = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?`,
  );
  const take = db.prepare(
    `UPDATE alert_deliveries SET attempts = attempts + 1, last_attempt_at = @now, due_at = @until
     WHERE id = @id AND status = 'pending' AND due_at <= @now`,
  );
  const lease = db.transaction((now: number, until: number, limit: number) => {
    const rows = due.all(now, limit) as Row[];
    const leased: AlertDelivery[] = [];
    for (const row of rows) {
      if (take.run({ id: row.id, now, until }).changes === 0) continue;
      leased.push(toDelivery({ ...row, attempts: row.attempts + 1, last_attempt_at: now, due_at: until }));
    }
    return leased;
  });
  const delivered = db.prepare(
    `UPDATE alert_deliveries SET status = 'delivered', last_status = ?, last_error = NULL, done_at = ?
     WHERE id = ? AND status = 'pending'`,
  );
  const failed = db.prepare(
    `UPDATE alert_deliveries SET status = @status, due_at = coalesce(@retryAt, due_at), last_status = @httpStatus,
       last_error = @error, done_at = @doneAt
     WHERE id = @id AND status = 'pending'`,
  );
  const close = db.prepare(
    `UPDATE alert_deliveries SET status = ?, last_error = ?, done_at = ? WHERE id = ? AND status = 'pending'`,
  );
  const counts = db.prepare("SELECT status, count(*) AS n FROM alert_deliveries GROUP BY status");

  return {
    firing(response, receivedAt) {
      const firings = rule?.(response, receivedAt);
      if (!firings?.length) return undefined;
      const json = firedBefore.get(response.id) as string | null | undefined;
      return { response, receivedAt, firings, before: json ? (JSON.parse(json) as Record<string, number>) : {} };
    },
    record({ response, receivedAt, firings, before }) {
      const fired = { ...before };
      let added = false;
      for (const f of firings) {
        const known = Object.hasOwn(fired, f.alertId) ? fired[f.alertId] : undefined;
        if (known !== undefined) {
          bringForward.run(f.dueAt, known, f.dueAt);
          continue;
        }
        fired[f.alertId] = Number(
          fire.run(response.id, response.surveyId, f.alertId, receivedAt, f.dueAt).lastInsertRowid,
        );
        added = true;
      }
      if (added) markFired.run(JSON.stringify(fired), response.id);
    },
    lease: (now, until, limit) => lease(now, until, limit),
    delivered: (id, outcome) => void delivered.run(outcome.status, outcome.at, id),
    failed: (id, outcome, retryAt) =>
      void failed.run({
        id,
        status: retryAt === null ? "dead" : "pending",
        retryAt,
        httpStatus: outcome.status,
        error: outcome.error,
        doneAt: retryAt === null ? outcome.at : null,
      }),
    close: (id, status, at, why) => void close.run(status, why, at, id),
    list(query) {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit: query.limit };
      for (const [column, key] of [
        ["status", "status"],
        ["survey_id", "surveyId"],
      ] as const) {
        if (query[key] === undefined) continue;
        where.push(`${column} = @${key}`);
        params[key] = query[key];
      }
      if (query.responseId !== undefined) {
        // Through the response's own row: the outbox has no index on response ids.
        where.push("id IN (SELECT value FROM json_each((SELECT alerts_fired FROM responses WHERE id = @responseId)))");
        params.responseId = query.responseId;
      }
      if (query.before !== undefined) {
        where.push("id < @before");
        params.before = query.before;
      }
      const sql = `SELECT * FROM alert_deliveries ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
        ORDER BY id DESC LIMIT @limit`;
      return (db.prepare(sql).all(params) as Row[]).map(toDelivery);
    },
    counts() {
      const out: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, dead: 0, cancelled: 0 };
      for (const { status, n } of counts.all() as { status: DeliveryStatus; n: number }[]) out[status] = n;
      return out;
    },
  };
}
