// HTTP to the endpoint. Nothing here throws: every outcome is a result the caller can act on.

/** What one attempt came to. `status` is 0 for a network error or a timeout. */
export interface Attempt {
  ok: boolean;
  status: number;
  /** The endpoint's own message (its `error` and `issues`), or what went wrong on the way. */
  message: string;
  retryAfter: string | null;
}

/**
 * POSTs a JSON body. An endpoint on another origin gets an ordinary CORS request (with its
 * preflight, for `application/json`). Gives up after `timeoutMs`.
 */
export async function postBatch(endpoint: string, body: string, timeoutMs: number): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      credentials: "omit",
      signal: controller.signal,
    });
    return await readAttempt(res);
  } catch (error) {
    const message = controller.signal.aborted ? `no answer within ${timeoutMs} ms` : `network error (${error})`;
    return { ok: false, status: 0, message: `could not reach ${endpoint}: ${message}`, retryAfter: null };
  } finally {
    clearTimeout(timer);
  }
}

/** Whether this browser can send a request that outlives the page (`fetch` with `keepalive`). */
export function canKeepalive(): boolean {
  return typeof Request === "function" && "keepalive" in Request.prototype;
}

/**
 * Sends a body while the page goes away: a keepalive `fetch` with a `text/plain` body — a simple
 * request, so an endpoint on another origin needs no CORS preflight — or `sendBeacon` where
 * keepalive is missing or refused. `response` is there when the page may still learn the outcome.
 */
export function sendOnUnload(endpoint: string, body: string): { sent: boolean; response?: Promise<Attempt> } {
  if (canKeepalive()) {
    try {
      // No content-type header: a string body goes as text/plain;charset=UTF-8, which the collector accepts.
      const request = fetch(endpoint, { method: "POST", body, keepalive: true, credentials: "omit", mode: "cors" });
      return {
        sent: true,
        response: request.then(readAttempt, (error: unknown) => ({
          ok: false,
          status: 0,
          message: `could not reach ${endpoint}: network error (${error})`,
          retryAfter: null,
        })),
      };
    } catch {
      // Refused synchronously (over the keepalive quota, or no keepalive here): try a beacon.
    }
  }
  try {
    return { sent: navigator.sendBeacon(endpoint, body) };
  } catch {
    return { sent: false };
  }
}

async function readAttempt(res: Response): Promise<Attempt> {
  // The status decides; a body lost after a 2xx status line does not undo the delivery.
  const text = await res.text().catch(() => "");
  return {
    ok: res.ok,
    status: res.status,
    message: res.ok ? "" : describeRefusal(res.status, text),
    retryAfter: res.headers.get("retry-after"),
  };
}

/** `HTTP 400: invalid batch (responses[0].revision: must be …)` from the endpoint's JSON error. */
export function describeRefusal(status: number, text: string): string {
  let detail = text.trim();
  try {
    const json = JSON.parse(text) as { error?: unknown; issues?: unknown };
    if (typeof json.error === "string") {
      detail = json.error;
      if (Array.isArray(json.issues) && json.issues.length) detail += ` (${json.issues.slice(0, 5).join("; ")})`;
    }
  } catch {
    // Not JSON: the text itself is the message.
  }
  detail = detail.length > 500 ? `${detail.slice(0, 497)}...` : detail;
  return `the endpoint answered HTTP ${status}${detail ? `: ${detail}` : ""}`;
}
