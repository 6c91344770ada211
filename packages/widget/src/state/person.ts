import type { History, SurveyHistory } from "@sonde/core";
import { randomId } from "./random-id.js";

/** The person's visits: a new one after 30 minutes without a page view. */
export interface Visits {
  visits: number;
  firstSeenAt: number;
  lastSeenAt: number;
}

/** What Sonde remembers of the person on this browser; where storage fails, it lives in memory for the page. */
export interface PersonState {
  loadHistory(): Promise<History>;
  recordHistory(surveyId: string, change: (entry: SurveyHistory) => SurveyHistory): Promise<void>;
  anonymousId(): Promise<string>;
  newAnonymousId(): Promise<string>;
  readOptOut(): Promise<boolean>;
  writeOptOut(value: boolean): Promise<void>;
  countVisit(now: number): Promise<Visits>;
}

/** Everything in one record: small, read at once. */
interface Stored {
  anonymousId?: string;
  optedOut?: boolean;
  history?: History;
  visits?: Visits;
}

const KEY = "sonde-state";
/** A visit ends after this long without a page view. */
const VISIT_GAP_MS = 30 * 60 * 1000;

/**
 * The person's state in localStorage under `sonde-state`, read when first needed (never at
 * import). It is a few hundred bytes read once per page: IndexedDB, which the outbox keeps,
 * would cost a page opening (and on a first visit creating) a database before anything is due.
 * Where localStorage is missing, full or blocked, the state lives in memory for the page.
 */
export function storedPersonState(storage: () => Storage = () => localStorage): PersonState {
  // Set once storage failed: from then on the page keeps the state here.
  let memory: Stored | undefined;
  const read = (): Stored => {
    if (memory) return memory;
    try {
      const parsed: unknown = JSON.parse(storage().getItem(KEY) ?? "{}");
      return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Stored) : {};
    } catch {
      memory = {};
      return memory;
    }
  };
  const write = (change: (s: Stored) => Stored): Stored => {
    const next = change(read());
    if (memory) memory = next;
    else
      try {
        storage().setItem(KEY, JSON.stringify(next));
      } catch {
        memory = next;
      }
    return next;
  };
  const history = (s: Stored): History =>
    s.history && typeof s.history.surveys === "object" ? s.history : { surveys: {} };
  const newId = async () => write((s) => ({ ...s, anonymousId: randomId() })).anonymousId!;
  return {
    loadHistory: async () => history(read()),
    async recordHistory(surveyId, change) {
      write((s) => {
        const { surveys } = history(s);
        const entry = Object.hasOwn(surveys, surveyId) ? surveys[surveyId]! : {};
        return { ...s, history: { surveys: { ...surveys, [surveyId]: change(entry) } } };
      });
    },
    anonymousId: async () => {
      const id = read().anonymousId;
      return typeof id === "string" && id ? id : newId();
    },
    newAnonymousId: newId,
    readOptOut: async () => read().optedOut === true,
    async writeOptOut(value) {
      write((s) => ({ ...s, optedOut: value }));
    },
    async countVisit(now) {
      return write((s) => {
        const old = s.visits;
        const visits: Visits = old
          ? {
              visits: old.visits + (now - old.lastSeenAt > VISIT_GAP_MS ? 1 : 0),
              firstSeenAt: old.firstSeenAt,
              lastSeenAt: now,
            }
          : { visits: 1, firstSeenAt: now, lastSeenAt: now };
        return { ...s, visits };
      }).visits!;
    },
  };
}
