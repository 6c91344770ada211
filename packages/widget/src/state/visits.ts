import { update } from "idb-keyval";
import { getStateStore } from "./store.js";

/** A visit ends after this long without a page view. */
const VISIT_GAP_MS = 30 * 60 * 1000;

export interface Visits {
  visits: number;
  firstSeenAt: number;
  lastSeenAt: number;
}

/** Counts this page view into the person's visits (a new visit after 30 idle minutes); returns the totals. */
export async function countVisit(now: number, store = getStateStore()): Promise<Visits> {
  let result: Visits = { visits: 1, firstSeenAt: now, lastSeenAt: now };
  // Where IndexedDB fails, this is the first visit as far as anyone can tell.
  try {
    await update<Visits>(
      "visits",
      (old) => {
        result = old
          ? {
              visits: old.visits + (now - old.lastSeenAt > VISIT_GAP_MS ? 1 : 0),
              firstSeenAt: old.firstSeenAt,
              lastSeenAt: now,
            }
          : result;
        return result;
      },
      store,
    );
  } catch {
    // IndexedDB unavailable: the value above lives in memory for this page.
  }
  return result;
}
