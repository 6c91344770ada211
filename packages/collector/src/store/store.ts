import type { SurveyResponse } from "@sonde/core";
import type { AlertOutbox } from "./alert-outbox.js";
import type { FollowUps } from "./follow-ups.js";
import type { ScoredAnswer } from "./scored.js";
import type { SurveyStore } from "./survey-store.js";

/**
 * How a store answers: `sync` (SQLite in this process: better-sqlite3 answers at once) or `async`
 * (PostgreSQL across the network). Code that works with any store takes the default, where each
 * call may return a value or a promise of it, and awaits it. SQLite keeps answering synchronously
 * rather than through a promise because its hot paths (the group commit of ingest, a results
 * query visiting a million rows in the read worker) would otherwise pay a microtask per call and
 * per row for nothing; its own tests and tools hold the `sync` type and use values directly.
 */
export type StoreMode = "sync" | "async";

/** A store call's answer in a mode: the value itself, or (for any store) possibly a promise of it. */
export type Answer<M extends StoreMode, T> = M extends "sync" ? T : T | Promise<T>;

/** What ingesting a batch did. */
export interface IngestResult {
  /** New responses, and known ones replaced by a higher revision. */
  accepted: number;
  /** Responses already stored at the same or a higher revision: nothing changed. */
  duplicates: number;
}

/** A stored response, with the time the collector received it. */
export interface StoredResponse extends SurveyResponse {
  receivedAt: number;
  /** When it was answered, for periods and trends: min(createdAt, receivedAt). */
  answeredAt: number;
  /**
   * The version of its survey in this collector's store when it first arrived (null when the
   * store did not hold the survey). `surveyVersion` is what the page sent: the definition's own
   * `version` field, which the console does not keep.
   */
  storedVersion: number | null;
}

/** Only responses whose device or attribute has this value (attribute values compared as text). */
export type ResponseFilter = { field: "device"; value: string } | { field: "attribute"; name: string; value: string };

/** Which responses to read: one survey (or all), answered in `[since, until)`, optionally filtered. */
/** A read its caller will not wait for past a point. */
export interface ReadDeadline {
  /**
   * When the read must have ended (ms since the epoch). A store whose database can stop a statement
   * in progress stops it there and fails the read (PostgreSQL: `statement_timeout`), so that a read
   * its caller has given up on does not run on in the server; a store in this process may ignore it.
   */
  deadline?: number;
}

export interface ResponseQuery extends ReadDeadline {
  surveyId?: string;
  since?: number;
  until?: number;
  limit?: number;
  filters?: readonly ResponseFilter[];
}

/** Where to resume a newest-first listing: after this response. */
export interface Cursor {
  answeredAt: number;
  id: string;
}

/** A page of a newest-first listing. */
export interface PageQuery extends ResponseQuery {
  limit: number;
  after?: Cursor;
}

/**
 * The scored answers of responses with the context results group by: one response, or (`count` > 1)
 * that many alike in everything here, answered in the same period (see `AnswerQuery.periodStarts`).
 */
export interface ScoredResponseRow {
  /** How many responses the row stands for. */
  count: number;
  /** When it was answered; for a row of responses grouped by period, the start of their period. */
  answeredAt: number;
  path: string;
  locale: string | null;
  /** The respondent's browser language tag. */
  browserLocale: string | null;
  device: string | null;
  /** Only the NPS, CSAT, CES and gap answers, by step id. */
  answers: Record<string, ScoredAnswer>;
  /** The values of the attributes asked for, in order, as text (null when absent). */
  attributes: (string | null)[];
}

/** The responses of one survey in a period, with the named context attributes. */
export interface AnswerQuery extends ReadDeadline {
  surveyId: string;
  since?: number;
  until?: number;
  attributes?: readonly string[];
  filters?: readonly ResponseFilter[];
  /**
   * Where the periods results count in begin (core's `periodStarts`: ascending, the first at or
   * before `since`). A store may then group: responses alike in context and answers, answered in
   * the same period, come as one row with their count, dated at their period's start — so that
   * a million responses cross the network as a few thousand rows. A store may also ignore it.
   */
  periodStarts?: readonly number[];
}

/** How many responses a survey has, and when the first and last were answered. */
export interface SurveyTotals {
  surveyId: string;
  responses: number;
  first: number;
  last: number;
}

/** The answer and attribute fields present in a set of responses (the CSV's columns). */
export interface ResponseFields {
  answers: { stepId: string; kind: string }[];
  attributes: string[];
}

/**
 * Where responses live. SQLite implements it; a PostgreSQL store can follow by implementing the
 * same methods. `ingest` must be atomic per batch, idempotent by response id (the highest
 * revision wins), and return only once the batch is committed.
 */
export interface ResponseStore<M extends StoreMode = StoreMode> {
  ingest(responses: readonly SurveyResponse[], receivedAt: number): Answer<M, IngestResult>;
  /**
   * Several batches in one commit (group commit): each still all-or-nothing on its own — one
   * that fails is rolled back alone and comes back as its error — and the commit is shared.
   */
  ingestBatches(
    batches: readonly (readonly SurveyResponse[])[],
    receivedAt: number,
  ): Answer<M, (IngestResult | Error)[]>;
  /** Responses, newest answered first. */
  responses(query?: ResponseQuery): Answer<M, StoredResponse[]>;
  /** One page of responses, newest first; with `withComment`, only those with written text. */
  page(query: PageQuery & { withComment?: boolean }): Answer<M, StoredResponse[]>;
  count(query?: ResponseQuery): Answer<M, number>;
  /** The scored answers of each response with any, in no particular order, visited one by one. */
  scoredResponses(query: AnswerQuery, visit: (row: ScoredResponseRow) => void): Answer<M, void>;
  /** Every survey with responses. */
  surveyTotals(): Answer<M, SurveyTotals[]>;
  /**
   * Which answer ids and attributes appear in the matching responses; with `answers: false`, only
   * the attributes (the answer ids cost a look into every answer of every response).
   */
  fields(query: ResponseQuery, options?: { answers?: boolean }): Answer<M, ResponseFields>;
  /** The latest stored revision of one response. */
  response(id: string): Answer<M, StoredResponse | undefined>;
  /** The deliveries of the alerts that stored responses fired. */
  outbox: AlertOutbox<M>;
  /** The follow-ups of stored answers, and the inbox's reads. */
  followUps: FollowUps<M>;
  /** The survey definitions, their versions and status (the same file). */
  surveys: SurveyStore<M>;
  close(): Answer<M, void>;
}
