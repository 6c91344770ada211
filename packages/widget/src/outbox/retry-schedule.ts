// When to try again after a failed delivery. Pure: the clock and the dice are parameters.

/** What an attempt's HTTP status means for the records it carried (0 = network error or timeout). */
export type Verdict = "delivered" | "retry" | "reject";

/** The longest wait a `Retry-After` header may impose: a day. */
export const MAX_RETRY_AFTER_MS = 86_400_000;

/**
 * 2xx delivered; 400/413/422 rejected for good (retrying cannot help); everything else — network
 * errors, timeouts, 408, 429, 5xx, and other 4xx such as a misconfigured 404 — retried.
 */
export function verdictFor(status: number): Verdict {
  if (status >= 200 && status < 300) return "delivered";
  if (status === 400 || status === 413 || status === 422) return "reject";
  return "retry";
}

/** Exponential backoff with full jitter: a random wait from 0 to min(cap, base·2^attempt). */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** Math.min(attempt, 40)));
}

/** The wait a `Retry-After` value asks for (seconds, or an HTTP date); undefined when absent or unreadable. */
export function retryAfterDelay(header: string | null | undefined, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
  // An HTTP date names its day and month; anything else (such as "-5") is unreadable.
  const at = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}

/** The wait before attempt number `attempt + 1`: what a 429/503 `Retry-After` asks for, else backoff. */
export function nextDelay(
  failure: { status: number; retryAfter?: string | null },
  attempt: number,
  timing: { baseMs: number; capMs: number },
  random: () => number,
  now: number,
): number {
  const asked = failure.status === 429 || failure.status === 503 ? retryAfterDelay(failure.retryAfter, now) : undefined;
  return asked ?? backoffDelay(attempt, timing.baseMs, timing.capMs, random);
}
