import type { SurveyResponse } from "@sonde/core";

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
}

/** Which responses to read. */
export interface ResponseQuery {
  surveyId?: string;
  since?: number;
  until?: number;
  limit?: number;
}

/**
 * Where responses live. SQLite implements it; a PostgreSQL store can follow by implementing
 * the same four methods. `ingest` must be atomic per batch and idempotent by response id.
 */
export interface ResponseStore {
  ingest(responses: readonly SurveyResponse[], receivedAt: number): IngestResult;
  responses(query?: ResponseQuery): StoredResponse[];
  count(surveyId?: string): number;
  close(): void;
}
