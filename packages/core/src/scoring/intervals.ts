import { normalQuantile, studentTQuantile } from "./distributions.js";

/** A two-sided confidence interval. */
export interface Interval {
  lower: number;
  upper: number;
}

/** A share of respondents: count of n, the share in [0, 1] (null when n = 0) and its interval. */
export interface Proportion {
  count: number;
  n: number;
  share: number | null;
  interval: Interval | null;
}

/** A mean with its sample standard deviation, standard error and t-interval (nulls when undefined). */
export interface MeanEstimate {
  n: number;
  mean: number | null;
  sd: number | null;
  se: number | null;
  interval: Interval | null;
}

/** The confidence level used when none is given. */
export const DEFAULT_CONFIDENCE = 0.95;

/** Groups smaller than this are flagged `small`: shown, but not to be over-read. */
export const SMALL_SAMPLE = 30;

/** Throws unless `confidence` is a level strictly between 0 and 1 (e.g. 0.95, not 95). */
export function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`sonde: confidence must be between 0 and 1, e.g. 0.95 (got ${confidence})`);
}

/** The two-sided normal critical value for a confidence level (1.959964 for 0.95). */
export function zCritical(confidence: number = DEFAULT_CONFIDENCE): number {
  checkConfidence(confidence);
  return normalQuantile(1 - (1 - confidence) / 2);
}

/** Throws unless `value` is a whole number ≥ 0; `what` names it in the message. */
export function checkCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`sonde: ${what} must be a whole number ≥ 0 (got ${value})`);
}

/**
 * A proportion with its Agresti–Coull interval (Agresti & Coull 1998): add z²/2 successes and
 * z²/2 failures, then take the Wald interval of the adjusted share, clamped to [0, 1].
 */
export function proportion(count: number, n: number, confidence: number = DEFAULT_CONFIDENCE): Proportion {
  checkCount(count, "count");
  checkCount(n, "n");
  if (count > n) throw new RangeError(`sonde: count must not exceed n (got count ${count} of n ${n})`);
  const z = zCritical(confidence);
  if (n === 0) return { count, n, share: null, interval: null };
  const z2 = z * z;
  const nAdj = n + z2;
  const pAdj = (count + z2 / 2) / nAdj;
  const half = z * Math.sqrt((pAdj * (1 - pAdj)) / nAdj);
  return {
    count,
    n,
    share: count / n,
    interval: { lower: Math.max(0, pAdj - half), upper: Math.min(1, pAdj + half) },
  };
}

/** Summary of a sample: size, mean and sample standard deviation (n − 1 denominator). */
export interface SampleSummary {
  n: number;
  mean: number;
  sd: number;
}

/** Throws unless the summary describes a real sample (n whole ≥ 0, finite mean, sd ≥ 0). */
export function checkSummary(s: SampleSummary, what: string): void {
  checkCount(s.n, `${what}.n`);
  if (!Number.isFinite(s.mean)) throw new RangeError(`sonde: ${what}.mean must be a finite number (got ${s.mean})`);
  if (!(s.sd >= 0) || !Number.isFinite(s.sd))
    throw new RangeError(`sonde: ${what}.sd must be a finite number ≥ 0 (got ${s.sd})`);
}

/**
 * A mean with its t-interval, mean ± t(1 − α/2, n − 1) · sd/√n. With n = 1 the mean stands
 * alone (no spread to estimate); with n = 0 everything is null.
 */
export function meanInterval(summary: SampleSummary, confidence: number = DEFAULT_CONFIDENCE): MeanEstimate {
  checkSummary(summary, "summary");
  checkConfidence(confidence);
  const { n, mean, sd } = summary;
  if (n === 0) return { n, mean: null, sd: null, se: null, interval: null };
  if (n === 1) return { n, mean, sd: null, se: null, interval: null };
  const se = sd / Math.sqrt(n);
  const half = studentTQuantile(1 - (1 - confidence) / 2, n - 1) * se;
  return { n, mean, sd, se, interval: { lower: mean - half, upper: mean + half } };
}

/**
 * Summarizes a distribution of counts: `counts[i]` responses had value `valueAt(i)`. Two-pass,
 * so that sums of squares of large n do not cancel catastrophically.
 */
export function summarizeCounts(counts: readonly number[], valueAt: (i: number) => number): SampleSummary {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    n += counts[i]!;
    sum += counts[i]! * valueAt(i);
  }
  if (n === 0) return { n, mean: 0, sd: 0 };
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < counts.length; i++) {
    const d = valueAt(i) - mean;
    ss += counts[i]! * d * d;
  }
  return { n, mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 };
}
