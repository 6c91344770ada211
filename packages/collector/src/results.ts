import { countNps, type NpsResult, npsFromCounts } from "@sonde/core";
import type { StoredResponse } from "./store/store.js";

/** One row of the latest answers, as the dashboard lists them. */
export interface LatestAnswer {
  id: string;
  surveyId: string;
  score: number | null;
  comment: string | null;
  path: string;
  locale: string | null;
  createdAt: number;
}

/** What `GET /v1/results` returns. */
export interface ResultsBody {
  surveyId: string | null;
  responses: number;
  nps: NpsResult;
  latest: LatestAnswer[];
}

function npsOf(r: StoredResponse): number | null {
  for (const a of Object.values(r.answers)) if (a.kind === "nps") return a.value;
  return null;
}

function commentOf(r: StoredResponse): string | null {
  for (const a of Object.values(r.answers)) if (a.kind === "open" && a.value.trim()) return a.value;
  return null;
}

/** Scores responses (newest first) into the results body. */
export function summarize(surveyId: string | null, responses: StoredResponse[], latestCount = 20): ResultsBody {
  const scores = responses.map(npsOf).filter((s): s is number => s !== null);
  return {
    surveyId,
    responses: responses.length,
    nps: npsFromCounts(countNps(scores)),
    latest: responses.slice(0, latestCount).map((r) => ({
      id: r.id,
      surveyId: r.surveyId,
      score: npsOf(r),
      comment: commentOf(r),
      path: r.context.url.replace(/^[a-z]+:\/\/[^/]+/i, "") || "/",
      locale: r.context.locale ?? null,
      createdAt: r.createdAt,
    })),
  };
}
