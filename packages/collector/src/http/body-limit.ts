import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

/**
 * Refuses bodies over `maxBytes` with 413. With a Content-Length the size is known up front, and
 * the body can then be read straight from the socket (the server's fast path); only a chunked body
 * is counted as it streams in.
 */
export function sizeLimit(maxBytes: number): MiddlewareHandler {
  // The unread rest of the body would poison a kept-alive connection: close it.
  const tooLarge = (c: Context) =>
    c.json({ error: `body is larger than the ${maxBytes}-byte limit` }, 413, { connection: "close" });
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const length = c.req.header("content-length");
    if (length === undefined || c.req.header("transfer-encoding") !== undefined) return streamed(c, next);
    return Number(length) > maxBytes ? tooLarge(c) : next();
  };
}
