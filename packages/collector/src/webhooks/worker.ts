import { alertReasons } from "@sonde/core";
import type { AlertRules } from "../alerts/alert-rules.js";
import { responseLink } from "../alerts/response-link.js";
import type { AlertDelivery, AlertOutbox } from "../store/alert-outbox.js";
import type { StoredResponse } from "../store/store.js";
import { alertPayload } from "./payload.js";
import type { PostWebhook } from "./post.js";
import { DEFAULT_RETRY, nextAttempt, type RetrySchedule } from "./retry-schedule.js";
import { type SigningKey, signatureHeaders, webhookId } from "./signing.js";
import { slackMessage } from "./slack.js";

/** What the webhook worker works with; everything it touches is given, so that tests can stand in. */
export interface WebhookWorkerOptions {
  outbox: AlertOutbox;
  /** The latest stored revision of a response. */
  responses: { response(id: string): StoredResponse | undefined | Promise<StoredResponse | undefined> };
  rules: Pick<AlertRules, "find">;
  post: PostWebhook;
  /** Keys to sign with (none: unsigned, as a Slack-only collector may run). */
  keys: readonly SigningKey[];
  /** The collector's address as people reach it, for the link to the answer. */
  publicUrl: string;
  /** How long an attempt may take; an attempt cut short by a crash is retried after it. */
  timeoutMs: number;
  retry?: RetrySchedule;
  /** Attempts in flight at once (default 4). */
  concurrency?: number;
  /** How often to look for due deliveries when idle (default 1 s). */
  pollMs?: number;
  now?: () => number;
  random?: () => number;
  /** Told about each failed attempt and each delivery given up; never about keys or URL paths. */
  log?: (line: string) => void;
}

/** A running webhook worker. */
export interface WebhookWorker {
  /** Leases what is due and makes those attempts; resolves once they are all recorded. */
  runOnce(): Promise<number>;
  /** Polls from now on; attempts run in the background, never in the way of ingest. */
  start(): void;
  /** Stops polling; resolves once the attempts in flight are recorded (cut ones are due again at once). */
  stop(): Promise<void>;
}

const USER_AGENT = "Sonde-Webhooks/1";
// Beyond the attempt's own timeout, before a leased delivery is taken as abandoned.
const LEASE_MARGIN_MS = 5_000;

/** An error as one line, without anything but the host of the target. */
const oneLine = (text: string, max = 300) => text.replace(/\s+/g, " ").trim().slice(0, max);

const seconds = (ms: number) => `${ms < 10_000 ? (ms / 1000).toFixed(1) : Math.round(ms / 1000)} s`;

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return "an invalid URL";
  }
};

/**
 * The worker that delivers alerts: leases due rows from the outbox, builds each body from the
 * latest stored revision, signs it per Standard Webhooks, posts it, and records the outcome —
 * delivered, retried later with backoff and jitter, or given up (dead) once the window is over.
 * At least once: an attempt whose outcome was not recorded (a crash) is made again, with the same
 * `webhook-id`, so that receivers can drop the duplicate.
 */
export function webhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { outbox, rules, post, keys, timeoutMs } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const retry = options.retry ?? DEFAULT_RETRY;
  const concurrency = options.concurrency ?? 4;
  const pollMs = options.pollMs ?? 1000;
  const log = options.log ?? (() => {});
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let stopped = false;

  const fail = async (d: AlertDelivery, url: string, status: number | null, error: string, giveUp: boolean) => {
    const at = now();
    // Cut short by a stop: due again as soon as the collector is back, and not worth a warning.
    if (stopped) return outbox.failed(d.id, { at, status, error: "interrupted: the collector stopped" }, at);
    const retryAt = giveUp ? null : nextAttempt(retry, d.attempts, d.createdAt, at, random);
    await outbox.failed(d.id, { at, status, error }, retryAt);
    const what = `webhook ${webhookId(d.responseId, d.alertId)} (alert "${d.alertId}" of ${d.surveyId}, to ${hostOf(url)})`;
    log(
      retryAt === null
        ? `${what} given up after ${d.attempts} attempt(s): ${error}`
        : `${what} attempt ${d.attempts} failed: ${error}; next in ${seconds(retryAt - at)}`,
    );
  };

  const attempt = async (d: AlertDelivery): Promise<void> => {
    const at = now();
    const found = rules.find(d.surveyId, d.alertId);
    if (!found)
      return outbox.close(d.id, "dead", at, `alert "${d.alertId}" is no longer defined in survey "${d.surveyId}"`);
    const response = await options.responses.response(d.responseId);
    if (!response) return outbox.close(d.id, "dead", at, "the response is no longer stored");
    const { survey, alert } = found;
    let reasons = alertReasons(alert, { answers: response.answers, attributes: response.context.attributes });
    if (!reasons) {
      // The person changed an answer before the first attempt: nobody has been told, so nobody is.
      if (d.attempts === 1)
        return outbox.close(d.id, "cancelled", at, "the latest answers no longer pass the conditions");
      reasons = [];
    }
    const event = { survey, alert, response, reasons, link: responseLink(options.publicUrl, response.id), at };
    const body = JSON.stringify(alert.webhook.format === "slack" ? slackMessage(event) : alertPayload(event));
    const headers = {
      "content-type": "application/json",
      "user-agent": USER_AGENT,
      ...signatureHeaders(keys, webhookId(d.responseId, d.alertId), Math.floor(at / 1000), body),
    };
    const url = alert.webhook.url;
    let result: Awaited<ReturnType<PostWebhook>>;
    try {
      result = await post(url, headers, body);
    } catch (error) {
      return fail(d, url, null, oneLine((error as Error).message || String(error)), false);
    }
    if (result.status >= 200 && result.status < 300)
      return outbox.delivered(d.id, { at: now(), status: result.status });
    const detail = result.status >= 300 && result.status < 400 ? " (redirects are not followed)" : "";
    const text = result.text ? `: ${oneLine(result.text, 200)}` : "";
    // 410 Gone: the receiver says it will never take this again.
    return fail(d, url, result.status, `HTTP ${result.status}${detail}${text}`, result.status === 410);
  };

  const runOnce = async (): Promise<number> => {
    const free = concurrency - inFlight.size;
    if (free <= 0) return 0;
    const at = now();
    let leased: AlertDelivery[];
    try {
      leased = await outbox.lease(at, at + timeoutMs + LEASE_MARGIN_MS, free);
    } catch (error) {
      // A busy or full database: the rows wait for the next poll.
      log(`webhook outbox unavailable: ${oneLine((error as Error).message)}`);
      return 0;
    }
    const runs = leased.map((d) => {
      const run = attempt(d)
        .catch((error) => log(`webhook attempt could not be recorded: ${oneLine((error as Error).message)}`))
        .finally(() => {
          inFlight.delete(run);
          // A full lease may have left more due rows behind: look again at once.
          if (running && leased.length === free) setImmediate(tick);
        });
      inFlight.add(run);
      return run;
    });
    await Promise.all(runs);
    return leased.length;
  };

  const tick = () => {
    if (!running) return;
    clearTimeout(timer);
    void runOnce();
    timer = setTimeout(tick, pollMs);
    timer.unref();
  };

  return {
    runOnce,
    start() {
      running = true;
      tick();
    },
    async stop() {
      running = false;
      stopped = true;
      clearTimeout(timer);
      await Promise.all(inFlight);
    },
  };
}
