import type { History, SurveyHistory } from "@sonde/core";
import { get, update } from "idb-keyval";
import { getStateStore } from "./stores.js";

const KEY = "history";

/** The persisted display history that feeds the frequency rules. */
export async function loadHistory(store = getStateStore()): Promise<History> {
  return (await get<History>(KEY, store)) ?? { surveys: {} };
}

/** Records a moment (shown, answered, dismissed) for one survey. */
export async function recordHistory(
  surveyId: string,
  change: (entry: SurveyHistory) => SurveyHistory,
  store = getStateStore(),
): Promise<void> {
  await update<History>(
    KEY,
    (old) => {
      const history = old ?? { surveys: {} };
      return { surveys: { ...history.surveys, [surveyId]: change(history.surveys[surveyId] ?? {}) } };
    },
    store,
  );
}
