import type { Context, Hono } from "hono";
import type { FollowUpChange } from "../api.js";
import { requireKey } from "../http/access-key.js";
import type { ReadOutcome } from "../read-jobs.js";
import type { ReadRunner } from "../read-runner.js";
import { parseInboxQuery } from "../results-query.js";
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from "../store/follow-ups.js";
import type { ResponseStore } from "../store/store.js";
import { noStore } from "./results.js";

/** What the inbox routes need. */
export interface InboxOptions {
  store: ResponseStore;
  readKey: string | undefined;
  now: () => number;
  /** Where the inbox's reads are computed (the results' runner). */
  reads: ReadRunner;
}

/** A note is a sentence or a paragraph, not a document. */
export const MAX_NOTE = 2000;
const MAX_BODY = 8 * 1024;
// As free text is kept at ingest: control characters other than tab and line breaks, and unpaired
// surrogates, become U+FFFD, so a note is valid UTF-8 and cannot drive a terminal.
const UNCLEAN_TEXT = /(?![\t\n\r])[\p{Cc}\ud800-\udfff]/gu;

const reply = (c: Context, outcome: ReadOutcome) =>
  outcome.ok
    ? c.body(outcome.json, 200, { "content-type": "application/json" })
    : c.json({ error: outcome.status === 404 ? "not found" : "invalid query", issues: outcome.errors }, outcome.status);

/** `{ status, note? }`, or the lines naming what is wrong with it. */
export function parseFollowUp(
  body: unknown,
): { ok: true; status: FollowUpStatus; note: string | null } | { ok: false; errors: string[] } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, errors: ['body: must be an object like {"status": "contacted", "note": "…"}'] };
  }
  const errors: string[] = [];
  const record = body as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== "status" && key !== "note") errors.push(`${key}: unknown field; a follow-up has status and note`);
  }
  const status = record.status;
  if (!(FOLLOW_UP_STATUSES as readonly unknown[]).includes(status)) {
    errors.push(`status: must be one of ${FOLLOW_UP_STATUSES.join(", ")} (got ${JSON.stringify(status) ?? "nothing"})`);
  }
  const note = record.note ?? null;
  if (note !== null && typeof note !== "string") errors.push("note: must be text");
  else if (typeof note === "string" && note.length > MAX_NOTE)
    errors.push(`note: must be at most ${MAX_NOTE} characters (got ${note.length})`);
  if (errors.length) return { ok: false, errors };
  const trimmed = typeof note === "string" ? note.replace(UNCLEAN_TEXT, "\ufffd").trim() : "";
  return { ok: true, status: status as FollowUpStatus, note: trimmed === "" ? null : trimmed };
}

/**
 * The response inbox, behind the read key: `GET /v1/inbox` (a page of answers, filtered),
 * `GET /v1/inbox/:id` (one answer whole) and `PUT /v1/inbox/:id/follow-up` (record where a team
 * stands with it; every change is kept with its time).
 */
export function inboxRoutes(app: Hono, options: InboxOptions): void {
  const { store, reads, now } = options;
  app.use("/v1/inbox", requireKey(options.readKey, "read"));
  app.use("/v1/inbox/*", requireKey(options.readKey, "read"));
  app.use("/v1/inbox", noStore);
  app.use("/v1/inbox/*", noStore);

  app.get("/v1/inbox", async (c) => {
    const request = parseInboxQuery(c.req.query());
    if (!request.ok) return c.json({ error: "invalid query", issues: request.errors }, 400);
    return reply(c, await reads.run({ kind: "inbox", request: request.value }));
  });

  app.get("/v1/inbox/:id", async (c) => reply(c, await reads.run({ kind: "inbox-item", id: c.req.param("id") })));

  app.put("/v1/inbox/:id/follow-up", async (c) => {
    if (Number(c.req.header("content-length") ?? 0) > MAX_BODY) {
      return c.json({ error: `body is larger than the ${MAX_BODY}-byte limit` }, 413, { connection: "close" });
    }
    const type = c.req.header("content-type") ?? "";
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      return c.json({ error: `content-type must be application/json (got "${type}")` }, 415);
    }
    const text = await c.req.text();
    if (text.length > MAX_BODY) return c.json({ error: `body is larger than the ${MAX_BODY}-byte limit` }, 413);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return c.json({ error: `body is not valid JSON (${(error as Error).message})` }, 400);
    }
    const parsed = parseFollowUp(body);
    if (!parsed.ok) return c.json({ error: "invalid follow-up", issues: parsed.errors }, 400);
    const id = c.req.param("id");
    if (!(await store.followUps.record(id, { status: parsed.status, note: parsed.note, at: now() }))) {
      return c.json({ error: "not found", issues: [`id: no response "${id}"`] }, 404);
    }
    const history: FollowUpChange[] = (await store.followUps.history(id)).map((h) => ({
      status: h.status,
      note: h.note,
      at: new Date(h.at).toISOString(),
    }));
    return c.json({ status: parsed.status, history }, 200);
  });
}
