import type { History, SurveyHistory } from "@sonde/core";
import { get, type UseStore, update } from "idb-keyval";
import { getStateStore } from "./store.js";

const KEY = "history";

// Where IndexedDB is missing or failing, the history lives in memory for this page, per store.
const inMemory = new WeakMap<UseStore, History>();

/** The persisted display history that feeds the frequency rules. */
export async function loadHistory(store = getStateStore()): Promise<History> {
  try {
    return (await get<History>(KEY, store)) ?? inMemory.get(store) ?? { surveys: {} };
  } catch {
    return inMemory.get(store) ?? { surveys: {} };
  }
}

/** Records a moment (shown, answered, dismissed) for one survey. */
export async function recordHistory(
  surveyId: string,
  change: (entry: SurveyHistory) => SurveyHistory,
  store = getStateStore(),
): Promise<void> {
  const apply = (old: History | undefined): History => {
    const history = old ?? { surveys: {} };
    return { surveys: { ...history.surveys, [surveyId]: change(history.surveys[surveyId] ?? {}) } };
  };
  try {
    await update<History>(KEY, apply, store);
  } catch {
    inMemory.set(store, apply(inMemory.get(store)));
  }
}
