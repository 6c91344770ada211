import { parseBatch } from "@sonde/core";
import type { Hono } from "hono";
import { requireKey } from "../http/access-key.js";
import { sizeLimit } from "../http/body-limit.js";
import { groupWriter } from "../store/group-commit.js";
import type { ResponseStore } from "../store/store.js";

/** How `POST /v1/responses` behaves. */
export interface IngestOptions {
  store: ResponseStore;
  maxBodyBytes: number;
  writeKey: string | undefined;
  now: () => number;
}

// text/plain lets a page send answers without a CORS preflight (sendBeacon, unload).
const JSON_TYPES = /^(application\/json|text\/plain)\s*(;|$)/i;
// A batch with every field wrong would otherwise answer with thousands of lines.
const MAX_ISSUES = 50;

/** `POST /v1/responses`: validates a batch with the core schema and stores it in one transaction. */
export function ingestRoute(app: Hono, options: IngestOptions): void {
  const { store, maxBodyBytes, now } = options;
  const writer = groupWriter(store, now);
  const limit = sizeLimit(maxBodyBytes);
  app.post("/v1/responses", requireKey(options.writeKey, "write"), limit, async (c) => {
    const type = c.req.header("content-type") ?? "";
    if (!JSON_TYPES.test(type)) {
      return c.json({ error: `content-type must be application/json or text/plain (got "${type}")` }, 415);
    }
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch (error) {
      return c.json({ error: `body is not valid JSON (${(error as Error).message})` }, 400);
    }
    const batch = parseBatch(body);
    if (!batch.ok) {
      const more = batch.errors.length - MAX_ISSUES;
      const issues = more > 0 ? [...batch.errors.slice(0, MAX_ISSUES), `… and ${more} more`] : batch.errors;
      return c.json({ error: "invalid batch", issues }, 400);
    }
    // Answered only once the transaction holding the batch has committed: a 200 means it is stored.
    return c.json(await writer.write(batch.value.responses), 200);
  });
}
