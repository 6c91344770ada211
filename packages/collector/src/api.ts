// The JSON bodies of the collector's read API, as types only: the dashboard (or any client)
// imports them from `@sonde/collector/api` without pulling in the server.

/** A 95% interval `[low, high]`, or null while it cannot be computed (n = 0). */
export type Interval = [number, number] | null;

/** A share of answers (0–1) with its interval. */
export interface Share {
  count: number;
  share: number | null;
  interval: Interval;
}

/** A mean with its interval. */
export interface Mean {
  value: number | null;
  interval: Interval;
}

/** Net Promoter Score of one question. `score` is in [−100, 100] and null when n = 0. */
export interface NpsSummary {
  kind: "nps";
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  score: number | null;
  /** Standard error of the score, in points. */
  se: number | null;
  interval: Interval;
}

/** Satisfaction on 1–5: top-box (5) next to top-2-box (4–5), the mean and the distribution. */
export interface CsatSummary {
  kind: "csat";
  n: number;
  /** Counts of 1, 2, 3, 4, 5. */
  distribution: number[];
  topBox: Share;
  top2Box: Share;
  mean: Mean;
}

/** Effort on 1–7: the mean and the share who agree (5–7). */
export interface CesSummary {
  kind: "ces";
  n: number;
  /** Counts of 1 … 7. */
  distribution: number[];
  mean: Mean;
  agree: Share;
}

/** Expectation vs experience: the mean difference (experienced − expected) and ratio bands. */
export interface GapSummary {
  kind: "gap";
  n: number;
  expected: Mean;
  experienced: Mean;
  difference: Mean;
  /** Responses by experienced / expected: > 1, = 1, 0.8–1, < 0.8 (a rule of thumb). */
  bands: { delighted: number; met: number; tolerated: number; dissatisfied: number };
}

/** The summary of one scored question. */
export type QuestionSummary = NpsSummary | CsatSummary | CesSummary | GapSummary;

/** The kinds of question the results API scores. */
export type ScoredKind = QuestionSummary["kind"];

/** One scored question of the survey: what it asked and its summary. */
export interface QuestionResult {
  stepId: string;
  kind: ScoredKind;
  /** The question in the survey's default language, when the survey definition is known. */
  question: string | null;
  summary: QuestionSummary;
}

/** A difference between the current and the previous period, with its significance. */
export interface Difference {
  /** What is compared: `score` (NPS points), `topBox`, `top2Box`, `agree` (shares), `mean`, `difference`. */
  measure: string;
  current: number | null;
  previous: number | null;
  /** current − previous. */
  difference: number | null;
  interval: Interval;
  /** Two-sided p-value; null when a group is empty (or while the statistic is not available). */
  p: number | null;
  /** p < 0.05. */
  significant: boolean | null;
}

/** One question compared across the two periods. */
export interface QuestionComparison {
  stepId: string;
  kind: ScoredKind;
  previous: QuestionSummary;
  differences: Difference[];
}

/** A period: `from` inclusive, `to` exclusive, as ISO date-times. */
export interface Period {
  from: string;
  to: string;
}

/** One point of the trend: a day, an ISO week or a month. */
export interface TrendPoint {
  /** The bucket's first day in the chosen time zone: `2025-03-10` (a week starts on Monday), or `2025-03` for a month. */
  label: string;
  /** The part of the bucket inside the period: `[start, end)`. */
  start: string;
  end: string;
  /** Responses with at least one scored answer. */
  responses: number;
  questions: Record<string, QuestionSummary>;
}

/** One group of a breakdown: a page, a locale, a device, an attribute value. */
export interface BreakdownGroup {
  /** The value of the field; null when responses did not carry it. */
  key: string | null;
  /** Responses with at least one scored answer. */
  responses: number;
  /** Fewer than 30 answers to the headline question: read with care. */
  small: boolean;
  questions: Record<string, QuestionSummary>;
}

/** Responses grouped by one context field. */
export interface Breakdown {
  by: string;
  /** The largest groups first, at most `top` of them. */
  groups: BreakdownGroup[];
  /** How many smaller groups were left out. */
  hidden: number;
}

/** What `GET /v1/results` returns. */
export interface ResultsBody {
  survey: { id: string; name: string | null; known: boolean };
  period: Period;
  timeZone: string;
  /** Responses in the period (answered or not). */
  responses: number;
  /** The question the dashboard leads with: the first NPS question, else CSAT, CES, gap. */
  headline: string | null;
  questions: QuestionResult[];
  trend: { interval: "day" | "week" | "month"; points: TrendPoint[] };
  breakdowns: Breakdown[];
  /** The previous period of the same length, when asked for with `compare=previous`. */
  comparison: { period: Period; responses: number; questions: QuestionComparison[] } | null;
  /** Groups and the comparison flag n below this as small. */
  smallSample: number;
}

/** A survey the results API knows: from the definitions, the database, or both. */
export interface SurveyListItem {
  id: string;
  name: string | null;
  /** Present in the survey definitions the collector serves. */
  known: boolean;
  responses: number;
  first: string | null;
  last: string | null;
}

/** What `GET /v1/results/surveys` returns. */
export interface SurveyListBody {
  surveys: SurveyListItem[];
}

/** A response with at least one written comment, and the scores given with it. */
export interface CommentItem {
  id: string;
  at: string;
  path: string;
  locale: string | null;
  device: string | null;
  comments: { stepId: string; text: string }[];
  scores: { stepId: string; kind: "nps" | "csat" | "ces"; value: number }[];
}

/** What `GET /v1/results/comments` returns: one page, newest first. */
export interface CommentsBody {
  items: CommentItem[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  next: string | null;
}
