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

/** Below this many answers in either group no test is run: the comparison is "too few answers to compare". */
export const MIN_COMPARE_N = 30;

/** Options of comparisons: the confidence level and the fewest answers per group a test needs. */
export interface CompareOptions extends ScoringOptions {
  /** Fewest answers each group needs before a difference can be called significant (default 30). */
  minN?: number;
}

/**
 * A comparison of group a with group b: `difference` is a − b, `interval` its interval. A test
 * runs only when both groups hold at least `minN` answers; otherwise `tooFew` is true and the
 * statistic and p-values are null ("too few answers to compare"). `pValue` is the two-sided
 * p of this one test; `pAdjusted` the p after correcting for the other tests of its family
 * (`adjustment`: "none" for a single test, "holm" among a breakdown's segment-vs-rest tests).
 * `significant` is the verdict: pAdjusted < 1 − confidence. Statistic and p are also null when
 * the standard error is 0 (no spread in either group), where the test is undefined.
 */
export interface Comparison {
  difference: number;
  se: number;
  interval: Interval | null;
  statistic: number | null;
  /** Degrees of freedom of the test's t reference (NPS: Welch–Satterthwaite; means: pooled). */
  df?: number;
  pValue: number | null;
  pAdjusted: number | null;
  adjustment: "none" | "holm";
  confidence: number;
  /** Fewer than 30 answers in either group: shown, but not to be over-read. */
  small: boolean;
  /** Fewer than `minN` answers in either group: no test, never significant. */
  tooFew: boolean;
  minN: number;
  significant: boolean;
}

/** The parts of a comparison each test computes; `verdict` adds the rest. */
type TestResult = Pick<Comparison, "difference" | "se" | "interval" | "statistic" | "pValue"> & { df?: number };

const twoSided = (z: number) => 2 * normalCdf(-Math.abs(z));

function confidenceOf(options: ScoringOptions): number {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  checkConfidence(confidence);
  return confidence;
}

function minNOf(options: CompareOptions): number {
  const minN = options.minN ?? MIN_COMPARE_N;
  if (!Number.isSafeInteger(minN) || minN < 1)
    throw new RangeError(`sonde: minN must be a whole number ≥ 1, e.g. 30 (got ${minN})`);
  return minN;
}

/** Completes a test's result: gates it on `minN` answers per group and says whether it is significant. */
function verdict(test: TestResult, na: number, nb: number, options: CompareOptions): Comparison {
  const confidence = confidenceOf(options);
  const minN = minNOf(options);
  const tooFew = na < minN || nb < minN;
  const pValue = tooFew ? null : test.pValue;
  return {
    ...test,
    statistic: tooFew ? null : test.statistic,
    pValue,
    pAdjusted: pValue,
    adjustment: "none",
    confidence,
    small: na < SMALL_SAMPLE || nb < SMALL_SAMPLE,
    tooFew,
    minN,
    significant: pValue !== null && pValue < 1 - confidence,
  };
}

/** An NPS share pair adjusted as Rocks (2016) does: ¾ promoter and ¾ detractor more, n + 3. */
function adjustedNps(c: NpsCounts, n: number): { score: number; variance: number } {
  const nAdj = n + 3;
  const p = (c.promoters + 0.75) / nAdj;
  const d = (c.detractors + 0.75) / nAdj;
  return { score: p - d, variance: npsVariance(p, d) / nAdj };
}

/**
 * Two NPS values: `difference` is the observed a − b in NPS points. The test and interval use
 * adjusted-Wald shares per group (Rocks 2016: add ¾ promoter and ¾ detractor, n + 3), so a group
 * whose answers all fall in one category never looks infinitely precise: with σ′² = p′ + d′ − (p′ − d′)²,
 * SE′ = 100·√(σ′a²/(na + 3) + σ′b²/(nb + 3)) and t = (NPS′a − NPS′b)/SE′. NPS is the mean of answers
 * coded +1/0/−1, so t is read against Student's t with Welch–Satterthwaite degrees of freedom, which
 * keeps small groups' far tails honest (a normal reference overstates them by ~40% at n = 30).
 * The interval, clamped to ±200, is the same t-interval around NPS′a − NPS′b.
 */
