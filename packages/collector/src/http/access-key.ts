import { createHash, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Compares two secrets in constant time (hashing first, so their lengths leak nothing either). */
export function sameKey(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The query parameters that carry a key (lowercase); logs redact them whatever their case or encoding. */
export const KEY_PARAMS: readonly string[] = ["key"];

/** The key a request carries: `Authorization: Bearer <key>`, else `?key=<key>` (for links and beacons). */
export function keyOf(c: Context): string | undefined {
  const auth = c.req.header("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return m ? m[1] : "";
  }
  return c.req.query("key");
}

/** `text` with every occurrence of the given keys replaced by `[redacted]`: for error output. */
export function redactKeys(text: string, keys: readonly (string | undefined)[]): string {
  let out = text;
  for (const key of keys) if (key) out = out.split(key).join("[redacted]");
  return out;
}

/** The 401 of a request without the key, or with a wrong one. */
function refuse(c: Context, what: string, given: string | undefined, how: string) {
  if (given === undefined || given === "") {
    return c.json({ error: `this collector needs a ${what} key: send ${how}` }, 401, {
      "www-authenticate": `Bearer realm="sonde-${what}"`,
    });
  }
  return c.json({ error: `the ${what} key is wrong` }, 401, {
    "www-authenticate": `Bearer realm="sonde-${what}", error="invalid_token"`,
  });
}

/**
 * Requires `key` (when one is set) on the routes it guards: 401 naming what to send when the key
 * is missing or wrong. `what` names the key in messages: "read" or "write".
 */
export function requireKey(key: string | undefined, what: "read" | "write"): MiddlewareHandler {
  return async (c, next) => {
    if (key === undefined) return next();
    const given = keyOf(c);
    if (given === undefined || given === "" || !sameKey(given, key)) {
      return refuse(c, what, given, `"Authorization: Bearer <key>" or add ?key=<key> to the URL`);
    }
    return next();
  };
}

/**
 * Guards the admin API: never open. Without an admin key configured every request gets 403 naming
 * the flag; otherwise the key must come as `Authorization: Bearer <key>` (never in the URL, where
 * it would reach histories and proxies' logs), 401 when it is missing or wrong.
 */
export function requireAdminKey(key: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (key === undefined) {
      return c.json(
        { error: "the admin API is off: start the collector with --admin-key <key> (or env SONDE_ADMIN_KEY)" },
        403,
      );
    }
    const auth = c.req.header("authorization");
    const given = auth === undefined ? undefined : (/^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1] ?? "");
    if (given === undefined || given === "" || !sameKey(given, key)) {
      return refuse(c, "admin", given, `"Authorization: Bearer <key>"`);
    }
    return next();
  };
}
