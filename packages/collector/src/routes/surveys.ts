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

/**
 * `GET /v1/surveys`: the definitions validated at start, without their alerts (webhook URLs are the
 * collector's secrets), with an ETag so that unchanged lists cost a 304.
 */
export function surveysRoute(app: Hono, surveys: readonly Survey[]): void {
  const body = servedSurveys(surveys);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  // Pages ask on every load; a minute of caching spares the collector, and the ETag makes the
  // revalidation after it nearly free.
  const headers = { etag, "cache-control": "public, max-age=60" };
  app.get("/v1/surveys", (c) => {
    if (matchesEtag(c.req.header("if-none-match"), etag)) return c.body(null, 304, headers);
    return c.body(body, 200, { ...headers, "content-type": "application/json; charset=UTF-8" });
  });
}
