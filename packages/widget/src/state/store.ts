import { createStore, type UseStore } from "idb-keyval";

let stateStore: UseStore | undefined;

/** Sonde's own IndexedDB store of what it remembers of the person (identity, history, visits), opened on first use. */
export function getStateStore(): UseStore {
  stateStore ??= createStore("sonde-state", "state");
  return stateStore;
}
