import { checkDistribution } from "./csat.js";
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

/**
 * The CES scale Sonde asks on: "The company made it easy for me to handle my issue", 1 (strongly
 * disagree) to 7 (strongly agree) — higher is easier. The older 1–5 effort scale runs the other
 * way, which is why every CES tally carries its scale and other scales are refused.
 */
export const CES_SCALE = 7;

/** CES of a 7-point question: % agree (5–7) with an Agresti–Coull interval, and the mean with a t-interval. */
export interface CesResult {
  kind: "ces";
  scale: 7;
  n: number;
  /** `distribution[v − 1]` answers gave value v. */
  distribution: number[];
  agree: Proportion;
  mean: MeanEstimate;
  confidence: number;
  small: boolean;
}

/** Scores a CES distribution (`counts[v − 1]` answers of v, v = 1…7). */
export function cesFromCounts(counts: readonly number[], options: ScoringOptions = {}): CesResult {
  checkDistribution(counts, CES_SCALE, "CES counts");
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  checkConfidence(confidence);
  const summary = summarizeCounts(counts, (i) => i + 1);
  return {
    kind: "ces",
    scale: CES_SCALE,
    n: summary.n,
    distribution: [...counts],
    agree: proportion(counts[4]! + counts[5]! + counts[6]!, summary.n, confidence),
    mean: meanInterval(summary, confidence),
    confidence,
    small: summary.n < SMALL_SAMPLE,
  };
}
