import { normalCdf, studentTCdf, studentTQuantile } from "./distributions.js";
import {
  checkConfidence,
  checkCount,
  checkSummary,
  DEFAULT_CONFIDENCE,
  type Interval,
  type SampleSummary,
  SMALL_SAMPLE,
  summarizeCounts,
  zCritical,
} from "./intervals.js";
import { checkNpsCounts, type NpsCounts, npsVariance, type ScoringOptions } from "./nps.js";
import { checkTally, type Tally } from "./tally.js";

/**
 * A comparison of group a with group b: `difference` is a − b. `pValue` is two-sided; it, the
 * statistic and (for NPS and means) the interval are null when the standard error is 0 — both
 * groups without any spread, where the test is undefined. `small` flags n < 30 in either group.
 */
export interface Comparison {
  difference: number;
  se: number;
  interval: Interval | null;
  statistic: number | null;
  /** Degrees of freedom (Welch–Satterthwaite); only for means. */
  df?: number;
  pValue: number | null;
  confidence: number;
  small: boolean;
}

/** Successes out of n, one group of a proportion comparison. */
export interface ProportionSample {
  count: number;
  n: number;
}

const twoSided = (z: number) => 2 * normalCdf(-Math.abs(z));

function confidenceOf(options: ScoringOptions): number {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  checkConfidence(confidence);
  return confidence;
}

/**
 * Two NPS values: z-test on the signed difference a − b in NPS points, with per-group variance
 * p + d − (p − d)² (Rocks 2016), SE = 100·√(σa²/na + σb²/nb), and a Wald interval clamped to ±200.
 */
export function compareNps(a: NpsCounts, b: NpsCounts, options: ScoringOptions = {}): Comparison {
  checkNpsCounts(a, "first NPS counts");
  checkNpsCounts(b, "second NPS counts");
  const confidence = confidenceOf(options);
  const na = a.promoters + a.passives + a.detractors;
  const nb = b.promoters + b.passives + b.detractors;
  if (na === 0 || nb === 0)
    throw new RangeError(`sonde: compareNps needs answers in both groups (got n = ${na} and n = ${nb})`);
  const [pa, da, pb, db] = [a.promoters / na, a.detractors / na, b.promoters / nb, b.detractors / nb];
  const difference = 100 * (pa - da - (pb - db));
  const se = 100 * Math.sqrt(npsVariance(pa, da) / na + npsVariance(pb, db) / nb);
  const small = na < SMALL_SAMPLE || nb < SMALL_SAMPLE;
  if (se === 0) return { difference, se, interval: null, statistic: null, pValue: null, confidence, small };
  const half = zCritical(confidence) * se;
  const z = difference / se;
  return {
    difference,
    se,
    interval: { lower: Math.max(-200, difference - half), upper: Math.min(200, difference + half) },
    statistic: z,
    pValue: twoSided(z),
    confidence,
    small,
  };
}

function checkProportionSample(s: ProportionSample, what: string): void {
  checkCount(s.count, `${what}.count`);
  checkCount(s.n, `${what}.n`);
  if (s.count > s.n) throw new RangeError(`sonde: ${what}.count must not exceed n (got ${s.count} of ${s.n})`);
  if (s.n === 0) throw new RangeError(`sonde: ${what} needs at least one answer to compare (got n = 0)`);
}

/**
 * Two proportions: the classic pooled two-proportion z-test (equal to Pearson's χ² without
 * continuity correction) for the p-value, and the Agresti–Caffo (2000) interval for the
 * difference (add one success and one failure to each group). `se` is the unpooled Wald SE.
 */
export function compareProportions(a: ProportionSample, b: ProportionSample, options: ScoringOptions = {}): Comparison {
  checkProportionSample(a, "first proportion");
  checkProportionSample(b, "second proportion");
  const confidence = confidenceOf(options);
  const [pa, pb] = [a.count / a.n, b.count / b.n];
  const difference = pa - pb;
  const se = Math.sqrt((pa * (1 - pa)) / a.n + (pb * (1 - pb)) / b.n);
  const [ta, tb] = [(a.count + 1) / (a.n + 2), (b.count + 1) / (b.n + 2)];
  const half = zCritical(confidence) * Math.sqrt((ta * (1 - ta)) / (a.n + 2) + (tb * (1 - tb)) / (b.n + 2));
  const interval = { lower: Math.max(-1, ta - tb - half), upper: Math.min(1, ta - tb + half) };
  const pooled = (a.count + b.count) / (a.n + b.n);
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  const small = a.n < SMALL_SAMPLE || b.n < SMALL_SAMPLE;
  if (sePooled === 0) return { difference, se, interval, statistic: null, pValue: null, confidence, small };
  const z = difference / sePooled;
  return { difference, se, interval, statistic: z, pValue: twoSided(z), confidence, small };
}

