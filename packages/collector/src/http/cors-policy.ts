import type { MiddlewareHandler } from "hono";
import { type HostPolicy, isOwnOrigin } from "./host-policy.js";

/** Which web origins may call the collector from a browser. */
export interface CorsPolicy {
  /** Origins allowed to send answers and read survey definitions; `*` allows any (the default). */
  ingest: "*" | ReadonlySet<string>;
  /** Origins allowed to read results from another origin (never `*`; the dashboard's own origin needs none). */
  results: ReadonlySet<string>;
}

/**
 * Reads `--cors-origin` values (repeatable, or comma-separated) into a policy. Listing origins
 * restricts ingest to them and lets them read results; without any, ingest is open and results are
 * readable from the collector's own origin only. Throws naming a value that is not an origin.
 */
export function corsPolicy(values: readonly string[] = []): CorsPolicy {
  const origins = new Set<string>();
  for (const raw of values.flatMap((v) => v.split(","))) {
    const value = raw.trim();
    if (!value) continue;
    if (value === "*") continue;
    if (value === "null") {
      origins.add("null");
      continue;
    }
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      // reported below
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== "/" || url.search || url.hash || url.username) {
      throw new Error(
        `--cors-origin: "${value}" is not an origin; write scheme, host and port only, such as https://www.example.com`,
      );
    }
    origins.add(url.origin);
  }
  const any = values.some((v) => v.split(",").some((o) => o.trim() === "*"));
  return { ingest: any || origins.size === 0 ? "*" : origins, results: origins };
}

// What the read key guards: results, and the inbox of answers with their follow-ups.
const isResults = (path: string) =>
  path === "/v1/results" ||
  path.startsWith("/v1/results/") ||
  path.startsWith("/v1/results.") ||
  path === "/v1/inbox" ||
  path.startsWith("/v1/inbox/");

// The admin API edits what every page is shown: only pages of the collector's own origin may call it.
const isAdmin = (path: string) => path === "/v1/admin" || path.startsWith("/v1/admin/");

/**
 * Applies the policy to `/v1/*`: answers preflights, adds CORS headers, refuses disallowed origins
 * with 403. The collector's own origin (per `hosts`: scheme, host and port) may always call it.
 */
export function corsMiddleware(policy: CorsPolicy, hosts: HostPolicy = { hosts: "any" }): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header("origin");
    const preflight = c.req.method === "OPTIONS" && c.req.header("access-control-request-method") !== undefined;
    if (origin === undefined) {
      if (c.req.method === "OPTIONS") return c.body(null, 204, { allow: "GET, POST, OPTIONS" });
      return next();
    }
    const results = isResults(c.req.path);
    const sameOrigin = isOwnOrigin(c, hosts, origin);
    if (isAdmin(c.req.path.toLowerCase())) {
      if (!sameOrigin) {
        return c.json({ error: `origin ${origin} may not call the admin API; use the collector's own origin` }, 403, {
          vary: "Origin",
        });
      }
      if (preflight) {
        return c.body(null, 204, {
          "access-control-allow-origin": origin,
          "access-control-allow-methods": "GET, POST, PUT",
          "access-control-allow-headers": "content-type, authorization, if-match",
          "access-control-expose-headers": "etag, location",
          "access-control-max-age": "7200",
          vary: "Origin",
        });
      }
      c.header("access-control-allow-origin", origin);
      c.header("access-control-expose-headers", "etag, location");
      c.header("vary", "Origin");
      return next();
    }
    const allowed = results
      ? sameOrigin || policy.results.has(origin)
      : policy.ingest === "*" || sameOrigin || policy.ingest.has(origin);
    const allowOrigin = !results && policy.ingest === "*" ? "*" : origin;
    if (!allowed) {
      return c.json(
        {
          error: results
            ? `origin ${origin} may not read results; list it with --cors-origin (and give it the read key)`
            : `origin ${origin} may not send answers here; list it with --cors-origin`,
        },
        403,
        { vary: "Origin" },
      );
    }
    if (preflight) {
      return c.body(null, 204, {
        "access-control-allow-origin": allowOrigin,
        "access-control-allow-methods": results ? "GET, PUT" : "GET, POST",
        "access-control-allow-headers": "content-type, authorization",
        "access-control-max-age": "7200",
        vary: "Origin",
      });
    }
    c.header("access-control-allow-origin", allowOrigin);
    if (results) c.header("access-control-expose-headers", "content-disposition");
    c.header("vary", "Origin");
    await next();
  };
}
