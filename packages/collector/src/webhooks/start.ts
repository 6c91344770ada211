import type { Survey } from "@sonde/core";
import type { AlertRules } from "../alerts/alert-rules.js";
import type { ResponseStore } from "../store/store.js";
import { type Resolve, webhookPoster } from "./post.js";
import { DEFAULT_RETRY, type RetrySchedule } from "./retry-schedule.js";
import { parseSigningSecret, type SigningKey } from "./signing.js";
import { type WebhookWorker, webhookWorker } from "./worker.js";

/** How a collector delivers its alerts' webhooks. */
export interface WebhookOptions {
  /**
   * Signing secrets in the Standard Webhooks form (`whsec_…`); every attempt is signed with each,
   * so that a receiver keeps verifying while the secret is rotated. Needed by standard-format alerts.
   */
  secrets?: readonly string[];
  /** Lets webhooks reach loopback, private and link-local addresses (default false). */
  allowPrivate?: boolean;
  /** The collector's address as people reach it, for links to answers (default: the address it listens on). */
  publicUrl?: string;
  /** How long one attempt may take (default 10 s). */
  timeoutMs?: number;
  /** How long a response still being answered is given before its alerts go out (default 2 min). */
  settleMs?: number;
  /** Backoff and how long to retry (default: from 5 s, doubling, at most 1 h apart, for 24 h). */
  retry?: Partial<RetrySchedule>;
  /** Attempts in flight at once (default 4). */
  concurrency?: number;
  /** How often to look for due deliveries (default 1 s). */
  pollMs?: number;
  /** DNS, for tests. */
  resolve?: Resolve;
}

export const DEFAULT_SETTLE_MS = 120_000;

/**
 * The signing keys, checked; throws naming the option (never repeating a secret), and when an
 * alert sends signed webhooks but no secret was given.
 */
export function signingKeys(surveys: readonly Survey[], secrets: readonly string[] = []): SigningKey[] {
  const keys = secrets.map((s, i) =>
    parseSigningSecret(s, secrets.length > 1 ? `--webhook-secret #${i + 1}` : undefined),
  );
  const signed = surveys.filter((s) => s.alerts?.some((a) => a.webhook.format !== "slack")).map((s) => `"${s.id}"`);
  if (keys.length === 0 && signed.length > 0) {
    throw new Error(
      `the alerts of ${signed.join(", ")} send signed webhooks: give a signing secret with --webhook-secret or env SONDE_WEBHOOK_SECRET (make one with: echo "whsec_$(openssl rand -base64 32)")`,
    );
  }
  return keys;
}

/**
 * A check of definitions saved while the collector runs: an alert that sends signed webhooks needs
 * a signing secret, which only a restart can give.
 */
export function signingIssues(
  keys: readonly SigningKey[],
): (survey: Survey) => { path: (string | number)[]; message: string }[] {
  return (survey) =>
    keys.length > 0
      ? []
      : (survey.alerts ?? []).flatMap((a, i) =>
          a.webhook.format === "slack"
            ? []
            : [
                {
                  path: ["alerts", i, "webhook"],
                  message:
                    "sends signed webhooks, and this collector has no signing secret: restart it with --webhook-secret or env SONDE_WEBHOOK_SECRET, or use the slack format",
                },
              ],
        );
}

/** Starts the worker that delivers a collector's alerts. */
export function startWebhooks(
  store: ResponseStore,
  rules: AlertRules,
  keys: readonly SigningKey[],
  options: WebhookOptions & { publicUrl: string; log: (line: string) => void },
): WebhookWorker & { stop(): Promise<void> } {
  const stopping = new AbortController();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const concurrency = options.concurrency ?? 4;
  const worker = webhookWorker({
    outbox: store.outbox,
    responses: store,
    rules,
    keys,
    publicUrl: options.publicUrl,
    timeoutMs,
    concurrency,
    pollMs: options.pollMs,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    log: options.log,
    post: webhookPoster({
      timeoutMs,
      allowPrivate: options.allowPrivate ?? false,
      resolve: options.resolve,
      signal: stopping.signal,
      maxSockets: concurrency,
    }),
  });
  worker.start();
  return {
    ...worker,
    async stop() {
      const done = worker.stop();
      // Attempts in flight are cut: they stay pending and are made again after the restart.
      stopping.abort();
      await done;
    },
  };
}
