import { resolveText, type Survey } from "@sonde/core";
import type {
  Breakdown,
  CommentItem,
  CommentsBody,
  QuestionComparison,
  QuestionResult,
  QuestionSummary,
  ResultsBody,
  ScoredKind,
  SurveyListItem,
} from "./api.js";
import { type BucketUnit, bucketer } from "./results-buckets.js";
import {
  type CommentsRequest,
  encodeCursor,
  type ResolvedPeriod,
  type ResultsRequest,
  resolvePeriod,
} from "./results-query.js";
import type { Scoring } from "./results-scoring.js";
import { addRow, emptyCounts, emptyTally, type QuestionCounts, questionKey, type Tally } from "./results-tally.js";
import type { ResponseStore, ScoredAnswerRow, StoredResponse } from "./store/store.js";
import { pathOf } from "./store/url-path.js";

/** What computing results reads: the store, the survey definitions, the scoring and the clock. */
export interface ResultsContext {
  store: ResponseStore;
  surveys: readonly Survey[];
  scoring: Scoring;
  now: number;
}

/** A results request that cannot be answered: the HTTP status and the lines saying why. */
export interface ResultsError {
  ok: false;
  status: 400 | 404;
  errors: string[];
}

/** Groups (and the comparison) with fewer answers than this are flagged as small. */
export const SMALL_SAMPLE = 30;
/** The most points a trend may have. */
const MAX_BUCKETS = 1000;
const UNIT_DAYS: Record<BucketUnit, number> = { day: 1, week: 7, month: 28 };

const iso = (ms: number) => new Date(ms).toISOString();
const SCORED: readonly string[] = ["nps", "csat", "ces", "gap"];

/** The surveys results can be asked for: the served definitions first, then any others with data. */
export function surveyList(store: ResponseStore, surveys: readonly Survey[]): SurveyListItem[] {
  const totals = new Map(store.surveyTotals().map((t) => [t.surveyId, t]));
  const item = (id: string, name: string | null, known: boolean): SurveyListItem => {
    const t = totals.get(id);
    return {
      id,
      name,
      known,
      responses: t?.responses ?? 0,
      first: t ? iso(t.first) : null,
      last: t ? iso(t.last) : null,
    };
  };
  const known = surveys.map((s) => item(s.id, s.name ?? null, true));
  const ids = new Set(surveys.map((s) => s.id));
  const others = [...totals.keys()].filter((id) => !ids.has(id)).map((id) => item(id, null, false));
  return [...known, ...others];
}

function pickSurvey(
  list: SurveyListItem[],
  surveyId: string | undefined,
): { ok: true; value: SurveyListItem } | { ok: false; error: ResultsError } {
  const found = surveyId === undefined ? list[0] : list.find((s) => s.id === surveyId);
  if (found) return { ok: true, value: found };
  const known = list.length ? `; known surveys: ${list.map((s) => s.id).join(", ")}` : "; there are no surveys yet";
  return {
    ok: false,
    error: {
      ok: false,
      status: 404,
      errors: [
        surveyId === undefined ? `survey: no survey to show${known}` : `survey: no survey "${surveyId}"${known}`,
      ],
    },
  };
}

function autoInterval(period: ResolvedPeriod): BucketUnit {
  const days = (period.until - period.since) / 86_400_000;
  if (days <= 62) return "day";
  if (days <= 366) return "week";
  return "month";
}

/** The scored questions of a survey definition, in step order, with their text in the default language. */
function definedQuestions(survey: Survey | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const step of survey?.steps ?? []) {
    if (SCORED.includes(step.kind)) {
      out.set(step.id, resolveText(step.question, survey!.defaultLocale ?? "en", survey!.defaultLocale));
    }
  }
  return out;
}

const emptyLike = (q: QuestionCounts) => emptyCounts(q.kind, q.kind === "gap" ? q.scale : 7);

