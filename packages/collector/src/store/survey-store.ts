import type { Survey } from "@sonde/core";
import type { Answer, StoreMode } from "./store.js";

/** Where a survey stands: only `active` ones are served to pages. */
export type SurveyStatus = "draft" | "active" | "paused" | "archived";

/** Who saved a version: the admin API, or `--surveys` at start. */
export type VersionSource = "admin" | "file";

/** A stored survey: its current version's definition, status and times. */
export interface StoredSurvey {
  id: string;
  status: SurveyStatus;
  /** Who set the status: the admin API, or `--surveys` at start (a new survey, or one it no longer names). */
  statusBy: VersionSource;
  /** The current version, 1 for the first save; every saved change adds one. */
  version: number;
  createdAt: number;
  updatedAt: number;
  /** Who saved the current version. */
  source: VersionSource;
  definition: Survey;
}

/** One saved version of a survey. */
export interface SurveyVersion {
  surveyId: string;
  version: number;
  source: VersionSource;
  createdAt: number;
  definition: Survey;
}

/**
 * A change made from a version that is no longer the current one (another admin, perhaps through
 * another collector, saved first): nothing was changed. Carries the survey as it is now.
 */
export class VersionConflict extends Error {
  constructor(readonly survey: StoredSurvey) {
    super(`survey "${survey.id}" is at version ${survey.version} now`);
  }
}

/** What saving a definition did. */
export interface SaveResult {
  survey: StoredSurvey;
  /** `created`: a new survey; `changed`: a new version; `unchanged`: the same definition, no new version. */
  outcome: "created" | "changed" | "unchanged";
}

/**
 * Survey definitions with versions and a status, beside the responses (the same database).
 * Reads come from memory, kept in step with every write, so that ingest and `GET /v1/surveys`
 * never wait for a query: they stay synchronous in every mode. Versions and writes may go to the
 * database (async). Definitions must be validated before they are saved: the store keeps what it
 * is given.
 */
export interface SurveyStore<M extends StoreMode = StoreMode> {
  /** Every stored survey, by id. */
  list(): readonly StoredSurvey[];
  get(id: string): StoredSurvey | undefined;
  /** The current version of a survey, for the responses that answer it; undefined when not stored. */
  currentVersion(id: string): number | undefined;
  /** The definitions of active surveys, in the order they were created; the same array until something changes. */
  active(): readonly Survey[];
  /** The current definition of every stored survey, in the order they were created; the same array until something changes. */
  definitions(): readonly Survey[];
  /** Every version of one survey, newest first (empty when unknown). */
  versions(id: string): Answer<M, SurveyVersion[]>;
  /**
   * Saves a definition: a new survey (with `status`, default draft) when its id is unknown, a new
   * version when it differs from the current one, nothing when it is the same. With `ifVersion`,
   * only if the survey is at that version in the database (not only in this copy; 0: only if it
   * does not exist yet): else throws VersionConflict.
   */
  save(
    definition: Survey,
    now: number,
    source: VersionSource,
    status?: SurveyStatus,
    ifVersion?: number,
  ): Answer<M, SaveResult>;
  /**
   * Sets a survey's status (`by` the admin API unless said); undefined when the survey is unknown.
   * With `ifVersion`, as `save`.
   */
  setStatus(
    id: string,
    status: SurveyStatus,
    now: number,
    by?: VersionSource,
    ifVersion?: number,
  ): Answer<M, StoredSurvey | undefined>;
}
