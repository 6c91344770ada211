import { createStore, type UseStore } from "idb-keyval";

let deadLetterStore: UseStore | undefined;

/** Records the endpoint refused for good, or that could not be read, kept for inspection. */
export function getDeadLetterStore(): UseStore {
  deadLetterStore ??= createStore("sonde-dead-letter", "responses");
  return deadLetterStore;
}