function summaries(
  tally: Tally,
  keys: readonly string[],
  overall: Tally,
  scoring: Scoring,
): Record<string, QuestionSummary> {
  const out: Record<string, QuestionSummary> = {};
  for (const key of keys) {
    const counts = tally.questions.get(key) ?? emptyLike(overall.questions.get(key)!);
    out[key] = scoring.summarize(counts);
  }
  return out;
}

/** Reads the value a breakdown groups by from an answer row. */
function fieldReader(field: string, attributeIndex: Map<string, number>): (row: ScoredAnswerRow) => string | null {
  if (field === "path") return (row) => row.path;
  if (field === "locale") return (row) => row.locale;
  if (field === "device") return (row) => row.device;
  const i = attributeIndex.get(field.slice("attr.".length))!;
  return (row) => row.attributes[i] ?? null;
}

/** Answers `GET /v1/results`: scores, trend, breakdowns and the comparison for one survey and period. */
export function computeResults(
  request: ResultsRequest,
  ctx: ResultsContext,
): { ok: true; value: ResultsBody } | ResultsError {
  const picked = pickSurvey(surveyList(ctx.store, ctx.surveys), request.surveyId);
  if (!picked.ok) return picked.error;
  const survey = picked.value;
  const first = survey.first === null ? undefined : Date.parse(survey.first);
  const resolved = resolvePeriod(request, first, ctx.now);
  if (!resolved.ok) return { ok: false, status: 400, errors: resolved.errors };
  const period = resolved.value;
  const interval = request.interval ?? autoInterval(period);
  // Refuse before listing buckets: a period up to the year 9999 would hold millions of days.
  const approx = Math.ceil((period.until - period.since) / (UNIT_DAYS[interval] * 86_400_000));
  if (approx > MAX_BUCKETS) {
    return {
      ok: false,
      status: 400,
      errors: [
        `interval: the period holds about ${approx} ${interval}s, more than ${MAX_BUCKETS}; pick a wider interval or a shorter period`,
      ],
    };
  }
  const buckets = bucketer(interval, request.timeZone);
  const cover = buckets.cover(period.since, period.until);

  const attributes = request.by.filter((f) => f.startsWith("attr.")).map((f) => f.slice("attr.".length));
  const attributeIndex = new Map(attributes.map((name, i) => [name, i]));
  const readers = request.by.map((field) => fieldReader(field, attributeIndex));
  const overall = emptyTally();
  const byBucket = new Map(cover.map((b) => [b.label, emptyTally()]));
  const byField = request.by.map(() => new Map<string | null, Tally>());

  ctx.store.scoredAnswers({ surveyId: survey.id, since: period.since, until: period.until, attributes }, (row) => {
    const key = questionKey(overall, row);
    addRow(overall, row, key);
    const bucket = byBucket.get(buckets.labelOf(row.answeredAt));
    if (bucket) addRow(bucket, row, key);
    readers.forEach((read, i) => {
      const value = read(row);
      let group = byField[i]!.get(value);
      if (!group) {
        group = emptyTally();
        byField[i]!.set(value, group);
      }
      addRow(group, row, key);
    });
  });

  const definition = ctx.surveys.find((s) => s.id === survey.id);
  const texts = definedQuestions(definition);
  const order = [...texts.keys()];
  const keys = [...overall.questions.keys()].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib);
  });
  const overallSummaries = summaries(overall, keys, overall, ctx.scoring);
  const questions: QuestionResult[] = keys.map((key) => ({
    stepId: key,
    kind: overall.questions.get(key)!.kind as ScoredKind,
    question: texts.get(key) ?? null,
    summary: overallSummaries[key]!,
  }));
  const headline =
    (["nps", "csat", "ces", "gap"] as const).map((k) => questions.find((q) => q.kind === k)).find(Boolean)?.stepId ??
    null;

  const breakdowns: Breakdown[] = request.by.map((by, i) => {
    const groups = [...byField[i]!.entries()].map(([key, tally]) => {
      const qs = summaries(tally, keys, overall, ctx.scoring);
      const n = headline ? qs[headline]!.n : tally.responses.size;
      return { key, responses: tally.responses.size, small: n < SMALL_SAMPLE, questions: qs };
    });
    groups.sort((a, b) => b.responses - a.responses || String(a.key).localeCompare(String(b.key)));
    return { by, groups: groups.slice(0, request.top), hidden: Math.max(0, groups.length - request.top) };
  });

  let comparison: ResultsBody["comparison"] = null;
  if (request.compare) {
    const previous: ResolvedPeriod = { since: period.since - (period.until - period.since), until: period.since };
    const before = emptyTally();
    ctx.store.scoredAnswers({ surveyId: survey.id, ...previous }, (row) => {
      // Key by the current period's questions so that the same step is compared with itself.
      const key = overall.questions.has(row.stepId) ? questionKey(overall, row) : questionKey(before, row);
      addRow(before, row, key);
    });
    const compared: QuestionComparison[] = keys.map((key) => {
      const current = overall.questions.get(key)!;
      const prior = before.questions.get(key) ?? emptyLike(current);
      return {
        stepId: key,
        kind: current.kind as ScoredKind,
        previous: ctx.scoring.summarize(prior),
        differences: ctx.scoring.compare(current, prior),
      };
    });
    comparison = {
      period: { from: iso(previous.since), to: iso(previous.until) },
      responses: ctx.store.count({ surveyId: survey.id, ...previous }),
      questions: compared,
    };
  }

  return {
    ok: true,
    value: {
      survey: { id: survey.id, name: survey.name, known: survey.known },
      period: { from: iso(period.since), to: iso(period.until) },
      timeZone: request.timeZone,
      responses: ctx.store.count({ surveyId: survey.id, ...period }),
      headline,
      questions,
      trend: {
        interval,
        points: cover.map((b) => {
          const tally = byBucket.get(b.label)!;
          return {
            label: b.label,
            start: iso(Math.max(b.start, period.since)),
            end: iso(Math.min(b.end, period.until)),
            responses: tally.responses.size,
            questions: summaries(tally, keys, overall, ctx.scoring),
          };
        }),
      },
      breakdowns,
      comparison,
      smallSample: SMALL_SAMPLE,
    },
  };
}

