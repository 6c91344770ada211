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

/**
 * Requires `key` (when one is set) on the routes it guards: 401 naming what to send when the key
 * is missing or wrong. `what` names the key in messages: "read" or "write".
 */
export function requireKey(key: string | undefined, what: "read" | "write"): MiddlewareHandler {
  return async (c, next) => {
    if (key === undefined) return next();
    const given = keyOf(c);
    if (given === undefined || given === "") {
      return c.json(
        {
          error: `this collector needs a ${what} key: send "Authorization: Bearer <key>" or add ?key=<key> to the URL`,
        },
        401,
        { "www-authenticate": `Bearer realm="sonde-${what}"` },
      );
    }
    if (!sameKey(given, key)) {
      return c.json({ error: `the ${what} key is wrong` }, 401, {
        "www-authenticate": `Bearer realm="sonde-${what}", error="invalid_token"`,
      });
    }
    return next();
  };
}
