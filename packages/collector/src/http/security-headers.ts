import type { MiddlewareHandler } from "hono";

/**
 * Headers for an API that only ever answers JSON or CSV: nothing it sends may run, be framed,
 * be sniffed into another type, or leak the URL (which may hold a key) as a referrer.
 */
export function securityHeaders(): MiddlewareHandler {
  // Set before the handler runs: every response the app makes starts from these headers, and
  // changing a response after it is made would copy it once per header.
  return async (c, next) => {
    c.header("x-content-type-options", "nosniff");
    c.header("x-frame-options", "DENY");
    c.header("referrer-policy", "no-referrer");
    c.header("content-security-policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    c.header("cross-origin-opener-policy", "same-origin");
    await next();
  };
}
