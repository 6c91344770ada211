import type { History, SurveyHistory } from "@sonde/core";
import { loadHistory, recordHistory } from "./history.js";
import { anonymousId, newAnonymousId, readOptOut, writeOptOut } from "./identity.js";
import { countVisit, type Visits } from "./visits.js";

/** What Sonde remembers of the person on this browser; each method falls back to memory where storage fails. */
export interface PersonState {
  loadHistory(): Promise<History>;
  recordHistory(surveyId: string, change: (entry: SurveyHistory) => SurveyHistory): Promise<void>;
  anonymousId(): Promise<string>;
  newAnonymousId(): Promise<string>;
  readOptOut(): Promise<boolean>;
  writeOptOut(value: boolean): Promise<void>;
  countVisit(now: number): Promise<Visits>;
}

/** The person's state in Sonde's own IndexedDB database, opened on first use. */
export const storedPersonState = (): PersonState => ({
  loadHistory: () => loadHistory(),
  recordHistory: (id, change) => recordHistory(id, change),
  anonymousId: () => anonymousId(),
  newAnonymousId: () => newAnonymousId(),
  readOptOut: () => readOptOut(),
  writeOptOut: (value) => writeOptOut(value),
  countVisit: (now) => countVisit(now),
});
