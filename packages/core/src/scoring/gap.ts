import { type CountsLayout, checkDistribution } from "./csat.js";
import {
  checkConfidence,
  DEFAULT_CONFIDENCE,
  type MeanEstimate,
  meanInterval,
  type Proportion,
  proportion,
  SMALL_SAMPLE,
  summarizeCounts,
} from "./intervals.js";
import type { ScoringOptions } from "./nps.js";

/** The scales a gap question may use. */
export const GAP_SCALES = [5, 7] as const;

/** Where one answer's experience / expectation ratio falls (a rule of thumb, see `gapBand`). */
export type GapBand = "delighted" | "met" | "tolerated" | "dissatisfied";

/**
 * Expectation vs experience. `difference` (experienced − expected, its mean and t-interval) is
 * the standard, SERVQUAL-style measure; `ratio` and `bands` are a rule of thumb for dashboards.
 * Band shares are in [0, 1] with Agresti–Coull intervals.
 */
export interface GapResult {
  kind: "gap";
  scale: 5 | 7;
  n: number;
  /** `distribution[(expected − 1)·scale + (experienced − 1)]` answers gave that pair. */
  distribution: number[];
  difference: MeanEstimate;
  expected: MeanEstimate;
  experienced: MeanEstimate;
  /** Mean of experienced / expected over answers (null when n = 0). */
  ratio: number | null;
  bands: Record<GapBand, Proportion>;
  confidence: number;
  small: boolean;
}

/** Throws unless `scale` is one a gap question may use (5 or 7). */
export function checkGapScale(scale: unknown, where = "gap scale"): asserts scale is 5 | 7 {
  if (scale !== 5 && scale !== 7)
    throw new RangeError(`sonde: ${where} must be 5 or 7 — an unknown scale cannot be scored (got ${String(scale)})`);
}

/**
 * The band of one answer by its ratio experienced / expected: > 1 delighted, = 1 met,
 * 0.8 ≤ ratio < 1 tolerated, < 0.8 dissatisfied. Compared in integers, so 4/5 is exactly 0.8.
 */
export function gapBand(expected: number, experienced: number): GapBand {
  if (experienced > expected) return "delighted";
  if (experienced === expected) return "met";
  return 5 * experienced >= 4 * expected ? "tolerated" : "dissatisfied";
}

/** The layout of a gap matrix, for error messages. */
export const gapLayout = (scale: number): CountsLayout => ({
  entries: "one per (expected, experienced) pair",
  entry: (i) => `expected ${Math.floor(i / scale) + 1}, experienced ${(i % scale) + 1}`,
});

/** Scores a gap matrix of a `scale`-point question (see `GapResult.distribution` for the layout). */
export function gapFromCounts(counts: readonly number[], scale: 5 | 7, options: ScoringOptions = {}): GapResult {
  checkGapScale(scale);
  checkDistribution(counts, scale * scale, `gap counts (${scale}×${scale} matrix)`, gapLayout(scale));
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  checkConfidence(confidence);
  const differences = new Array<number>(2 * scale - 1).fill(0);
  const expected = new Array<number>(scale).fill(0);
  const experienced = new Array<number>(scale).fill(0);
  const bandCounts: Record<GapBand, number> = { delighted: 0, met: 0, tolerated: 0, dissatisfied: 0 };
  let ratioSum = 0;
  for (let e = 1; e <= scale; e++) {
    for (let x = 1; x <= scale; x++) {
      const c = counts[(e - 1) * scale + (x - 1)]!;
      if (c === 0) continue;
      differences[x - e + scale - 1]! += c;
      expected[e - 1]! += c;
      experienced[x - 1]! += c;
      bandCounts[gapBand(e, x)] += c;
      ratioSum += (c * x) / e;
    }
  }
  const diff = summarizeCounts(differences, (i) => i - (scale - 1));
  const n = diff.n;
  const band = (b: GapBand) => proportion(bandCounts[b], n, confidence);
  return {
    kind: "gap",
    scale,
    n,
    distribution: [...counts],
    difference: meanInterval(diff, confidence),
    expected: meanInterval(
      summarizeCounts(expected, (i) => i + 1),
      confidence,
    ),
    experienced: meanInterval(
      summarizeCounts(experienced, (i) => i + 1),
      confidence,
    ),
    ratio: n === 0 ? null : ratioSum / n,
    bands: {
      delighted: band("delighted"),
      met: band("met"),
      tolerated: band("tolerated"),
      dissatisfied: band("dissatisfied"),
    },
    confidence,
    small: n < SMALL_SAMPLE,
  };
}
