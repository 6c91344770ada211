import type { PeriodUnit } from "@sonde/core";
import { checkBreakdownField, readFilters } from "./results-fields.js";
import { checkTimeZone, zoneDays } from "./results-period.js";
import { FOLLOW_UP_STATUSES, type FollowUpStatus, SCORE_BANDS, type ScoreBand } from "./store/follow-ups.js";
import type { Cursor, ResponseFilter } from "./store/store.js";

/** A parsed request, or lines naming each bad parameter (`param: problem (got …)`). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** The query parameters of a results request, as strings (absent ones undefined). */
export type QueryParams = Record<string, string | undefined>;

/** A period as the client wrote it, and the time zone its dates are read in. */
export interface PeriodRequest {
  from: string | undefined;
  to: string | undefined;
  timeZone: string;
}

/** What results, comments and exports are narrowed to: `filter=device:mobile,attr.plan:team`. */
export interface Filtered {
  filters: ResponseFilter[];
}

/** `GET /v1/results`, parsed. */
export interface ResultsRequest extends PeriodRequest, Filtered {
  surveyId: string | undefined;
  interval: PeriodUnit | undefined;
  /** Fields to break down by: see `BREAKDOWN_FIELDS`, and `attr.<name>`. */
  by: string[];
  compare: boolean;
  /** The most groups a breakdown lists (the largest first). */
  top: number;
}

/** `GET /v1/results/comments`, parsed. */
export interface CommentsRequest extends PeriodRequest, Filtered {
  surveyId: string | undefined;
  limit: number;
  after: Cursor | undefined;
}

/** `GET /v1/inbox`, parsed. */
export interface InboxRequest extends CommentsRequest {
  band: ScoreBand | undefined;
  /** Only answers with (true) or without (false) a written comment. */
  comment: boolean | undefined;
  status: FollowUpStatus | undefined;
}

/** `GET /v1/results/export.csv`, parsed. */
export interface ExportRequest extends PeriodRequest, Filtered {
  surveyId: string | undefined;
}

const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const INTERVALS = ["day", "week", "month"] as const;
const LATEST = Date.UTC(9999, 0, 1);

const quote = (v: string) => JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);

/**
 * The instant a `from`/`to` value names, when it is a real calendar date or date-time (Date.parse
 * would turn `2025-02-30` into March 2 and take `T24:00`); undefined for anything else.
 */
export function strictTime(v: string): number | undefined {
  const m = DATE_TIME.exec(v) ?? DATE.exec(v);
  if (!m) return undefined;
  const [y, mo, d, h = 0, mi = 0, sec = 0] = m.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  const date = new Date(Date.UTC(y!, mo! - 1, d!));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d;
  if (!real || h > 23 || mi > 59 || sec > 59) return undefined;
  return m.length === 4 ? date.getTime() : Date.parse(v);
}

/** Reads the parameters shared by every results route; pushes `param: problem` lines to `errors`. */
function readPeriod(q: QueryParams, errors: string[]): PeriodRequest {
  const timeZone = q.tz || "UTC";
  try {
    checkTimeZone(timeZone);
  } catch {
    errors.push(`tz: must be an IANA time zone such as Europe/Copenhagen (got ${quote(timeZone)})`);
  }
  for (const name of ["from", "to"] as const) {
    const v = q[name];
    if (!v) continue;
    const time = strictTime(v);
    if (!DATE.test(v) && !DATE_TIME.test(v)) {
      errors.push(
        `${name}: must be a date such as 2025-01-31 or a date-time such as 2025-01-31T09:00:00Z (got ${quote(v)})`,
      );
    } else if (time === undefined || time < 0 || time >= LATEST) {
      errors.push(`${name}: must be a real date from 1970 to 9998 (got ${quote(v)})`);
    }
  }
  return { from: q.from || undefined, to: q.to || undefined, timeZone };
}

const surveyOf = (q: QueryParams, errors: string[]) => {
  const id = q.survey || undefined;
  if (id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(id)) {
    errors.push(`survey: must be a survey id (got ${quote(id)})`);
  }
  return id;
};

const wholeNumber = (q: QueryParams, name: string, min: number, max: number, fallback: number, errors: string[]) => {
  const raw = q[name];
  if (raw === undefined || raw === "") return fallback;
  // Digits only: Number() would also take "1e2", "0x10" and " 5".
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= min && n <= max)) {
    errors.push(`${name}: must be a whole number from ${min} to ${max} (got ${quote(raw)})`);
    return fallback;
  }
  return n;
};

const done = <T>(value: T, errors: string[]): Parsed<T> =>
  errors.length ? { ok: false, errors } : { ok: true, value };

