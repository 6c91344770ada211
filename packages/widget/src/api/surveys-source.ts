import { parseSurveys, type Survey } from "@sonde/core";

/** Survey definitions, or the lines that say what is wrong with them. */
export type SurveysResult = { ok: true; surveys: Survey[] } | { ok: false; errors: string[] };

/** Validates survey definitions given inline or fetched. */
export function validateSurveys(input: unknown): SurveysResult {
  const parsed = parseSurveys(input);
  return parsed.ok ? { ok: true, surveys: parsed.value } : { ok: false, errors: parsed.errors };
}

/**
 * Loads definitions from a URL (validate them with `validateSurveys`). `cache: "no-cache"` makes
 * the browser revalidate its cached copy with the ETag (a 304 costs no body) — without a custom
 * header that would need a CORS preflight. Network and HTTP failures throw.
 */
export async function fetchSurveys(url: string): Promise<unknown> {
  const res = await fetch(url, { credentials: "omit", cache: "no-cache" });
  if (!res.ok) throw new Error(`could not load surveys from ${url} (HTTP ${res.status})`);
  return res.json();
}
