import { mergeRows, type TallyRow } from "./aggregate.js";
import type { ScoringOptions } from "./nps.js";
import { nextPeriod, type PeriodUnit, parsePeriod } from "./periods.js";
import { type ScoreResult, scoreTally, type Tally } from "./tally.js";

/** A trend: one question's scores period by period, gaps filled with empty (n = 0) periods. */
export interface TrendSeries {
  surveyId: string;
  stepId: string;
  segment: string | null;
  points: { period: string; score: ScoreResult }[];
}

/** Options of `trend`: the range to show (period keys, inclusive), beyond the data if wished. */
export interface TrendOptions extends ScoringOptions {
  from?: string;
  to?: string;
}

/**
 * Turns period rows into trend series, one per survey × question × segment, every period from
 * `from` (or the first with data) to `to` (or the last) present — a week without answers shows
 * as n = 0 with null scores rather than vanishing from the chart.
 */
export function trend(rows: Iterable<TallyRow>, options: TrendOptions = {}): TrendSeries[] {
  const merged = mergeRows(rows, { from: options.from, to: options.to });
  const series = new Map<string, { head: TallyRow; byPeriod: Map<string, Tally> }>();
  let unit: PeriodUnit | undefined;
  for (const row of merged) {
    if (row.period === null)
      throw new RangeError(`sonde: trend needs rows grouped by period (survey ${row.surveyId} has a row without one)`);
    const u = parsePeriod(row.period).unit;
    if (unit && u !== unit) throw new RangeError(`sonde: trend rows mix ${unit} and ${u} periods (${row.period})`);
    unit = u;
    const key = JSON.stringify([row.surveyId, row.stepId, row.segment]);
    let s = series.get(key);
    if (!s) {
      s = { head: row, byPeriod: new Map() };
      series.set(key, s);
    }
    s.byPeriod.set(row.period, row.tally);
  }
  for (const bound of [options.from, options.to])
    if (bound !== undefined && unit && parsePeriod(bound).unit !== unit)
      throw new RangeError(`sonde: trend range ${JSON.stringify(bound)} is not a ${unit} key`);
  const out: TrendSeries[] = [];
  for (const { head, byPeriod } of series.values()) {
    const keys = [...byPeriod.keys()];
    let period = options.from ?? keys[0]!;
    const last = options.to ?? keys[keys.length - 1]!;
    const empty = { ...head.tally, counts: head.tally.counts.map(() => 0) };
    const points: TrendSeries["points"] = [];
    for (; period <= last; period = nextPeriod(period))
      points.push({ period, score: scoreTally(byPeriod.get(period) ?? empty, options) });
    out.push({ surveyId: head.surveyId, stepId: head.stepId, segment: head.segment, points });
  }
  return out;
}