export function compareNps(a: NpsCounts, b: NpsCounts, options: CompareOptions = {}): Comparison {
  checkNpsCounts(a, "first NPS counts");
  checkNpsCounts(b, "second NPS counts");
  const confidence = confidenceOf(options);
  const na = a.promoters + a.passives + a.detractors;
  const nb = b.promoters + b.passives + b.detractors;
  if (na === 0 || nb === 0)
    throw new RangeError(`sonde: compareNps needs answers in both groups (got n = ${na} and n = ${nb})`);
  const difference = (100 * (a.promoters - a.detractors)) / na - (100 * (b.promoters - b.detractors)) / nb;
  const [adjA, adjB] = [adjustedNps(a, na), adjustedNps(b, nb)];
  const centre = 100 * (adjA.score - adjB.score);
  const [va, vb] = [adjA.variance, adjB.variance];
  const se = 100 * Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / ((va * va) / (na + 2) + (vb * vb) / (nb + 2));
  const half = studentTQuantile(1 - (1 - confidence) / 2, df) * se;
  const t = centre / se;
  return verdict(
    {
      difference,
      se,
      interval: { lower: Math.max(-200, centre - half), upper: Math.min(200, centre + half) },
      statistic: t,
      df,
      pValue: 2 * studentTCdf(-Math.abs(t), df),
    },
    na,
    nb,
    options,
  );
}

/** Successes out of n, one group of a proportion comparison. */
export interface ProportionSample {
  count: number;
  n: number;
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
export function compareProportions(a: ProportionSample, b: ProportionSample, options: CompareOptions = {}): Comparison {
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
  if (sePooled === 0) return verdict({ difference, se, interval, statistic: null, pValue: null }, a.n, b.n, options);
  const z = difference / sePooled;
  return verdict({ difference, se, interval, statistic: z, pValue: twoSided(z) }, a.n, b.n, options);
}

/**
 * Two means: the p-value from Student's t with the pooled variance (df = na + nb − 2), which is
 * what "both groups answer alike" implies and stays calibrated for skewed rating scales at small n,
 * where Welch's test flags too often; the interval for the difference is Welch's (unequal
 * variances, Welch–Satterthwaite df). `se` is the unpooled SE, `df` the test's.
 */
export function compareMeans(a: SampleSummary, b: SampleSummary, options: CompareOptions = {}): Comparison {
  checkSummary(a, "first sample");
  checkSummary(b, "second sample");
  const confidence = confidenceOf(options);
  if (a.n < 2 || b.n < 2)
    throw new RangeError(
      `sonde: comparing means needs at least 2 answers in each group (got n = ${a.n} and n = ${b.n})`,
    );
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const difference = a.mean - b.mean;
  const se = Math.sqrt(va + vb);
  if (se === 0) return verdict({ difference, se, interval: null, statistic: null, pValue: null }, a.n, b.n, options);
  const welchDf = (va + vb) ** 2 / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const half = studentTQuantile(1 - (1 - confidence) / 2, welchDf) * se;
  const df = a.n + b.n - 2;
  const pooled = ((a.n - 1) * a.sd * a.sd + (b.n - 1) * b.sd * b.sd) / df;
  const t = difference / Math.sqrt(pooled * (1 / a.n + 1 / b.n));
  return verdict(
    {
      difference,
      se,
      interval: { lower: difference - half, upper: difference + half },
      statistic: t,
      df,
      pValue: 2 * studentTCdf(-Math.abs(t), df),
    },
    a.n,
    b.n,
    options,
  );
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
export function compareTallies(a: Tally, b: Tally, options: CompareOptions = {}): TallyComparison {
  checkTally(a, "first tally");
  checkTally(b, "second tally");
  confidenceOf(options);
  minNOf(options);
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
