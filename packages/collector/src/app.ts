import type { Survey } from "@sonde/core";
import type { Context } from "hono";
import { Hono } from "hono";
import { redactKeys } from "./http/access-key.js";
import { type CorsPolicy, corsMiddleware, corsPolicy } from "./http/cors-policy.js";
import { type HostPolicy, hostGuard, hostPolicy } from "./http/host-policy.js";
import { type RateLimit, rateLimitMiddleware } from "./http/rate-limit.js";
import { type LogSink, requestLog } from "./http/request-log.js";
import { securityHeaders } from "./http/security-headers.js";
import { inlineRunner, type ReadRunner } from "./read-runner.js";
import type { ResultsContext } from "./results.js";
import { adminRoutes } from "./routes/admin.js";
import { alertRoutes } from "./routes/alerts.js";
import { consoleRoutes } from "./routes/console.js";
import { inboxRoutes } from "./routes/inbox.js";
import { ingestRoute } from "./routes/ingest.js";
import { resultsRoutes } from "./routes/results.js";
import { surveysRoute } from "./routes/surveys.js";
import type { ResponseStore } from "./store/store.js";
import type { SurveyCheck } from "./surveys.js";

/** How the collector's HTTP app behaves. */
export interface AppOptions {
  store: ResponseStore;
  /**
   * Fixed definitions to serve as they are, all of them (the admin API then edits the store, but
   * what is served stays these); by default the store's: the active ones are served, and results
   * know every stored one, as they change.
   */
  surveys?: readonly Survey[];
  /** Largest accepted request body in bytes (default 256 KB). */
  maxBodyBytes?: number;
  /** Required (as `Authorization: Bearer` or `?key=`) to read results; without it results are open. */
  readKey?: string;
  /** Required to send answers; the widget passes it as `?key=` on its endpoint URL. */
  writeKey?: string;
  /** Required (as `Authorization: Bearer`) by the admin API; without it the admin API is off (403). */
  adminKey?: string;
  /** Largest survey definition the admin API accepts in bytes (default 1 MB). */
  adminMaxBodyBytes?: number;
  /** Checks of definitions saved through the admin API beyond the schema's (as at start). */
  surveyCheck?: SurveyCheck;
  /** Origins allowed from browsers, or a policy (default: any origin may send answers; results same-origin only). */
  cors?: CorsPolicy | readonly string[];
  /**
   * Host names answered and the collector's own origin (see `hostPolicy`). Default: any host when
   * results need a key, loopback names only when they do not (DNS rebinding).
   */
  hosts?: HostPolicy;
  /** Requests per client and second, with bursts (default 20/s, bursts of 200); `false` turns it off. */
  rateLimit?: RateLimit | false;
  /** Who the client is, for rate limits and logs (default: its IP address, or "unknown"). */
  clientOf?: (c: Context) => string;
  /** Where request logs go, one line per request (default: nowhere). */
  log?: LogSink;
  /** Where the read API computes (default: on this thread, within the time budget); see `workerRunner`. */
  reads?: ReadRunner;
  /** A folder holding the built console, served at `/console/` (default: no console). */
  consoleDir?: string;
  /** The clock, for tests. */
  now?: () => number;
}

/** The default limit: generous for many people behind one office address, tight for a flood. */
export const DEFAULT_RATE_LIMIT: RateLimit = { rate: 20, burst: 200 };

/** The collector's HTTP routes: ingest, survey definitions, results, the inbox, alerts' deliveries, admin, and the console. */
export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const fixed = options.surveys;
  const served = fixed ? () => fixed : () => store.surveys.active();
  const known = fixed ? () => fixed : () => store.surveys.definitions();
  const now = options.now ?? Date.now;
  const clientOf = options.clientOf ?? (() => "unknown");
  const policy =
    Array.isArray(options.cors) || options.cors === undefined
      ? corsPolicy(options.cors as string[])
      : (options.cors as CorsPolicy);
  const hosts = options.hosts ?? hostPolicy({ readKey: options.readKey });
  const app = new Hono();

  if (options.log) app.use(requestLog(options.log, clientOf));
  app.use(securityHeaders());
  app.use(hostGuard(hosts));
  app.use("/v1/*", corsMiddleware(policy, hosts));
  if (options.rateLimit !== false) {
    app.use("/v1/*", rateLimitMiddleware(options.rateLimit ?? DEFAULT_RATE_LIMIT, clientOf, now));
  }

  ingestRoute(app, { store, maxBodyBytes: options.maxBodyBytes ?? 256 * 1024, writeKey: options.writeKey, now });
  surveysRoute(app, served);
  const reads = options.reads ?? inlineRunner((): ResultsContext => ({ store, surveys: known(), now: now() }));
  resultsRoutes(app, { store, surveys: known, readKey: options.readKey, now, reads });
  inboxRoutes(app, { store, readKey: options.readKey, now, reads });
  alertRoutes(app, { store, readKey: options.readKey });
  adminRoutes(app, {
    surveys: store.surveys,
    adminKey: options.adminKey,
    maxBodyBytes: options.adminMaxBodyBytes,
    extra: options.surveyCheck,
    now,
  });
  if (options.consoleDir !== undefined) consoleRoutes(app, options.consoleDir);

  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404));
  // Whatever an error says, the keys never reach the output.
  const report = (line: string) =>
    console.error(redactKeys(line, [options.readKey, options.writeKey, options.adminKey]));
  app.onError((error, c) => {
    // A locked or full database is a passing condition: tell the client to come back.
    const code = (error as { code?: string }).code;
    if (code === "SQLITE_BUSY" || code === "SQLITE_FULL" || code === "SQLITE_IOERR") {
      report(`sonde-collector: storage unavailable (${code}): ${error.message}`);
      return c.json({ error: "storage is unavailable; retry later" }, 503, { "retry-after": "5" });
    }
    report(`sonde-collector: ${error.stack ?? error}`);
    return c.json({ error: "internal error" }, 500);
  });
  return app;
}
