import type { SurveyResponse } from "../schema/wire.js";
import type { ScoringOptions } from "./nps.js";
import { coarsenPeriod, type PeriodUnit, parsePeriod, periodKeyer } from "./periods.js";
import { type Segment, segmentReader } from "./segments.js";
import { addAnswer, checkTally, isScoredKind, type ScoreResult, scoreTally, type Tally, tallyFor } from "./tally.js";

/**
 * The parts of a stored response that scoring reads; with `count`, it stands for that many
 * responses alike in all of these (a database's GROUP BY of them), counted at once.
 */
export type ScorableResponse = Pick<SurveyResponse, "surveyId" | "createdAt" | "context" | "answers"> & {
  id?: string;
  count?: number;
};

/** How to group responses beyond survey and question: by period (in a time zone) and by one segment. */
export interface Grouping {
  period?: PeriodUnit;
  /** IANA time zone that decides where days begin (default "UTC"). */
  timeZone?: string;
  segment?: Segment;
}

/**
 * Counts of one question of one survey in one period and segment. `period` and `segment` are
 * null when not grouped by them (and `segment` is null for responses that lack the field).
 */
export interface TallyRow {
  surveyId: string;
  stepId: string;
  period: string | null;
  segment: string | null;
  tally: Tally;
}

/** A row with its score. */
export interface ScoredRow {
  surveyId: string;
  stepId: string;
  period: string | null;
  segment: string | null;
  score: ScoreResult;
}

type Cells = Map<string | null, Map<string | null, Tally>>;

function locate(e: unknown, path: string): unknown {
  if (!(e instanceof Error) || !e.message.startsWith("sonde: answer")) return e;
  const Ctor = e instanceof TypeError ? TypeError : RangeError;
  return new Ctor(`sonde: ${path}${e.message.slice("sonde: answer".length)}`);
}

function cell(cells: Cells, period: string | null, segment: string | null, template: Tally): Tally {
  let bySegment = cells.get(period);
  if (!bySegment) {
    bySegment = new Map();
    cells.set(period, bySegment);
  }
  let tally = bySegment.get(segment);
  if (!tally) {
    tally = { ...template, counts: template.counts.map(() => 0) };
    bySegment.set(segment, tally);
  }
  return tally;
}

function responsePath(i: number, r: ScorableResponse): string {
  return typeof r?.id === "string" ? `responses[${i}] (id ${r.id})` : `responses[${i}]`;
}

/** Orders keys with null first, then by code unit. */
export const byKey = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;
const rowOrder = (a: Omit<TallyRow, "tally">, b: Omit<TallyRow, "tally">) =>
  byKey(a.surveyId, b.surveyId) ||
  byKey(a.stepId, b.stepId) ||
  byKey(a.period, b.period) ||
  byKey(a.segment, b.segment);

/**
 * Counts every scored answer (NPS, CSAT, CES, gap) of the responses into mergeable rows, one per
 * survey × question × period × segment, sorted. Throws, naming the response and question, on a
 * bad value or when one question holds different kinds or scales.
 */
export function tallyResponses(responses: Iterable<ScorableResponse>, grouping: Grouping = {}): TallyRow[] {
  const keyOf = grouping.period ? periodKeyer(grouping.period, grouping.timeZone) : null;
  if (!keyOf && grouping.timeZone !== undefined) periodKeyer("day", grouping.timeZone); // still validate it
  const segmentOf = grouping.segment === undefined ? null : segmentReader(grouping.segment);
  const surveys = new Map<string, Map<string, { template: Tally; cells: Cells }>>();
  let i = 0;
  for (const r of responses) {
    let stepId = "";
    try {
      if (typeof r.surveyId !== "string")
        throw new TypeError(`sonde: ${responsePath(i, r)}.surveyId must be a string (got ${String(r.surveyId)})`);
      if (typeof r.createdAt !== "number" || !Number.isFinite(r.createdAt))
        throw new RangeError(
          `sonde: ${responsePath(i, r)}.createdAt must be a time in ms since 1970 (got ${String(r.createdAt)})`,
        );
      const times = r.count ?? 1;
      if (!Number.isSafeInteger(times) || times < 1)
        throw new RangeError(`sonde: ${responsePath(i, r)}.count must be a whole number from 1 (got ${String(times)})`);
      const period = keyOf ? keyOf(r.createdAt) : null;
      const segment = segmentOf ? segmentOf(r.context) : null;
      let steps = surveys.get(r.surveyId);
      if (!steps) {
        steps = new Map();
        surveys.set(r.surveyId, steps);
      }
      const answers = r.answers;
      for (stepId in answers) {
        const answer = answers[stepId]!;
        if (!isScoredKind(answer?.kind, "answer.kind")) continue;
        let step = steps.get(stepId);
        if (!step) {
          step = { template: tallyFor(answer, "answer"), cells: new Map() };
          steps.set(stepId, step);
        }
        addAnswer(cell(step.cells, period, segment, step.template), answer, "answer", times);
      }
    } catch (e) {
      throw locate(e, `${responsePath(i, r)}${stepId ? `.answers.${stepId}` : ""}`);
    }
    i++;
  }
  const rows: TallyRow[] = [];
  for (const [surveyId, steps] of surveys)
    for (const [stepId, { cells }] of steps)
      for (const [period, bySegment] of cells)
        for (const [segment, tally] of bySegment) rows.push({ surveyId, stepId, period, segment, tally });
  return rows.sort(rowOrder);
}

