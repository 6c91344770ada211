/** The outbox's timings and limits. Defaults suit production; tests and benchmarks shorten them. */
export interface OutboxTuning {
  /** First retry waits up to this long (full jitter), doubling per failure… */
  baseMs: number;
  /** …up to this cap. */
  capMs: number;
  /** A request with no answer after this long is abandoned and retried. */
  timeoutMs: number;
  /** Records not delivered within this time are dropped (with an `onDropped` report). */
  ttlMs: number;
  /** At most this many records wait; beyond it the oldest are dropped (with a report). */
  maxRecords: number;
}

const DAY = 86_400_000;

/** The production defaults: 1 s base, 5 min cap, 10 s timeout, 30 days, 1,000 records. */
export const DEFAULT_TUNING: Readonly<OutboxTuning> = {
  baseMs: 1000,
  capMs: 300_000,
  timeoutMs: 10_000,
  ttlMs: 30 * DAY,
  maxRecords: 1000,
};

/**
 * Reads tuning given as an object or as JSON text (the script tag's `data-outbox-tuning`).
 * Unknown or bad fields are reported through `warn` and fall back to the default.
 */
export function resolveTuning(
  input: Partial<OutboxTuning> | string | undefined,
  warn: (message: string) => void,
): OutboxTuning {
  const tuning = { ...DEFAULT_TUNING };
  let given: unknown = input;
  if (typeof input === "string") {
    try {
      given = JSON.parse(input);
    } catch {
      warn(`outbox tuning must be JSON such as {"baseMs":1000} (got ${JSON.stringify(input)}); using the defaults`);
      return tuning;
    }
  }
  if (!given || typeof given !== "object") return tuning;
  for (const [key, value] of Object.entries(given)) {
    if (!(key in DEFAULT_TUNING)) warn(`outbox tuning.${key} is not a setting (known: ${Object.keys(DEFAULT_TUNING)})`);
    else if (typeof value === "number" && Number.isFinite(value) && value >= 0)
      tuning[key as keyof OutboxTuning] = value;
    else
      warn(
        `outbox tuning.${key} must be a number ≥ 0 (got ${JSON.stringify(value)}); using ${tuning[key as keyof OutboxTuning]}`,
      );
  }
  return tuning;
}
