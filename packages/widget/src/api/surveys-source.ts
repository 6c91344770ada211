/**
 * Loads definitions from a URL. `cache: "no-cache"` makes the browser revalidate its cached copy
 * with the ETag (a 304 costs no body) — without a custom header that would need a CORS
 * preflight. Network and HTTP failures, and a body that is not JSON, throw.
 */
export async function fetchSurveys(url: string, fetcher: typeof fetch = fetch): Promise<unknown> {
  const res = await fetcher(url, { credentials: "omit", cache: "no-cache" });
  if (!res.ok) throw new Error(`could not load surveys from ${url} (HTTP ${res.status})`);
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`the surveys at ${url} are not JSON (${(error as Error).message})`);
  }
}
