import {
  compareTallies,
  emptyTally,
  type Grouping,
  mergeRows,
  nextPeriod,
  type PeriodUnit,
  periodKeyer,
  periodStarts,
  resolveText,
  type ScorableResponse,
  type ScoreResult,
  type Survey,
  scoreTally,
  type Tally,
  type TallyRow,
  tallyResponses,
  trend,
} from "@sonde/core";
import type { FollowUpFigures, QuestionComparison, QuestionResult, ResultsBody } from "./api.js";
import { breakdownFields, computeBreakdowns } from "./results-breakdown.js";
import { budgetedStore, type QueryBudget } from "./results-budget.js";
import { segmentOf } from "./results-fields.js";
import { type ResolvedPeriod, type ResultsRequest, resolvePeriod } from "./results-query.js";
import { pickSurvey, type ResultsError, surveyList } from "./results-surveys.js";
import type { FollowUpStats } from "./store/follow-ups.js";
import type { AnswerQuery, ResponseStore, ScoredResponseRow } from "./store/store.js";

/** What computing results reads: the store, the survey definitions and the clock. */
export interface ResultsContext {
  store: ResponseStore;
  surveys: readonly Survey[];
  now: number;
  /** This query's limits (default: the score limit, no deadline); see results-budget.ts. */
  budget?: QueryBudget;
}

/** The most points a trend may have. */
const MAX_PERIODS = 1000;
const UNIT_DAYS: Record<PeriodUnit, number> = { day: 1, week: 7, month: 28 };
const HEADLINE_ORDER = ["nps", "csat", "ces", "gap"] as const;

const iso = (ms: number) => new Date(ms).toISOString();

function autoInterval(period: ResolvedPeriod): PeriodUnit {
  const days = (period.until - period.since) / 86_400_000;
  if (days <= 62) return "day";
  if (days <= 366) return "week";
  return "month";
}

/** The text of each scored question of a survey definition, in the survey's default language. */
export function questionTexts(survey: Survey | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const step of survey?.steps ?? []) {
    if (step.kind === "nps" || step.kind === "csat" || step.kind === "ces" || step.kind === "gap") {
      out.set(step.id, resolveText(step.question, survey!.defaultLocale ?? "en", survey!.defaultLocale));
    }
  }
  return out;
}

// Rows scored at a time: each batch is tallied and merged, then dropped, so that a period of a
// million responses never sits in memory as a million objects (tallies are mergeable).
const TALLY_BATCH = 4096;

/**
 * Reads the scored answers of a period and tallies them as core scores responses, once per
 * grouping asked for; resolves with each grouping's rows, as `tallyResponses` over all of them
 * would give. Each answer is counted under its step and shape (`score\u0000nps`, `sat\u0000csat5`):
 * a step answered with different kinds or scales over time (a survey edited) is never mixed, and
 * an old answer never breaks the results; `stepNames` then names them.
 */
async function tallyPeriod(
  store: ResponseStore,
  query: AnswerQuery,
  groupings: readonly Grouping[],
): Promise<TallyRow[][]> {
  const tallies: TallyRow[][] = groupings.map(() => []);
  let batch: ScorableResponse[] = [];
  const flush = () => {
    groupings.forEach((grouping, i) => {
      tallies[i] = mergeRows([...tallies[i]!, ...tallyResponses(batch, grouping)]);
    });
    batch = [];
  };
  const names = query.attributes ?? [];
  await store.scoredResponses(query, (row: ScoredResponseRow) => {
    const attributes: Record<string, string> = {};
    names.forEach((name, i) => {
      const v = row.attributes[i];
      if (v !== null && v !== undefined) attributes[name] = v;
    });
    const answers: ScorableResponse["answers"] = {};
    for (const stepId in row.answers) {
      const a = row.answers[stepId]!;
      answers[`${stepId}\u0000${shapeOf(a)}`] = a;
    }
    batch.push({
      surveyId: query.surveyId,
      count: row.count,
      createdAt: row.answeredAt,
      // The path is what core's page segment reads from the URL; the rest of the URL is not needed.
      context: {
        url: row.path,
        ...(row.locale === null ? {} : { locale: row.locale }),
        ...(row.browserLocale === null ? {} : { browserLocale: row.browserLocale }),
        ...(row.device === null ? {} : { device: row.device as "mobile" | "tablet" | "desktop" }),
        attributes,
      },
      answers,
    });
    if (batch.length === TALLY_BATCH) flush();
  });
  if (batch.length > 0) flush();
  return tallies;
}

/** The scale the widget answers a step of each kind on (a gap step's own, 5 by default). */
const ASKED_SCALE: Record<string, number> = { csat: 5, ces: 7 };

