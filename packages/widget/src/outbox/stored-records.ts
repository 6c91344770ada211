import type { SurveyResponse } from "@sonde/core";
import { delMany, entries, promisifyRequest, setMany, type UseStore } from "idb-keyval";

// The outbox's records live in IndexedDB; when IndexedDB fails, in `memory` (this page only).

/** Every record waiting, as [key, value] pairs not yet checked: IndexedDB's, then memory's. */
export async function readRecords(
  store: UseStore,
  memory: ReadonlyMap<string, SurveyResponse>,
): Promise<{ stored: [IDBValidKey, unknown][]; failure?: unknown }> {
  try {
    return { stored: [...(await entries<IDBValidKey, unknown>(store)), ...memory] };
  } catch (failure) {
    return { stored: [...memory], failure };
  }
}

/**
 * Removes records that were delivered (or dropped), each only if its stored revision is still the
 * one handled — in one transaction, so a newer revision written meanwhile by any tab stays.
 */
export async function removeHandled(
  store: UseStore,
  memory: Map<string, SurveyResponse>,
  handled: readonly SurveyResponse[],
): Promise<void> {
  for (const r of handled) if (memory.get(r.id)?.revision === r.revision) memory.delete(r.id);
  try {
    await store("readwrite", (records) => {
      for (const r of handled) {
        const read = records.get(r.id);
        read.onsuccess = () => {
          if ((read.result as SurveyResponse | undefined)?.revision === r.revision) records.delete(r.id);
        };
      }
      return promisifyRequest(records.transaction);
    });
  } catch {
    // IndexedDB failed: the records stay and go again; the collector keeps one row per id.
  }
}

/** Removes records by key, whatever they hold (corrupt ones). */
export async function removeKeys(
  store: UseStore,
  memory: Map<string, SurveyResponse>,
  keys: readonly IDBValidKey[],
): Promise<void> {
  for (const key of keys) memory.delete(key as string);
  try {
    await delMany([...keys], store);
  } catch {
    // IndexedDB failed: they are skipped again at the next flush.
  }
}

/** One record the endpoint refused for good, or that could not be read, as the dead-letter store keeps it. */
export interface DeadLetter {
  record: unknown;
  /** The HTTP status that refused it; 0 when it never left (unreadable). */
  status: number;
  message: string;
  at: number;
}

/** The most dead letters kept; the oldest go first. */
const MAX_DEAD_LETTERS = 100;

/** Keeps records that will never be accepted, for inspection, without letting them pile up. */
export async function moveToDeadLetter(
  letters: readonly [IDBValidKey, DeadLetter][],
  deadLetterStore: UseStore,
): Promise<void> {
  try {
    await setMany([...letters], deadLetterStore);
    const all = await entries<IDBValidKey, DeadLetter>(deadLetterStore);
    if (all.length <= MAX_DEAD_LETTERS) return;
    all.sort(([, a], [, b]) => (a?.at ?? 0) - (b?.at ?? 0));
    await delMany(
      all.slice(0, all.length - MAX_DEAD_LETTERS).map(([key]) => key),
      deadLetterStore,
    );
  } catch {
    // Keeping a copy is a courtesy; the report to the host already went out.
  }
}