/**
 * Two means by Welch's t-test (unequal variances): t = (ma − mb)/√(sa²/na + sb²/nb) with
 * Welch–Satterthwaite degrees of freedom, two-sided p-value and t-interval for the difference.
 */
export function compareMeans(a: SampleSummary, b: SampleSummary, options: ScoringOptions = {}): Comparison {
  checkSummary(a, "first sample");
  checkSummary(b, "second sample");
  const confidence = confidenceOf(options);
  if (a.n < 2 || b.n < 2)
    throw new RangeError(`sonde: Welch's test needs at least 2 answers in each group (got n = ${a.n} and n = ${b.n})`);
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const difference = a.mean - b.mean;
  const se = Math.sqrt(va + vb);
  const small = a.n < SMALL_SAMPLE || b.n < SMALL_SAMPLE;
  if (se === 0) return { difference, se, interval: null, statistic: null, pValue: null, confidence, small };
  const df = (va + vb) ** 2 / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const t = difference / se;
  const half = studentTQuantile(1 - (1 - confidence) / 2, df) * se;
  return {
    difference,
    se,
    interval: { lower: difference - half, upper: difference + half },
    statistic: t,
    df,
    pValue: 2 * studentTCdf(-Math.abs(t), df),
    confidence,
    small,
  };
}

/**
 * Comparisons of two tallies of the same kind and scale, metric by metric. A metric is null
 * when a group has too few answers for it (none for shares and NPS, fewer than 2 for means).
 */
export type TallyComparison =
  | { kind: "nps"; nps: Comparison | null }
  | { kind: "csat"; topBox: Comparison | null; top2Box: Comparison | null; mean: Comparison | null }
  | { kind: "ces"; agree: Comparison | null; mean: Comparison | null }
  | { kind: "gap"; difference: Comparison | null };

const sum = (counts: readonly number[], from: number, to: number) => {
  let s = 0;
  for (let i = from; i <= to; i++) s += counts[i]!;
  return s;
};

function gapDifferences(t: Tally & { kind: "gap" }): SampleSummary {
  const s = t.scale;
  const diffs = new Array<number>(2 * s - 1).fill(0);
  for (let i = 0; i < t.counts.length; i++) diffs[(i % s) - Math.floor(i / s) + s - 1]! += t.counts[i]!;
  return summarizeCounts(diffs, (i) => i - (s - 1));
}

/** Compares two tallies (a − b) with the test that fits each metric of their kind. */
export function compareTallies(a: Tally, b: Tally, options: ScoringOptions = {}): TallyComparison {
  checkTally(a, "first tally");
  checkTally(b, "second tally");
  confidenceOf(options);
  if (a.kind !== b.kind || (a.kind !== "nps" && a.scale !== (b as { scale: number }).scale))
    throw new TypeError(
      `sonde: cannot compare a ${a.kind} tally with a ${b.kind} tally of another scale — kinds and scales are never mixed`,
    );
  const nA = sum(a.counts, 0, a.counts.length - 1);
  const nB = sum(b.counts, 0, b.counts.length - 1);
  const shares = (ca: number, cb: number) =>
    nA && nB ? compareProportions({ count: ca, n: nA }, { count: cb, n: nB }, options) : null;
  const means = (sa: SampleSummary, sb: SampleSummary) => (nA > 1 && nB > 1 ? compareMeans(sa, sb, options) : null);
  const ratingSummary = (t: Tally) => summarizeCounts(t.counts, (i) => i + 1);
  switch (a.kind) {
    case "nps": {
      const counts = (t: Tally): NpsCounts => ({
        promoters: sum(t.counts, 9, 10),
        passives: sum(t.counts, 7, 8),
        detractors: sum(t.counts, 0, 6),
      });
      return { kind: "nps", nps: nA && nB ? compareNps(counts(a), counts(b), options) : null };
    }
    case "csat":
      return {
        kind: "csat",
        topBox: shares(a.counts[4]!, b.counts[4]!),
        top2Box: shares(sum(a.counts, 3, 4), sum(b.counts, 3, 4)),
        mean: means(ratingSummary(a), ratingSummary(b)),
      };
    case "ces":
      return {
        kind: "ces",
        agree: shares(sum(a.counts, 4, 6), sum(b.counts, 4, 6)),
        mean: means(ratingSummary(a), ratingSummary(b)),
      };
    case "gap":
      return { kind: "gap", difference: means(gapDifferences(a), gapDifferences(b as typeof a)) };
  }
}
