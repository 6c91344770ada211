/**
 * Loads definitions from a URL (validate them with core's `checkSurveyOutlines`, then each with
 * `checkSurvey` as it is about to show). `cache: "no-cache"` makes the browser revalidate its
 * cached copy with the ETag (a 304 costs no body) — without a custom header that would need a
 * CORS preflight. Network and HTTP failures throw.
 */
export async function fetchSurveys(url: string): Promise<unknown> {
  const res = await fetch(url, { credentials: "omit", cache: "no-cache" });
  if (!res.ok) throw new Error(`could not load surveys from ${url} (HTTP ${res.status})`);
  return res.json();
}
