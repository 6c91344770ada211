import { addInto, byKey, copy, mergeRows, type TallyRow } from "./aggregate.js";
import { type CompareOptions, type Comparison, compareTallies, type TallyComparison } from "./compare.js";
import { holmAdjust } from "./multiplicity.js";
import { type ScoreResult, scoreTally } from "./tally.js";

/** One segment of a breakdown, compared with all other segments together. */
export interface SegmentScore {
  segment: string | null;
  score: ScoreResult;
  /** This segment − the rest; null when there is no rest. P-values are Holm-adjusted across segments. */
  versusRest: TallyComparison | null;
}

/** One question's scores per segment (largest first) and overall. */
export interface Breakdown {
  surveyId: string;
  stepId: string;
  overall: ScoreResult;
  segments: SegmentScore[];
  /** How the segment-vs-rest p-values were corrected for being many tests: Holm, per metric. */
  adjustment: "holm";
}

/** The comparisons of a tally comparison, by metric name (`nps`, `topBox`, `mean`…). */
function metricsOf(c: TallyComparison): [string, Comparison | null][] {
  const out: [string, Comparison | null][] = [];
  for (const key of Object.keys(c))
    if (key !== "kind") out.push([key, (c as unknown as Record<string, Comparison | null>)[key]!]);
  return out;
}

/**
 * Corrects one question's segment-vs-rest tests for multiplicity, metric by metric (each
 * metric's tests across segments are one family). With exactly two segments each one's rest is
 * the other: both tests are the same hypothesis, a family of one, left as they are.
 */
function adjustFamily(segments: SegmentScore[]): void {
  if (segments.length === 2) return;
  const byMetric = new Map<string, Comparison[]>();
  for (const s of segments) {
    if (!s.versusRest) continue;
    for (const [metric, c] of metricsOf(s.versusRest)) {
      if (!c) continue;
      const family = byMetric.get(metric) ?? [];
      family.push(c);
      byMetric.set(metric, family);
    }
  }
  for (const family of byMetric.values()) {
    const adjusted = holmAdjust(family.map((c) => c.pValue));
    family.forEach((c, i) => {
      c.pAdjusted = adjusted[i]!;
      c.adjustment = "holm";
      c.significant = c.pAdjusted !== null && c.pAdjusted < 1 - c.confidence;
    });
  }
}

/**
 * Breaks rows down by segment over all their periods: each segment's score with its small-sample
 * flag, and its comparison with the rest. A test runs only for segments with at least `minN`
 * answers on both sides (default 30), and the tests of one question are corrected for their
 * number (Holm), so that ten segments do not flag one by chance. Small segments are flagged, not hidden.
 */
export function breakdown(rows: Iterable<TallyRow>, options: CompareOptions = {}): Breakdown[] {
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
    adjustFamily(segments);
    segments.sort((a, b) => b.score.n - a.score.n || byKey(a.segment, b.segment));
    out.push({
      surveyId: first.surveyId,
      stepId: first.stepId,
      overall: scoreTally(total, options),
      segments,
      adjustment: "holm",
    });
  }
  return out;
}
