import type { MiddlewareHandler } from "hono";

/** How fast one client may call: `rate` requests per second on average, bursts of up to `burst`. */
export interface RateLimit {
  rate: number;
  burst: number;
}

/** Token buckets per client: each holds up to `burst` tokens and refills at `rate` per second. */
export interface TokenBuckets {
  /** Takes one token for `client`; when none is left, says how many seconds until one is. */
  take(client: string, now: number): { ok: true } | { ok: false; retryAfter: number };
  /** How many clients are tracked (full buckets are forgotten). */
  size(): number;
}

/** Buckets for at most `maxClients` clients; when that many are tracked, the fullest are forgotten. */
export function tokenBuckets(limit: RateLimit, maxClients = 100_000): TokenBuckets {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (b: { tokens: number; at: number }, now: number) => {
    b.tokens = Math.min(limit.burst, b.tokens + (Math.max(0, now - b.at) / 1000) * limit.rate);
    b.at = Math.max(b.at, now);
  };
  const sweep = (now: number) => {
    for (const [client, b] of buckets) {
      refill(b, now);
      if (b.tokens >= limit.burst) buckets.delete(client);
    }
    // Still full: forget the clients with the most tokens left (the least limited), never the
    // ones being held back, down to 90% so that sweeps stay rare.
    if (buckets.size >= maxClients) {
      const byTokens = [...buckets].sort((a, b) => b[1].tokens - a[1].tokens);
      for (const [client] of byTokens.slice(0, buckets.size - Math.floor(maxClients * 0.9))) buckets.delete(client);
    }
  };
  return {
    take(client, now) {
      let b = buckets.get(client);
      if (!b) {
        if (buckets.size >= maxClients) sweep(now);
        b = { tokens: limit.burst, at: now };
        buckets.set(client, b);
      } else {
        refill(b, now);
      }
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - b.tokens) / limit.rate)) };
    },
    size: () => buckets.size,
  };
}

/**
 * Limits each client (by `clientOf`, normally its IP address) with token buckets: over the limit,
 * 429 with `Retry-After` in seconds.
 */
export function rateLimitMiddleware(
  limit: RateLimit,
  clientOf: (c: Parameters<MiddlewareHandler>[0]) => string,
  now: () => number,
): MiddlewareHandler {
  const buckets = tokenBuckets(limit);
  return async (c, next) => {
    const verdict = buckets.take(clientOf(c), now());
    if (!verdict.ok) {
      return c.json({ error: `too many requests from this client; retry in ${verdict.retryAfter} s` }, 429, {
        "retry-after": String(verdict.retryAfter),
      });
    }
    return next();
  };
}
