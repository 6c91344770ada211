import type { SurveyResponse } from "@sonde/core";
import type { Answer, StoreMode } from "./store.js";

/**
 * Where a delivery stands: `pending` (due at `dueAt`, or being attempted), `delivered`,
 * `dead` (given up: retries ran out or cannot succeed; `lastError` says why) or `cancelled`
 * (the response no longer passes the alert's conditions when its first attempt came).
 */
export type DeliveryStatus = "pending" | "delivered" | "dead" | "cancelled";

/** One alert a response fired, and the state of its webhook's delivery. */
export interface AlertDelivery {
  id: number;
  responseId: string;
  surveyId: string;
  alertId: string;
  status: DeliveryStatus;
  /** When the alert fired: the time the collector stored the revision that passed its conditions. */
  createdAt: number;
  /** When the next attempt is due (pending), or when the last one was leased until. */
  dueAt: number;
  attempts: number;
  lastAttemptAt: number | null;
  /** The HTTP status of the last attempt, null when it got no answer. */
  lastStatus: number | null;
  /** Why the last attempt failed, or why the delivery was given up or cancelled. */
  lastError: string | null;
  /** When it was delivered, given up or cancelled. */
  doneAt: number | null;
}

/** An alert a response fires as it is stored, and when its first attempt is due. */
export interface Firing {
  alertId: string;
  dueAt: number;
}

/** Which alerts a stored response fires; called inside the ingest transaction, once per stored revision. */
export type FiringRule = (response: SurveyResponse, receivedAt: number) => readonly Firing[];

/** Which deliveries to list: newest first, optionally by status, survey or response, after a cursor. */
export interface DeliveryQuery {
  status?: DeliveryStatus;
  surveyId?: string;
  responseId?: string;
  /** Only deliveries with a smaller id (the last id of the previous page). */
  before?: number;
  limit: number;
}

/** What an attempt came to, for the outbox to record. */
export interface AttemptOutcome {
  at: number;
  /** The HTTP status, or null when no answer came (refused, timed out, blocked). */
  status: number | null;
  error: string;
}

/**
 * The alerts' outbox. Rows are written by the store's ingest, in the transaction of the answer
 * they belong to, once per (response, alert): a later revision or a repeated batch never adds a
 * second. The webhook worker leases due rows, then records each attempt.
 */
export interface AlertOutbox<M extends StoreMode = StoreMode> {
  /**
   * Leases up to `limit` pending deliveries due at `now`, oldest due first: counts the attempt
   * and moves `dueAt` to `leaseUntil`, so that an attempt cut short by a crash is retried then.
   */
  lease(now: number, leaseUntil: number, limit: number): Answer<M, AlertDelivery[]>;
  /** Records a successful attempt. */
  delivered(id: number, outcome: Omit<AttemptOutcome, "error">): Answer<M, void>;
  /** Records a failed attempt: due again at `retryAt`, or given up (`dead`) when it is null. */
  failed(id: number, outcome: AttemptOutcome, retryAt: number | null): Answer<M, void>;
  /** Gives up without an attempt, saying why (`dead`), or cancels (`cancelled`). */
  close(id: number, status: "dead" | "cancelled", at: number, why: string): Answer<M, void>;
  /** Deliveries newest first. */
  list(query: DeliveryQuery): Answer<M, AlertDelivery[]>;
  /** How many deliveries are in each status. */
  counts(): Answer<M, Record<DeliveryStatus, number>>;
}
