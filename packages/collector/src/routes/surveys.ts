import { createHash } from "node:crypto";
import type { Survey } from "@sonde/core";
import type { Hono } from "hono";
import { servedSurveys } from "../surveys.js";

/** Whether an `If-None-Match` header names this entity tag (or `*`). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === bare;
  });
}

/** A body and its entity tag. */
export function tagged(body: string): { body: string; etag: string } {
  return { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
}

/**
 * `GET /v1/surveys`: the active definitions (those `surveys` returns now), without their alerts
 * (webhook URLs are the collector's secrets), with an ETag so that unchanged lists cost a 304.
 * The body is built again only when `surveys` returns a new list: a launch, an edit or a pause
 * changes the ETag at once.
 */
export function surveysRoute(app: Hono, surveys: () => readonly Survey[]): void {
  let list: readonly Survey[] | undefined;
  let served = tagged("");
  const current = () => {
    const now = surveys();
    if (now !== list) {
      list = now;
      served = tagged(servedSurveys(now));
    }
    return served;
  };
  app.get("/v1/surveys", (c) => {
    const { body, etag } = current();
    // Pages ask on every load; a minute of caching spares the collector, and the ETag makes the
    // revalidation after it nearly free.
    const headers = { etag, "cache-control": "public, max-age=60" };
    if (matchesEtag(c.req.header("if-none-match"), etag)) return c.body(null, 304, headers);
    return c.body(body, 200, { ...headers, "content-type": "application/json; charset=UTF-8" });
  });
}
