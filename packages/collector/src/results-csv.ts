import type { Answer, Survey } from "@sonde/core";
import type { ResolvedPeriod } from "./results-query.js";
import type { Cursor, ResponseFields, ResponseFilter, ResponseStore, StoredResponse } from "./store/store.js";
import { pathOf } from "./store/url-path.js";

/** A value of one CSV cell: text, a number, or nothing. */
type Cell = string | number | boolean | null | undefined;

// A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1+1`, `@SUM(…)`): people type
// anything into a comment box. A leading apostrophe makes it plain text (OWASP "CSV injection").
const FORMULA = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, ending in CRLF. */
export function csvRow(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

// Times a client sent may lie outside what Date can show; such a cell keeps the raw number.
const time = (ms: number): Cell => (Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : ms);

const FIXED = [
  "id",
  "survey_id",
  "survey_version",
  "revision",
  "completed",
  "answered_at",
  "created_at",
  "updated_at",
  "received_at",
  "anonymous_id",
  "user_id",
  "url",
  "path",
  "locale",
  "browser_locale",
  "device",
] as const;

/** The columns an answer of this kind fills. */
function answerColumns(stepId: string, kind: string): string[] {
  if (kind === "gap") return [`${stepId}.expected`, `${stepId}.experienced`];
  if (kind === "single" || kind === "multiple") return [stepId, `${stepId}.other`];
  return [stepId];
}

function answerCells(answer: Answer | undefined, kind: string): Cell[] {
  const width = kind === "gap" || kind === "single" || kind === "multiple" ? 2 : 1;
  if (!answer || answer.kind !== kind) return new Array(width).fill(null);
  switch (answer.kind) {
    case "gap":
      return [answer.expected, answer.experienced];
    case "single":
      return [answer.value, answer.other];
    case "multiple":
      return [answer.value.join("; "), answer.other];
    default:
      return [answer.value];
  }
}

/** Answer columns in the order the survey asks them (others after, as first seen). */
function inStepOrder(fields: ResponseFields, survey: Survey | undefined): ResponseFields {
  const order = survey?.steps.map((s) => s.id) ?? [];
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return { ...fields, answers: [...fields.answers].sort((a, b) => rank(a.stepId) - rank(b.stepId)) };
}

/** The header line for these fields. */
function header(fields: ResponseFields): string {
  return csvRow([
    ...FIXED,
    ...fields.answers.flatMap((a) => answerColumns(a.stepId, a.kind)),
    ...fields.attributes.map((name) => `attr.${name}`),
  ]);
}

function line(r: StoredResponse, fields: ResponseFields): string {
  const attributes = r.context.attributes ?? {};
  return csvRow([
    r.id,
    r.surveyId,
    // The store's version when it arrived; else the definition's own version, as the page sent it.
    r.storedVersion ?? r.surveyVersion,
    r.revision,
    r.completed,
    time(r.answeredAt),
    time(r.createdAt),
    time(r.updatedAt),
    time(r.receivedAt),
    r.anonymousId,
    r.userId,
    r.context.url,
    pathOf(r.context.url),
    r.context.locale,
    r.context.browserLocale,
    r.context.device,
    ...fields.answers.flatMap((a) => answerCells(r.answers[a.stepId], a.kind)),
    ...fields.attributes.map((name) => (Object.hasOwn(attributes, name) ? attributes[name] : null)),
  ]);
}

/**
 * Raw responses as CSV, UTF-8 with a byte-order mark (so spreadsheets read ø, я and 中 right),
 * newest first, one column per answer field. Reads the store a page at a time, so that a large
 * export neither holds everything in memory nor keeps the database busy between pages (a page of
 * the largest responses the wire format allows is ~2 MB). `columns`, when given, are the fields
 * already read elsewhere (the read worker reads them: over a large period that takes seconds).
 */
export function exportCsv(
  store: ResponseStore,
  query: { surveyId: string | undefined; filters?: readonly ResponseFilter[] } & ResolvedPeriod,
  surveys: readonly Survey[] = [],
  pageSize = 50,
  columns?: ResponseFields,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let fields: ResponseFields | undefined;
  let after: Cursor | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!fields) {
        fields = inStepOrder(
          columns ?? (await store.fields(query)),
          surveys.find((s) => s.id === query.surveyId),
        );
        controller.enqueue(encoder.encode(`\uFEFF${header(fields)}`));
        return;
      }
      const rows = await store.page({ ...query, limit: pageSize, after });
      if (rows.length) controller.enqueue(encoder.encode(rows.map((r) => line(r, fields!)).join("")));
      const last = rows.at(-1);
      if (rows.length < pageSize || !last) controller.close();
      else after = { answeredAt: last.answeredAt, id: last.id };
    },
  });
}
