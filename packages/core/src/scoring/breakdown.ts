import { addInto, byKey, copy, mergeRows, type TallyRow } from "./aggregate.js";
import { compareTallies, type TallyComparison } from "./compare.js";
import type { ScoringOptions } from "./nps.js";
import { type ScoreResult, scoreTally } from "./tally.js";

/** One segment of a breakdown, compared with all other segments together. */
export interface SegmentScore {
  segment: string | null;
  score: ScoreResult;
  /** This segment − the rest; null when there is no rest. */
  versusRest: TallyComparison | null;
}

/** One question's scores per segment (largest first) and overall. */
export interface Breakdown {
  surveyId: string;
  stepId: string;
  overall: ScoreResult;
  segments: SegmentScore[];
}

/**
 * Breaks rows down by segment over all their periods: each segment's score with its small-sample
 * flag, and its comparison with the rest (p-values per metric). Small segments are flagged, not hidden.
 */
export function breakdown(rows: Iterable<TallyRow>, options: ScoringOptions = {}): Breakdown[] {
  const merged = mergeRows(rows, { period: false });
  const out: Breakdown[] = [];
  for (let j = 0; j < merged.length; ) {
    const first = merged[j]!;
    const group: TallyRow[] = [];
    while (j < merged.length && merged[j]!.surveyId === first.surveyId && merged[j]!.stepId === first.stepId)
      group.push(merged[j++]!);
    const total = copy(first.tally);
    for (const row of group.slice(1)) addInto(total, row.tally);
    const segments = group.map((row): SegmentScore => {
      const rest = { ...total, counts: total.counts.map((c, k) => c - row.tally.counts[k]!) };
      const hasRest = rest.counts.some((c) => c > 0);
      return {
        segment: row.segment,
        score: scoreTally(row.tally, options),
        versusRest: hasRest ? compareTallies(row.tally, rest, options) : null,
      };
    });
    segments.sort((a, b) => b.score.n - a.score.n || byKey(a.segment, b.segment));
    out.push({ surveyId: first.surveyId, stepId: first.stepId, overall: scoreTally(total, options), segments });
  }
  return out;
}
