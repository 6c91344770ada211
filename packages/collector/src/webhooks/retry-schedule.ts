/** How failed webhooks are retried: exponential backoff with jitter, for a window, then given up. */
export interface RetrySchedule {
  /** The wait before the first retry (default 5 s); it doubles with each failure. */
  baseMs: number;
  /** The longest wait between two attempts (default 1 h). */
  capMs: number;
  /** How long after the alert fired retries go on (default 24 h); then the delivery is dead. */
  windowMs: number;
}

export const DEFAULT_RETRY: RetrySchedule = { baseMs: 5_000, capMs: 3_600_000, windowMs: 24 * 3_600_000 };

/**
 * When to try again after failed attempt number `attempts` (1 for the first) made at `now`, for
 * a delivery fired at `firedAt`: the last retry comes at the end of the window, and after it
 * null (give up). The wait is
 * base·2^(attempts−1), capped, and drawn between half and all of it ("equal jitter"), so that
 * the deliveries that failed together, when a receiver went down, do not all come back together.
 */
export function nextAttempt(
  schedule: RetrySchedule,
  attempts: number,
  firedAt: number,
  now: number,
  random: () => number,
): number | null {
  const full = Math.min(schedule.capMs, schedule.baseMs * 2 ** Math.min(attempts - 1, 40));
  const end = firedAt + schedule.windowMs;
  if (now >= end) return null;
  return Math.min(end, now + Math.round(full / 2 + random() * (full / 2)));
}