/** How `mergeRows` rolls rows up. */
export interface RollUp {
  /** Re-bucket day rows into weeks or months, or `false` to sum all periods. Default: keep. */
  period?: PeriodUnit | false;
  /** `false` sums all segments. Default: keep. */
  segment?: boolean;
  /** Keep only rows whose period lies in [from, to] (keys of the rows' own unit, inclusive). */
  from?: string;
  to?: string;
}

/**
 * Merges rows — stored running totals, fresh tallies, or both — into one row per survey ×
 * question × period × segment, after optional rolling up. Throws when rows of one question
 * hold different kinds or scales.
 */
export function mergeRows(rows: Iterable<TallyRow>, rollUp: RollUp = {}): TallyRow[] {
  const from = rollUp.from === undefined ? null : parsePeriod(rollUp.from);
  const to = rollUp.to === undefined ? null : parsePeriod(rollUp.to);
  const merged = new Map<string, TallyRow>();
  let i = 0;
  for (const row of rows) {
    const where = `rows[${i++}]`;
    checkTally(row.tally, `${where}.tally`);
    if (from || to) {
      if (row.period === null)
        throw new RangeError(`sonde: ${where} has no period, so it cannot be filtered by from/to`);
      const unit = parsePeriod(row.period).unit;
      for (const [bound, key] of [
        [from, rollUp.from],
        [to, rollUp.to],
      ] as const)
        if (bound && bound.unit !== unit)
          throw new RangeError(`sonde: from/to ${JSON.stringify(key)} is not a ${unit} like ${where}'s period`);
      if ((rollUp.from && row.period < rollUp.from) || (rollUp.to && row.period > rollUp.to)) continue;
    }
    let period = row.period;
    if (rollUp.period === false) period = null;
    else if (rollUp.period && period !== null) period = coarsenPeriod(period, rollUp.period);
    const segment = rollUp.segment === false ? null : row.segment;
    const key = JSON.stringify([row.surveyId, row.stepId, period, segment]);
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, { surveyId: row.surveyId, stepId: row.stepId, period, segment, tally: copy(row.tally) });
      continue;
    }
    try {
      addInto(seen.tally, row.tally);
    } catch (e) {
      throw locate(e, `${where} (survey ${row.surveyId}, question ${row.stepId})`);
    }
  }
  const out = [...merged.values()].sort(rowOrder);
  checkOneScalePerQuestion(out);
  return out;
}

/** A tally with its own counts array. */
export const copy = (t: Tally): Tally => ({ ...t, counts: [...t.counts] });

function sameShape(a: Tally, b: Tally): boolean {
  return a.kind === b.kind && (a.kind === "nps" || a.scale === (b as { scale: number }).scale);
}

function label(t: Tally): string {
  return t.kind === "nps" ? "0–10 NPS" : `${t.scale}-point ${t.kind.toUpperCase()}`;
}

/** Adds `source` counts into `target`; throws when kinds or scales differ. */
export function addInto(target: Tally, source: Tally): void {
  if (!sameShape(target, source))
    throw new TypeError(
      `sonde: answer holds ${label(source)} counts where ${label(target)} counts were already merged — kinds and scales are never mixed`,
    );
  for (let j = 0; j < target.counts.length; j++) target.counts[j]! += source.counts[j]!;
}

function checkOneScalePerQuestion(rows: readonly TallyRow[]): void {
  for (let j = 1; j < rows.length; j++) {
    const [a, b] = [rows[j - 1]!, rows[j]!];
    if (a.surveyId === b.surveyId && a.stepId === b.stepId && !sameShape(a.tally, b.tally))
      throw new TypeError(
        `sonde: survey ${a.surveyId} question ${a.stepId} holds ${label(a.tally)} answers (period ${a.period}) and ${label(b.tally)} answers (period ${b.period}) — score them separately`,
      );
  }
}

/** Scores every row (see `scoreTally`); each score carries n and its `small` flag. */
export function scoreRows(rows: Iterable<TallyRow>, options: ScoringOptions = {}): ScoredRow[] {
  const out: ScoredRow[] = [];
  for (const { surveyId, stepId, period, segment, tally } of rows)
    out.push({ surveyId, stepId, period, segment, score: scoreTally(tally, options) });
  return out;
}
