import type { Survey } from "@sonde/core";
import type { SurveyListItem } from "./api.js";
import type { ResponseStore } from "./store/store.js";

/** A results request that cannot be answered: the HTTP status and the lines saying why. */
export interface ResultsError {
  ok: false;
  /** 400 a bad or too large query, 404 an unknown survey, 503 out of time or busy. */
  status: 400 | 404 | 503;
  errors: string[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The surveys results can be asked for: the served definitions first, then the ids that only have
 * answers (`known: false`). With a period, `responses` counts those answered in it.
 */
export async function surveyList(
  store: ResponseStore,
  surveys: readonly Survey[],
  period?: { since: number; until: number },
): Promise<SurveyListItem[]> {
  const totals = new Map((await store.surveyTotals()).map((t) => [t.surveyId, t]));
  const open = await store.followUps.openBySurvey();
  const item = async (id: string, name: string | null, known: boolean): Promise<SurveyListItem> => {
    const t = totals.get(id);
    return {
      id,
      name,
      known,
      responses: t && period ? await store.count({ surveyId: id, ...period }) : (t?.responses ?? 0),
      first: t ? iso(t.first) : null,
      last: t ? iso(t.last) : null,
      openFollowUps: open.get(id) ?? 0,
    };
  };
  const ids = new Set(surveys.map((s) => s.id));
  const out: SurveyListItem[] = [];
  for (const s of surveys) out.push(await item(s.id, s.name ?? null, true));
  for (const id of totals.keys()) if (!ids.has(id)) out.push(await item(id, null, false));
  return out;
}

/** The survey asked for (or the first one), or a 404 listing the known ones. */
export function pickSurvey(
  list: SurveyListItem[],
  surveyId: string | undefined,
): { ok: true; value: SurveyListItem } | ResultsError {
  const found = surveyId === undefined ? list[0] : list.find((s) => s.id === surveyId);
  if (found) return { ok: true, value: found };
  const known = list.length ? `; known surveys: ${list.map((s) => s.id).join(", ")}` : "; there are no surveys yet";
  return {
    ok: false,
    status: 404,
    errors: [surveyId === undefined ? `survey: no survey to show${known}` : `survey: no survey "${surveyId}"${known}`],
  };
}
