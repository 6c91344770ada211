// The JSON bodies of the collector's read API, as types only: the dashboard (or any client)
// imports them from `@sonde/collector/api` without pulling in the server. Scores are
// @sonde/core's own result types (see packages/core/SCORING.md for every field and formula).
import type { ScoredKind, ScoreResult, Survey, TallyComparison } from "@sonde/core";

export type {
  CesResult,
  Comparison,
  CsatResult,
  GapBand,
  GapResult,
  Interval,
  MeanEstimate,
  NpsScore,
  Proportion,
  ScoredKind,
  ScoreResult,
  TallyComparison,
} from "@sonde/core";

/** One scored question of the survey: what it asked and its score over the whole period. */
export interface QuestionResult {
  /**
   * The step's id; a step answered in another kind or scale too (a survey edited) gives one result
   * per shape: the id for the one its definition asks (else the most answered), `id.shape` for
   * the others (`sat.csat5`, `setup.gap7`), scales never mixed.
   */
  stepId: string;
  kind: ScoredKind;
  /** The question in the survey's default language, when the survey definition is known. */
  question: string | null;
  score: ScoreResult;
}

/** A period: `from` inclusive, `to` exclusive, as ISO date-times. */
export interface Period {
  from: string;
  to: string;
}

/** One point of the trend: a period and every question's score in it (n = 0 when nobody answered). */
export interface TrendPoint {
  /** `2025-03-10` (day), `2025-W11` (ISO week, Monday first) or `2025-03` (month), in the time zone asked for. */
  period: string;
  questions: Record<string, ScoreResult>;
}

/** One group of a breakdown: a page, a language, a device, an attribute value. */
export interface BreakdownGroup {
  /** The value of the field; null when responses did not carry it. */
  key: string | null;
  /** Fewer than 30 answers to the headline question: shown, but read with care. */
  small: boolean;
  questions: Record<string, ScoreResult>;
  /**
   * The headline question in this group against all other groups together (null without others).
   * Each metric has its raw `pValue`, its Holm-adjusted `pAdjusted` and the verdict `significant`;
   * with fewer than `minN` answers on either side `tooFew` is true and no test is reported.
   */
  versusRest: TallyComparison | null;
  /** By `language` or `browserLanguage`: the language tags inside the group and their answers, largest first. */
  regions?: { key: string; n: number }[];
}

/** Responses grouped by one context field. */
export interface Breakdown {
  by: string;
  /** The largest groups first (by answers to the headline question), at most `top` of them. */
  groups: BreakdownGroup[];
  /** How many smaller groups were left out. */
  hidden: number;
  /** How the groups' tests against the rest are corrected for being many: Holm, per question and metric. */
  adjustment: "holm";
  /** The fewest answers a group (and its rest) needs to be tested at all. */
  minN: number;
}

/** One question compared with the previous period: that period's score, and current − previous with p-values. */
export interface QuestionComparison {
  stepId: string;
  kind: ScoredKind;
  previous: ScoreResult;
  /** Null when either period has no answers to this question. */
  comparison: TallyComparison | null;
}

/** What `GET /v1/results` returns. */
export interface ResultsBody {
  /**
   * The survey: `known` when the collector serves its definition (answers to other ids are kept
   * and shown apart); `openQuestions`, the step ids of its open questions (from the definition,
   * else from the answers), so a reader knows whether comments are asked for at all.
   */
  survey: { id: string; name: string | null; known: boolean; openQuestions: string[] };
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
  /** The filters applied (`filter=device:mobile,attr.plan:team`), as `field:value`. */
  filters: string[];
  /** The attributes the period's responses carry, to break down or filter by as `attr.<name>`. */
  attributes: string[];
  /** How the period's NPS detractors were followed up (see the inbox). */
  followUps: FollowUpFigures;
}

/** How a period's NPS detractors were followed up. */
export interface FollowUpFigures {
  detractors: number;
  /** Detractors marked contacted or resolved. */
  followedUp: number;
  /** followedUp / detractors; null without detractors. */
  share: number | null;
  /** Median hours from the answer to its first follow-up; null when none was followed up. */
  medianHoursToFirst: number | null;
  /** Answers of the period marked contacted and not yet resolved. */
  open: number;
}