/** An answer's kind and scale: `nps`, `csat5`, `gap7`. */
const shapeOf = (a: { kind: string; scale?: number }) => (a.kind === "nps" ? "nps" : `${a.kind}${a.scale}`);

/**
 * The names of a period's tallied steps (`step\u0000shape` keys): a step answered in one shape is
 * its id; one answered in several (a survey edited) keeps its id for the shape its definition
 * asks, or else the most answered, and the others are `step.shape` (`sat.ces7`) — whatever order
 * the store handed the answers over in.
 */
function stepNames(totals: Map<string, Tally>, definition: Survey | undefined): Map<string, string> {
  const byStep = new Map<string, { key: string; shape: string; n: number }[]>();
  for (const [key, tally] of totals) {
    const cut = key.lastIndexOf("\u0000"); // a shape has none; a step id might
    const stepId = key.slice(0, cut);
    const shape = key.slice(cut + 1);
    const shapes = byStep.get(stepId) ?? [];
    shapes.push({ key, shape, n: tally.counts.reduce((a, b) => a + b, 0) });
    byStep.set(stepId, shapes);
  }
  const names = new Map<string, string>();
  for (const [stepId, shapes] of byStep) {
    const step = definition?.steps.find((s) => s.id === stepId);
    const asked =
      step && shapeOf({ kind: step.kind, scale: ASKED_SCALE[step.kind] ?? (step as { scale?: number }).scale ?? 5 });
    const plain =
      shapes.find((s) => s.shape === asked) ??
      shapes.reduce((a, b) => (b.n > a.n || (b.n === a.n && b.shape < a.shape) ? b : a));
    for (const s of shapes) names.set(s.key, s === plain ? stepId : `${stepId}.${s.shape}`);
  }
  return names;
}

/** Rows under their steps' names; rows of a shape not named (not in the period) are dropped. */
const named = (rows: TallyRow[], names: Map<string, string>): TallyRow[] =>
  rows.flatMap((row) => {
    const stepId = names.get(row.stepId);
    return stepId === undefined ? [] : [{ ...row, stepId }];
  });

const emptyLike = (t: Tally) => emptyTally(t.kind, t.kind === "nps" ? undefined : t.scale);

/**
 * The step ids of a survey's open questions: from its definition, or, for a survey the collector
 * does not define, from the answers it holds.
 */
function openQuestions(survey: Survey | undefined, fields: () => { stepId: string; kind: string }[]): string[] {
  if (survey) return survey.steps.filter((s) => s.kind === "open").map((s) => s.id);
  return fields()
    .filter((f) => f.kind === "open")
    .map((f) => f.stepId);
}

/**
 * Answers `GET /v1/results`: scores, trend, breakdowns and the comparison for one survey and period.
 * Throws BudgetExceeded when the query would pass its budget (see results-budget.ts).
 */