/** Parses the query of `GET /v1/results`. */
export function parseResultsQuery(q: QueryParams): Parsed<ResultsRequest> {
  const errors: string[] = [];
  const surveyId = surveyOf(q, errors);
  const period = readPeriod(q, errors);
  const interval = q.interval || undefined;
  if (interval !== undefined && !(INTERVALS as readonly string[]).includes(interval)) {
    errors.push(`interval: must be day, week or month (got ${quote(interval)})`);
  }
  const by = (q.by ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const field of by) {
    const problem = checkBreakdownField(field);
    if (problem) errors.push(`by: ${problem} (got ${quote(field)})`);
  }
  if (by.length > 4) errors.push(`by: must list at most 4 fields (got ${by.length})`);
  const compare = q.compare || undefined;
  if (compare !== undefined && compare !== "previous" && compare !== "none") {
    errors.push(`compare: must be previous or none (got ${quote(compare)})`);
  }
  const top = wholeNumber(q, "top", 1, 500, 50, errors);
  return done(
    {
      ...period,
      surveyId,
      interval: interval as PeriodUnit | undefined,
      by: [...new Set(by)],
      compare: compare === "previous",
      top,
      filters: readFilters(q.filter, errors),
    },
    errors,
  );
}

/** An opaque cursor for the comment after which the next page starts. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.answeredAt, cursor.id])).toString("base64url");
}

function decodeCursor(raw: string): Cursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      Number.isSafeInteger(value[0]) &&
      typeof value[1] === "string" &&
      value[1].length <= 64
    ) {
      return { answeredAt: value[0], id: value[1] };
    }
  } catch {
    // reported below
  }
  return undefined;
}

/** Parses the query of `GET /v1/results/comments`. */
export function parseCommentsQuery(q: QueryParams): Parsed<CommentsRequest> {
  const errors: string[] = [];
  const surveyId = surveyOf(q, errors);
  const period = readPeriod(q, errors);
  const limit = wholeNumber(q, "limit", 1, 100, 20, errors);
  let after: Cursor | undefined;
  if (q.cursor) {
    after = decodeCursor(q.cursor);
    if (!after) errors.push(`cursor: is not a cursor this API gave out (got ${quote(q.cursor)})`);
  }
  return done({ ...period, surveyId, limit, after, filters: readFilters(q.filter, errors) }, errors);
}

/** One of `allowed`, or an error line naming them. */
function oneOf<T extends string>(q: QueryParams, name: string, allowed: readonly T[], errors: string[]): T | undefined {
  const raw = q[name];
  if (raw === undefined || raw === "") return undefined;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  errors.push(`${name}: must be one of ${allowed.join(", ")} (got ${quote(raw)})`);
  return undefined;
}

/** Parses the query of `GET /v1/inbox`: a page of answers, as comments are paged, narrowed further. */
export function parseInboxQuery(q: QueryParams): Parsed<InboxRequest> {
  const page = parseCommentsQuery(q);
  const errors = page.ok ? [] : [...page.errors];
  const band = oneOf(q, "band", SCORE_BANDS, errors);
  const comment = oneOf(q, "comment", ["with", "without"] as const, errors);
  const status = oneOf(q, "status", FOLLOW_UP_STATUSES, errors);
  if (!page.ok) return { ok: false, errors };
  return done({ ...page.value, band, comment: comment === undefined ? undefined : comment === "with", status }, errors);
}

/** Parses the query of `GET /v1/results/export.csv`. */
export function parseExportQuery(q: QueryParams): Parsed<ExportRequest> {
  const errors: string[] = [];
  const surveyId = surveyOf(q, errors);
  const period = readPeriod(q, errors);
  return done({ ...period, surveyId, filters: readFilters(q.filter, errors) }, errors);
}

/** Parses the query of `GET /v1/results/surveys`: an optional period to count responses in. */
export function parseSurveysQuery(q: QueryParams): Parsed<PeriodRequest & { counted: boolean }> {
  const errors: string[] = [];
  const period = readPeriod(q, errors);
  return done({ ...period, counted: q.from !== undefined || q.to !== undefined }, errors);
}

/** Why a period holds no time, saying what a missing end defaulted to. */
function emptyPeriod(period: PeriodRequest, until: number): string {
  if (period.from && period.to) return `to: must be after from (got from ${period.from}, to ${period.to})`;
  const end = new Date(until - 1).toISOString().slice(0, 10);
  return `from: must not be after today, where the period ends when to is not given (got from ${period.from}; today ends ${end} in ${period.timeZone})`;
}

/** A period resolved to instants: `[since, until)`. */
export interface ResolvedPeriod {
  since: number;
  until: number;
}

/**
 * Resolves a period: a date means the whole local day (`to` included), a date-time the instant.
 * Without `from`, the period starts the day of `first` (the first answer); without `to`, it ends
 * at the end of today. Returns the error line when `to` is not after `from`.
 */
export function resolvePeriod(period: PeriodRequest, first: number | undefined, now: number): Parsed<ResolvedPeriod> {
  const days = zoneDays(period.timeZone);
  const instant = (v: string, nextDay: boolean) => {
    if (!DATE.test(v)) return Date.parse(v);
    const start = days.startOfDate(v);
    return nextDay
      ? days.startOfDate(new Date(Date.parse(`${v}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10))
      : start;
  };
  const until = period.to ? instant(period.to, true) : days.startOfDay(days.startOfDay(now) + 36 * 3_600_000);
  const since = period.from ? instant(period.from, false) : days.startOfDay(Math.min(first ?? now, until - 1));
  if (until <= since) return { ok: false, errors: [emptyPeriod(period, until)] };
  return { ok: true, value: { since, until } };
}
