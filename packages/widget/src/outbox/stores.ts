import { createStore, type UseStore } from "idb-keyval";

let outboxStore: UseStore | undefined;
let stateStore: UseStore | undefined;
let deadLetterStore: UseStore | undefined;

/** Sonde's own IndexedDB store of unsent responses, opened on first use. */
export function getOutboxStore(): UseStore {
  outboxStore ??= createStore("sonde-outbox", "responses");
  return outboxStore;
}

/** Sonde's own IndexedDB store of identity and display history, opened on first use. */
export function getStateStore(): UseStore {
  stateStore ??= createStore("sonde-state", "state");
  return stateStore;
}

/** Records the endpoint refused for good, or that could not be read, kept for inspection. */
export function getDeadLetterStore(): UseStore {
  deadLetterStore ??= createStore("sonde-dead-letter", "responses");
  return deadLetterStore;
}