export async function computeResults(
  request: ResultsRequest,
  ctx: ResultsContext,
): Promise<{ ok: true; value: ResultsBody } | ResultsError> {
  const picked = pickSurvey(await surveyList(ctx.store, ctx.surveys), request.surveyId);
  if (!picked.ok) return picked;
  const survey = picked.value;
  const resolved = resolvePeriod(request, survey.first === null ? undefined : Date.parse(survey.first), ctx.now);
  if (!resolved.ok) return { ok: false, status: 400, errors: resolved.errors };
  const period = resolved.value;
  const interval = request.interval ?? autoInterval(period);
  // Refuse before listing periods: a period up to the year 9999 would hold millions of days.
  const approx = Math.ceil((period.until - period.since) / (UNIT_DAYS[interval] * 86_400_000));
  const keyOf = periodKeyer(interval, request.timeZone);
  const periods: string[] = [];
  if (approx <= MAX_PERIODS + 1) {
    const last = keyOf(period.until - 1);
    for (let key = keyOf(period.since); key <= last && periods.length <= MAX_PERIODS; key = nextPeriod(key)) {
      periods.push(key);
    }
  }
  if (approx > MAX_PERIODS + 1 || periods.length > MAX_PERIODS) {
    return {
      ok: false,
      status: 400,
      errors: [
        `interval: the period holds more than ${MAX_PERIODS} ${interval}s; pick a wider interval or a shorter period`,
      ],
    };
  }

  const attributes = request.by.filter((f) => f.startsWith("attr.")).map((f) => f.slice("attr.".length));
  const filters = request.filters;
  const query = {
    surveyId: survey.id,
    since: period.since,
    until: period.until,
    attributes,
    filters,
    periodStarts: periodStarts(interval, request.timeZone, period.since, period.until),
  };
  const shape = { periods: periods.length, interval, by: request.by };
  const grouping = { period: interval, timeZone: request.timeZone };
  const fields = breakdownFields(request.by);
  // What else the answer needs, asked at once: a database across the network works on these while
  // this thread scores the rows (a SQLite store has answered them already).
  const inPeriod = { surveyId: survey.id, ...period, filters };
  const definition = ctx.surveys.find((s) => s.id === survey.id);
  const timed = budgetedStore(ctx.store, ctx.budget);
  const besides = Promise.all([
    // The answer ids only for a survey without a definition (its open questions).
    timed.fields(inPeriod, { answers: !definition }),
    timed.count(inPeriod),
    timed.followUps.stats(inPeriod),
  ]);
  besides.catch(() => {}); // awaited below; a query stopped by its budget leaves it unread
  const [byShape = [], ...segmentsByShape] = await tallyPeriod(budgetedStore(ctx.store, ctx.budget, shape), query, [
    grouping,
    ...fields.map((by) => ({ segment: segmentOf(by) })),
  ]);
  const names = stepNames(new Map(mergeRows(byShape, { period: false }).map((r) => [r.stepId, r.tally])), definition);
  const periodRows = named(byShape, names);
  const segmentRows = segmentsByShape.map((rows) => named(rows, names));
  const totals = new Map(mergeRows(periodRows, { period: false }).map((row) => [row.stepId, row.tally]));

  const texts = questionTexts(definition);
  const order = [...texts.keys()];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const keys = [...totals.keys()].sort((a, b) => rank(a) - rank(b));
  const questions: QuestionResult[] = keys.map((stepId) => {
    const tally = totals.get(stepId)!;
    return { stepId, kind: tally.kind, question: texts.get(stepId) ?? null, score: scoreTally(tally) };
  });
  const headline = HEADLINE_ORDER.map((k) => questions.find((q) => q.kind === k)).find(Boolean)?.stepId ?? null;

  const series = new Map(
    trend(periodRows, { from: periods[0], to: periods.at(-1) }).map((s) => [
      s.stepId,
      new Map(s.points.map((p) => [p.period, p.score])),
    ]),
  );
  const emptyScores = new Map(keys.map((k) => [k, scoreTally(emptyLike(totals.get(k)!))]));
  const scoresIn = (pick: (stepId: string) => ScoreResult | undefined) =>
    Object.fromEntries(keys.map((k) => [k, pick(k) ?? emptyScores.get(k)!]));

  const bySegment = new Map(fields.map((by, i) => [by, segmentRows[i]!]));
  const breakdowns = computeBreakdowns(
    (by) => bySegment.get(by)!,
    request.by,
    headline,
    request.top,
    (q) => scoresIn((k) => q[k]),
  );

  let comparison: ResultsBody["comparison"] = null;
  if (request.compare) {
    const previous: ResolvedPeriod = { since: period.since - (period.until - period.since), until: period.since };
    const [before = []] = await tallyPeriod(
      timed,
      { surveyId: survey.id, ...previous, filters, periodStarts: [previous.since] },
      [{}],
    );
    const prior = new Map(mergeRows(named(before, names), { period: false }).map((row) => [row.stepId, row.tally]));
    const compared: QuestionComparison[] = keys.map((stepId) => {
      const current = totals.get(stepId)!;
      const then = prior.get(stepId) ?? emptyLike(current);
      return { stepId, kind: current.kind, previous: scoreTally(then), comparison: compareTallies(current, then) };
    });
    comparison = {
      period: { from: iso(previous.since), to: iso(previous.until) },
      responses: await timed.count({ surveyId: survey.id, ...previous, filters }),
      questions: compared,
    };
  }

  const [present, responses, followUps] = await besides;
  return {
    ok: true,
    value: {
      survey: {
        id: survey.id,
        name: survey.name,
        known: survey.known,
        openQuestions: openQuestions(definition, () => present.answers),
      },
      period: { from: iso(period.since), to: iso(period.until) },
      timeZone: request.timeZone,
      responses,
      headline,
      questions,
      trend: {
        interval,
        points: periods.map((p) => ({ period: p, questions: scoresIn((k) => series.get(k)?.get(p)) })),
      },
      breakdowns,
      comparison,
      filters: filters.map((f) => (f.field === "device" ? `device:${f.value}` : `attr.${f.name}:${f.value}`)),
      attributes: present.attributes,
      followUps: followUpFigures(followUps),
    },
  };
}

/** A period's follow-up figures as the API gives them: a share, and hours rather than milliseconds. */
function followUpFigures(stats: FollowUpStats): FollowUpFigures {
  return {
    detractors: stats.detractors,
    followedUp: stats.followedUp,
    share: stats.detractors ? stats.followedUp / stats.detractors : null,
    medianHoursToFirst: stats.medianToFirst === null ? null : stats.medianToFirst / 3_600_000,
    open: stats.open,
  };
}