function commentItem(r: StoredResponse): CommentItem {
  const comments: CommentItem["comments"] = [];
  const scores: CommentItem["scores"] = [];
  for (const [stepId, a] of Object.entries(r.answers)) {
    if (a.kind === "open" && a.value.trim()) comments.push({ stepId, text: a.value });
    else if (a.kind === "nps" || a.kind === "csat" || a.kind === "ces")
      scores.push({ stepId, kind: a.kind, value: a.value });
  }
  return {
    id: r.id,
    at: iso(r.answeredAt),
    path: pathOf(r.context.url),
    locale: r.context.locale ?? null,
    device: r.context.device ?? null,
    comments,
    scores,
  };
}

/** Answers `GET /v1/results/comments`: one page of written comments with their scores, newest first. */
export function computeComments(
  request: CommentsRequest,
  ctx: ResultsContext,
): { ok: true; value: CommentsBody } | ResultsError {
  if (request.surveyId !== undefined) {
    const picked = pickSurvey(surveyList(ctx.store, ctx.surveys), request.surveyId);
    if (!picked.ok) return picked.error;
  }
  const resolved = resolvePeriod(request, 0, ctx.now);
  if (!resolved.ok) return { ok: false, status: 400, errors: resolved.errors };
  const rows = ctx.store.page({
    surveyId: request.surveyId,
    ...resolved.value,
    limit: request.limit + 1,
    after: request.after,
    withComment: true,
  });
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  return {
    ok: true,
    value: {
      items: page.map(commentItem),
      next: rows.length > request.limit && last ? encodeCursor({ answeredAt: last.answeredAt, id: last.id }) : null,
    },
  };
}