/** A survey the results API knows: from the definitions, the database, or both. */
export interface SurveyListItem {
  id: string;
  name: string | null;
  /** Present in the survey definitions the collector serves; answers to other ids are listed apart. */
  known: boolean;
  /** All responses, or those in the period when one was asked for (`from`, `to`, `tz`). */
  responses: number;
  first: string | null;
  last: string | null;
  /** Answers marked contacted and not yet resolved (all time). */
  openFollowUps: number;
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
  browserLocale: string | null;
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

/** Where one alert's webhook stands (see `GET /v1/alerts/deliveries`). */
export interface AlertDeliveryItem {
  id: number;
  /** The `webhook-id` header of every attempt, the same each time. */
  webhookId: string;
  responseId: string;
  surveyId: string;
  alertId: string;
  /** `pending`, `delivered`, `dead` (given up; `lastError` says why) or `cancelled`. */
  status: "pending" | "delivered" | "dead" | "cancelled";
  firedAt: string;
  /** When a pending delivery is tried next; null once done. */
  nextAttemptAt: string | null;
  attempts: number;
  lastAttemptAt: string | null;
  /** The HTTP status of the last attempt; null when it got no answer. */
  lastStatus: number | null;
  lastError: string | null;
  /** When it was delivered, given up or cancelled. */
  doneAt: string | null;
}

/** What `GET /v1/alerts/deliveries` returns: one page, newest first, and counts by status. */
export interface DeliveriesBody {
  deliveries: AlertDeliveryItem[];
  /** Pass as `before` to get the next page; null on the last page. */
  next: number | null;
  counts: Record<AlertDeliveryItem["status"], number>;
}

/** Where a team stands with one answer. */
export type FollowUpStatus = "new" | "contacted" | "resolved";

/** One answer in the response inbox. */
export interface InboxItem {
  id: string;
  surveyId: string;
  at: string;
  path: string;
  locale: string | null;
  device: string | null;
  userId: string | null;
  completed: boolean;
  scores: { stepId: string; kind: "nps" | "csat" | "ces" | "gap"; value: number; expected?: number }[];
  comments: { stepId: string; text: string }[];
  followUp: FollowUpStatus;
}

/** What `GET /v1/inbox` returns: one page, newest first. */
export interface InboxBody {
  items: InboxItem[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  next: string | null;
}

/** One change of an answer's follow-up. */
export interface FollowUpChange {
  status: FollowUpStatus;
  note: string | null;
  at: string;
}

/** What `GET /v1/inbox/:id` returns: the whole response, who gave it, and its follow-up. */
export interface InboxDetail {
  item: InboxItem;
  /** Every step answered, in the survey's order, with its question where the definition has it. */
  answers: { stepId: string; question: string | null; kind: string; value: unknown }[];
  person: { userId: string | null; anonymousId: string; attributes: Record<string, unknown> };
  context: { url: string; locale: string | null; browserLocale: string | null; device: string | null };
  followUp: { status: FollowUpStatus; history: FollowUpChange[] };
  /** The same person's earlier answers (by user id, else anonymous id), newest first, at most 10. */
  earlier: InboxItem[];
}

/** A stored survey as the admin API lists it (`GET /v1/admin/surveys`). */
export interface AdminSurveySummary {
  id: string;
  name: string | null;
  /** Only `active` surveys are served to pages. */
  status: "draft" | "active" | "paused" | "archived";
  /** The current version: 1 for the first save, one more for every saved change. */
  version: number;
  /** The current version's entity tag (`"v3"`): send it as `If-Match` to change the survey. */
  etag: string;
  createdAt: string;
  updatedAt: string;
}

/** One survey with its current definition (`GET`, `POST`, `PUT /v1/admin/surveys[/:id]`, launch, pause, archive). */
export interface AdminSurvey extends AdminSurveySummary {
  definition: Survey;
}

/** What `GET /v1/admin/surveys` returns, in the order the surveys were created. */
export interface AdminSurveyListBody {
  surveys: AdminSurveySummary[];
}

/** One saved version of a survey. */
export interface AdminSurveyVersion {
  version: number;
  etag: string;
  /** `admin`: saved through the admin API; `file`: imported from `--surveys` at start. */
  source: "admin" | "file";
  createdAt: string;
  definition: Survey;
}

/** What `GET /v1/admin/surveys/:id/versions` returns: every version, newest first. */
export interface AdminSurveyVersionsBody {
  id: string;
  versions: AdminSurveyVersion[];
}

/** A refusal of the admin API: what is wrong, each bad path in `issues` (400), the survey as it is now (412). */
export interface AdminErrorBody {
  error: string;
  issues?: string[];
  current?: AdminSurvey;
}
