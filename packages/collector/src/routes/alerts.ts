import type { Context, Hono } from "hono";
import type { AlertDeliveryItem, DeliveriesBody } from "../api.js";
import { requireKey } from "../http/access-key.js";
import type { AlertDelivery, DeliveryQuery, DeliveryStatus } from "../store/alert-outbox.js";
import type { ResponseStore } from "../store/store.js";
import { webhookId } from "../webhooks/signing.js";

/** What the alerts' read route needs. */
export interface AlertRoutesOptions {
  store: ResponseStore;
  readKey: string | undefined;
}

const STATUSES: readonly DeliveryStatus[] = ["pending", "delivered", "dead", "cancelled"];
const ID = /^[A-Za-z0-9_.-]{1,64}$/;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A delivery as the API shows it: times as ISO date-times, with its `webhook-id`. */
const shown = (d: AlertDelivery): AlertDeliveryItem => ({
  id: d.id,
  webhookId: webhookId(d.responseId, d.alertId),
  responseId: d.responseId,
  surveyId: d.surveyId,
  alertId: d.alertId,
  status: d.status,
  firedAt: new Date(d.createdAt).toISOString(),
  nextAttemptAt: d.status === "pending" ? iso(d.dueAt) : null,
  attempts: d.attempts,
  lastAttemptAt: iso(d.lastAttemptAt),
  lastStatus: d.lastStatus,
  lastError: d.lastError,
  doneAt: iso(d.doneAt),
});

/** Reads `status`, `survey`, `response`, `limit` and `before`; lines naming each bad parameter. */
export function parseDeliveryQuery(q: Record<string, string | undefined>): DeliveryQuery | string[] {
  const errors: string[] = [];
  const query: DeliveryQuery = { limit: 50 };
  if (q.status !== undefined) {
    if (STATUSES.includes(q.status as DeliveryStatus)) query.status = q.status as DeliveryStatus;
    else errors.push(`status: must be one of ${STATUSES.join(", ")} (got ${JSON.stringify(q.status.slice(0, 40))})`);
  }
  for (const [param, key] of [
    ["survey", "surveyId"],
    ["response", "responseId"],
  ] as const) {
    const v = q[param];
    if (v === undefined) continue;
    if (ID.test(v)) query[key] = v;
    else errors.push(`${param}: must be an id of 1–64 letters, digits, '_', '.' or '-'`);
  }
  for (const [param, min, max] of [
    ["limit", 1, 500],
    ["before", 1, Number.MAX_SAFE_INTEGER],
  ] as const) {
    const v = q[param];
    if (v === undefined) continue;
    const n = Number(v);
    if (/^\d+$/.test(v) && n >= min && n <= max) query[param] = n;
    else errors.push(`${param}: must be a whole number from ${min} to ${max} (got ${JSON.stringify(v.slice(0, 40))})`);
  }
  return errors.length ? errors : query;
}

/**
 * `GET /v1/alerts/deliveries`, behind the read key: the alerts responses fired and where their
 * webhooks stand, newest first, a page at a time (`next` is the `before` of the next page), with
 * counts by status. `?status=dead` lists what was given up, each with its last error.
 */
export function alertRoutes(app: Hono, options: AlertRoutesOptions): void {
  app.use("/v1/alerts/*", requireKey(options.readKey, "read"));
  app.get("/v1/alerts/deliveries", async (c: Context) => {
    const query = parseDeliveryQuery(c.req.query());
    if (Array.isArray(query)) return c.json({ error: "invalid query", issues: query }, 400);
    const page = await options.store.outbox.list(query);
    const next = page.length === query.limit ? page.at(-1)!.id : null;
    c.header("cache-control", "no-store");
    const body: DeliveriesBody = { deliveries: page.map(shown), next, counts: await options.store.outbox.counts() };
    return c.json(body);
  });
}
