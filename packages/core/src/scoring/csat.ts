import {
  checkConfidence,
  checkCount,
  DEFAULT_CONFIDENCE,
  type MeanEstimate,
  meanInterval,
  type Proportion,
  proportion,
  SMALL_SAMPLE,
  summarizeCounts,
} from "./intervals.js";
import type { ScoringOptions } from "./nps.js";

/** The CSAT scale Sonde asks on: 1 (very dissatisfied) to 5 (very satisfied). */
export const CSAT_SCALE = 5;

/**
 * CSAT of a 5-point question. Top-box (5) and top-2-box (4–5) shares sit side by side: a
 * "very satisfied" customer is worth far more than a "satisfied" one, and top-2-box alone hides
 * that. Shares are in [0, 1] with Agresti–Coull intervals; the mean has a t-interval.
 */
export interface CsatResult {
  kind: "csat";
  scale: 5;
  n: number;
  /** `distribution[v − 1]` answers gave value v. */
  distribution: number[];
  topBox: Proportion;
  top2Box: Proportion;
  mean: MeanEstimate;
  confidence: number;
  small: boolean;
}

/** How a counts array is laid out, for error messages. */
export interface CountsLayout {
  /** What one entry stands for, e.g. "one per point of the 5-point scale". */
  entries: string;
  /** Names entry i, e.g. "answers of 3". */
  entry: (i: number) => string;
}

/** The layout of a rating distribution: entry i counts answers of i + 1. */
export const ratingLayout = (scale: number): CountsLayout => ({
  entries: `one per point of the ${scale}-point scale`,
  entry: (i) => `answers of ${i + 1}`,
});

/** Throws unless `counts` is an array of `length` whole counts ≥ 0; `what` names it. */
export function checkDistribution(
  counts: readonly number[],
  length: number,
  what: string,
  layout: CountsLayout = ratingLayout(length),
): void {
  if (!Array.isArray(counts) || counts.length !== length)
    throw new RangeError(
      `sonde: ${what} must hold ${length} counts, ${layout.entries} (got ${
        Array.isArray(counts) ? `${counts.length} counts` : String(counts)
      })`,
    );
  for (let i = 0; i < length; i++) checkCount(counts[i]!, `${what}[${i}] (${layout.entry(i)})`);
}

/** Scores a CSAT distribution (`counts[v − 1]` answers of v, v = 1…5). */
export function csatFromCounts(counts: readonly number[], options: ScoringOptions = {}): CsatResult {
  checkDistribution(counts, CSAT_SCALE, "CSAT counts");
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  checkConfidence(confidence);
  const [, , , four, five] = counts as [number, number, number, number, number];
  const summary = summarizeCounts(counts, (i) => i + 1);
  return {
    kind: "csat",
    scale: CSAT_SCALE,
    n: summary.n,
    distribution: [...counts],
    topBox: proportion(five, summary.n, confidence),
    top2Box: proportion(four + five, summary.n, confidence),
    mean: meanInterval(summary, confidence),
    confidence,
    small: summary.n < SMALL_SAMPLE,
  };
}
