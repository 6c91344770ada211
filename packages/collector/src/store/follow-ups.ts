import type { Answer, PageQuery, StoredResponse, StoreMode } from "./store.js";

/** Where a team stands with one answer: nobody has acted yet, someone reached out, it is settled. */
export const FOLLOW_UP_STATUSES = ["new", "contacted", "resolved"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/**
 * Answers by how they scored, across kinds: NPS categories, or `unhappy` / `happy` — an NPS
 * detractor / promoter, CSAT 1–2 / 4–5, CES 1–3 / 5–7 (agreement that it was easy), or an
 * experience below / above the expectation.
 */
export const SCORE_BANDS = ["detractor", "passive", "promoter", "unhappy", "happy"] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

/** One change of an answer's follow-up, as it was recorded. */
export interface FollowUpEntry {
  status: FollowUpStatus;
  note: string | null;
  at: number;
}

/** Which answers the inbox lists: a page of responses, narrowed further. */
export interface InboxQuery extends PageQuery {
  band?: ScoreBand;
  /** Only answers with (true) or without (false) a written comment. */
  comment?: boolean;
  status?: FollowUpStatus;
}

/** A response in the inbox, with where its follow-up stands. */
export interface InboxResponse extends StoredResponse {
  followUp: FollowUpStatus;
}

/** How a period's NPS detractors were followed up. */
export interface FollowUpStats {
  detractors: number;
  /** Detractors whose follow-up left `new` (contacted or resolved). */
  followedUp: number;
  /** Milliseconds from the answer to its first follow-up, over those followed up; null when none. */
  medianToFirst: number | null;
  /** Answers of the period marked contacted and not yet resolved. */
  open: number;
}

/** The follow-ups of stored answers: a history per answer, and the inbox's reads. */
export interface FollowUps<M extends StoreMode = StoreMode> {
  /** Records a status (and note) for a stored response; false when no response has that id. */
  record(responseId: string, entry: FollowUpEntry): Answer<M, boolean>;
  /** Every change of one answer's follow-up, oldest first. */
  history(responseId: string): Answer<M, FollowUpEntry[]>;
  /** One stored response with its follow-up status. */
  get(responseId: string): Answer<M, InboxResponse | undefined>;
  /** A page of the inbox, newest first. */
  inbox(query: InboxQuery): Answer<M, InboxResponse[]>;
  /** The answers the same person gave before this one (by user id, else anonymous id), newest first. */
  earlier(response: StoredResponse, limit: number): Answer<M, InboxResponse[]>;
  /** A period's follow-up figures for one survey. */
  stats(query: Omit<PageQuery, "limit" | "after">): Answer<M, FollowUpStats>;
  /** Answers marked contacted and not yet resolved, by survey. */
  openBySurvey(): Answer<M, Map<string, number>>;
}
