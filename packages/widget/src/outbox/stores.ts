import { createStore, type UseStore } from "idb-keyval";

const OUTBOX_DB = "sonde-outbox";
let outboxStore: UseStore | undefined;
let deadLetterStore: UseStore | undefined;

/** Sonde's own IndexedDB store of unsent responses, opened on first use. */
export function getOutboxStore(): UseStore {
  outboxStore ??= createStore(OUTBOX_DB, "responses");
  return outboxStore;
}

/**
 * Whether the outbox's database exists, so that a page can tell "nothing waits" without
 * creating it: opening an IndexedDB database creates it, and a page where nobody answers
 * has no use for it. True where the browser cannot list databases.
 */
export async function outboxExists(): Promise<boolean> {
  if (typeof indexedDB.databases !== "function") return true;
  const names = (await indexedDB.databases()).map((db) => db.name);
  return names.includes(OUTBOX_DB);
}

/** Records the endpoint refused for good, or that could not be read, kept for inspection. */
export function getDeadLetterStore(): UseStore {
  deadLetterStore ??= createStore("sonde-dead-letter", "responses");
  return deadLetterStore;
}
