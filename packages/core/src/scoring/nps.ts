import {
  checkConfidence,
  checkCount,
  DEFAULT_CONFIDENCE,
  type Interval,
  SMALL_SAMPLE,
  zCritical,
} from "./intervals.js";

/** Promoter, passive and detractor counts of NPS answers. */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/** Shares of promoters, passives and detractors, each in [0, 1]. */
export interface NpsShares {
  promoters: number;
  passives: number;
  detractors: number;
}

/**
 * An NPS result: counts, n, and the score in [−100, 100] with its standard error and
 * adjusted-Wald interval, all in NPS points (score, shares, se and interval are null when n = 0).
 */
export interface NpsResult extends NpsCounts {
  n: number;
  score: number | null;
  shares: NpsShares | null;
  se: number | null;
  interval: Interval | null;
  confidence: number;
  small: boolean;
}

/** Options of every scoring function: the confidence level of intervals (default 0.95). */
export interface ScoringOptions {
  confidence?: number;
}

/** Throws unless `s` is an NPS answer: a whole number from 0 to 10. */
export function checkNpsScore(s: unknown, where = "NPS score"): asserts s is number {
  if (typeof s !== "number") throw new TypeError(`sonde: ${where} must be a number from 0 to 10 (got ${String(s)})`);
  if (!Number.isInteger(s) || s < 0 || s > 10)
    throw new RangeError(`sonde: ${where} must be a whole number from 0 to 10 (got ${s})`);
}

/** Counts 0–10 answers into promoters (9–10), passives (7–8) and detractors (0–6). */
export function countNps(scores: Iterable<number>): NpsCounts {
  const counts = { promoters: 0, passives: 0, detractors: 0 };
  let i = 0;
  for (const s of scores) {
    checkNpsScore(s, `NPS score [${i}]`);
    if (s >= 9) counts.promoters++;
    else if (s >= 7) counts.passives++;
    else counts.detractors++;
    i++;
  }
  return counts;
}

/** Throws unless the three counts are whole numbers ≥ 0. */
export function checkNpsCounts(counts: NpsCounts, what = "NPS counts"): void {
  checkCount(counts.promoters, `${what}.promoters`);
  checkCount(counts.passives, `${what}.passives`);
  checkCount(counts.detractors, `${what}.detractors`);
}

/** Per-respondent variance of the NPS on the ±1 scale: p + d − (p − d)², for shares p and d. */
export function npsVariance(p: number, d: number): number {
  // Clamp the rounding residue that can make an exact 0 come out as −1e-17.
  return Math.max(0, p + d - (p - d) ** 2);
}

/**
 * The Net Promoter Score: % promoters − % detractors, with SE = 100·√((p + d − (p − d)²)/n)
 * and a 95% (or `confidence`) adjusted-Wald interval (Rocks 2016: add 0.75 promoters and
 * 0.75 detractors and 3 to n), clamped to [−100, 100].
 */
export function npsFromCounts(counts: NpsCounts, options: ScoringOptions = {}): NpsResult {
  checkNpsCounts(counts);
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  checkConfidence(confidence);
  const { promoters, passives, detractors } = counts;
  const n = promoters + passives + detractors;
  const base = { promoters, passives, detractors, n, confidence, small: n < SMALL_SAMPLE };
  if (n === 0) return { ...base, score: null, shares: null, se: null, interval: null };
  const p = promoters / n;
  const d = detractors / n;
  const se = 100 * Math.sqrt(npsVariance(p, d) / n);
  const nAdj = n + 3;
  const pAdj = (promoters + 0.75) / nAdj;
  const dAdj = (detractors + 0.75) / nAdj;
  const half = zCritical(confidence) * Math.sqrt(npsVariance(pAdj, dAdj) / nAdj);
  return {
    ...base,
    score: (100 * (promoters - detractors)) / n,
    shares: { promoters: p, passives: passives / n, detractors: d },
    se,
    interval: {
      lower: Math.max(-100, 100 * (pAdj - dAdj - half)),
      upper: Math.min(100, 100 * (pAdj - dAdj + half)),
    },
  };
}
