import { existsSync } from "node:fs";
import { type AddressInfo, isIP } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { alertRules } from "./alerts/alert-rules.js";
import { createApp, DEFAULT_RATE_LIMIT } from "./app.js";
import { corsPolicy } from "./http/cors-policy.js";
import { type HostPolicy, hostPolicy, isLoopbackAddress } from "./http/host-policy.js";
import type { RateLimit } from "./http/rate-limit.js";
import { bufferedSink } from "./http/request-log.js";
import { inlineRunner, type ReadRunner, workerRunner } from "./read-runner.js";
import { isPgUrl, openPgStore } from "./store/pg.js";
import { openSqliteStore } from "./store/sqlite.js";
import type { ResponseStore } from "./store/store.js";
import { type ImportResult, importSurveys, loadSurveys, type SurveyCheck } from "./surveys.js";
import { DEFAULT_SETTLE_MS, signingIssues, signingKeys, startWebhooks, type WebhookOptions } from "./webhooks/start.js";
import { webhookTargetIssues } from "./webhooks/targets.js";

/** Options of a running collector (the CLI's flags). */
export interface CollectorOptions {
  port?: number;
  host?: string;
  /** Path of the SQLite file (created when missing), or a `postgres://…` URL of a PostgreSQL database. */
  db: string;
  /** Path of a surveys JSON file, or a folder of them; validated before listening. */
  surveys?: string;
  readKey?: string;
  writeKey?: string;
  /** Key of the admin API (`--admin-key`); without it the admin API is off. Must differ from the others. */
  adminKey?: string;
  /** Origins allowed from browsers (`--cors-origin`). */
  corsOrigins?: readonly string[];
  /** The URL people reach the collector at (`--public-url`): its host is served, its origin is the collector's own. */
  publicUrl?: string;
  /** More host names to serve (`--allowed-host`); with these or a public URL, other Host names get 421. */
  allowedHosts?: readonly string[];
  /** Per-client limit; `false` turns it off. */
  rateLimit?: RateLimit | false;
  /** Take the client's address from the last `X-Forwarded-For` entry (behind one reverse proxy). */
  trustProxy?: boolean;
  maxBodyBytes?: number;
  synchronous?: "normal" | "full";
  /** No request logs. */
  quiet?: boolean;
  /**
   * Where the read API computes: a worker thread (default), so that a heavy query never holds
   * ingest or `/v1/surveys`, or this thread; its time (default 20 s) and memory (default 1024 MB).
   */
  results?: { thread?: "worker" | "inline"; timeMs?: number; memoryMb?: number };
  /** Where request logs go (default stdout). */
  logTo?: { write(chunk: string): unknown };
  /** Unknown survey fields are dropped with a warning instead of refusing the definitions (`--allow-unknown`). */
  allowUnknown?: boolean;
  /** Told about survey fields this version ignores, and about webhooks that fail (default: a line on stderr). */
  warn?: (line: string) => void;
  /** How alerts' webhooks are signed, where they may go, and how they are retried. */
  webhooks?: WebhookOptions;
  /** The built console served at `/console/` (default: the one shipped beside this file); `false`: none. */
  consoleDir?: string | false;
}

/** Where the package's build puts the console: `dist/console/`, beside this module once built. */
export const BUILT_CONSOLE = fileURLToPath(new URL("./console/", import.meta.url));

/** A running collector. */
export interface RunningCollector {
  url: string;
  /**
   * Reads the `--surveys` file or folder again and stores what changed, as at start (the file wins
   * for the ids it names). Invalid definitions throw `InvalidSurveysError` and change nothing.
   * On SQLite it answers at once; on PostgreSQL, with a promise.
   */
  reloadSurveys(): ImportResult | Promise<ImportResult>;
  /** Stops accepting connections, finishes requests in flight, closes the database. */
  close(): Promise<void>;
}

/** The client's address: its socket's, or the proxy's last `X-Forwarded-For` entry when trusted and an IP address. */
export function clientAddress(trustProxy: boolean): (c: Context) => string {
  return (c) => {
    if (trustProxy) {
      const forwarded = c.req.header("x-forwarded-for");
      const last = forwarded?.split(",").at(-1)?.trim();
      if (last && isIP(last)) return last;
    }
    try {
      return getConnInfo(c).remote.address ?? "unknown";
    } catch {
      return "unknown";
    }
  };
}

/**
 * A collector whose results need no key must not be reachable from other machines unless the hosts
 * it serves are named: throws naming the fix.
 */
function checkListenAddress(hosts: HostPolicy, address: string): void {
  if (hosts.hosts === "loopback" && !isLoopbackAddress(address)) {
    throw new Error(
      `--host ${address}: without --read-key a collector listens on loopback only, as anyone who reaches it could read results; give it --read-key, or name the hosts it serves with --public-url or --allowed-host`,
    );
  }
}

/** The admin key must be a key of its own: one that also reads results or sends answers would leak with them. */
function checkKeysDiffer(options: CollectorOptions): void {
  if (options.adminKey === undefined) return;
  if (options.adminKey === options.readKey || options.adminKey === options.writeKey) {
    throw new Error(
      `--admin-key must differ from --${options.adminKey === options.readKey ? "read" : "write"}-key: the admin key edits what every page is shown, and must not travel with the others`,
    );
  }
}

/** Starts the collector: validates surveys and options (throws naming the problem), opens SQLite, listens. */
export async function startCollector(options: CollectorOptions): Promise<RunningCollector> {
  const warn = options.warn ?? ((line: string) => console.error(`sonde-collector: warning: ${line}`));
  const host = options.host ?? "127.0.0.1";
  const hosts = hostPolicy({
    publicUrl: options.publicUrl,
    allowedHosts: options.allowedHosts,
    readKey: options.readKey,
    trustProxy: options.trustProxy,
  });
  checkListenAddress(hosts, host);
  checkKeysDiffer(options);
  const hooks = options.webhooks ?? {};
  const allowPrivate = hooks.allowPrivate ?? false;
  const fileSurveys = options.surveys
    ? loadSurveys(options.surveys, {
        warn,
        allowUnknown: options.allowUnknown,
        extra: (survey) => webhookTargetIssues(survey, allowPrivate),
      })
    : [];
  const cors = corsPolicy(options.corsOrigins);
  // Alerts follow the stored definitions as they change. The store is opened with the rule that
  // reads them from it: the rule is first used by an ingest, once the store is there.
  const rules = alertRules(() => store.surveys.definitions(), hooks.settleMs ?? DEFAULT_SETTLE_MS);
  const pg = isPgUrl(options.db);
  const store: ResponseStore = pg
    ? await openPgStore(options.db, { alerts: rules.firing })
    : openSqliteStore(options.db, { synchronous: options.synchronous, alerts: rules.firing });
  let keys: ReturnType<typeof signingKeys>;
  try {
    // The file wins for the ids it names, before anything is served.
    if (options.surveys) {
      const { paused } = await importSurveys(store.surveys, fileSurveys, Date.now());
      for (const id of paused) warn(`survey "${id}" is no longer in ${options.surveys}: paused (its answers are kept)`);
    }
    keys = signingKeys(store.surveys.definitions(), hooks.secrets);
  } catch (error) {
    await store.close();
    throw error;
  }
  const surveys = () => store.surveys.definitions();
  const surveyCheck: SurveyCheck = (survey) => [
    ...webhookTargetIssues(survey, allowPrivate),
    ...signingIssues(keys)(survey),
  ];
  const log = options.quiet ? undefined : bufferedSink(options.logTo ?? process.stdout);
  const { thread, timeMs, memoryMb } = options.results ?? {};
  // A worker opens the file again: an in-memory database can only be read where it is. PostgreSQL
  // reads run on this thread: the queries run in the database, and the scoring in JS visits rows a
  // cursor batch at a time, between which requests are answered — the worker was there because a
  // SQLite query holds the thread that makes it until it ends.
  const reads: ReadRunner =
    pg || thread === "inline" || options.db === ":memory:" || options.db === ""
      ? inlineRunner(() => ({ store, surveys: surveys(), now: Date.now() }), timeMs)
      : workerRunner({ db: options.db, surveys, now: Date.now, timeMs, memoryMb });
  const consoleDir = options.consoleDir === false ? undefined : (options.consoleDir ?? BUILT_CONSOLE);
  if (consoleDir !== undefined && !existsSync(join(consoleDir, "index.html"))) {
    warn(`no console at ${consoleDir} (build it with \`npm run build\`); /console/ answers 404`);
  }
  const app = createApp({
    store,
    consoleDir,
    cors,
    hosts,
    readKey: options.readKey,
    writeKey: options.writeKey,
    adminKey: options.adminKey,
    surveyCheck,
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    clientOf: clientAddress(options.trustProxy ?? false),
    maxBodyBytes: options.maxBodyBytes,
    log,
    reads,
  });
  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, () => resolve(s));
      s.once("error", reject);
    });
  } catch (error) {
    await reads.close();
    await store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  // Started even without alerts now: deliveries fired before a restart still go out.
  const webhooks = startWebhooks(store, rules, keys, {
    ...hooks,
    publicUrl: hooks.publicUrl ?? options.publicUrl ?? url,
    log: (line) => warn(line),
  });
  let closing: Promise<void> | undefined;
  return {
    url,
    reloadSurveys() {
      if (!options.surveys) throw new Error("this collector was started without --surveys");
      const report = (result: ImportResult) => {
        for (const id of result.paused)
          warn(`survey "${id}" is no longer in ${options.surveys}: paused (its answers are kept)`);
        return result;
      };
      const result = importSurveys(
        store.surveys,
        loadSurveys(options.surveys, { warn, allowUnknown: options.allowUnknown, extra: surveyCheck }),
        Date.now(),
      );
      return result instanceof Promise ? result.then(report) : report(result);
    },
    close: () => {
      closing ??= new Promise((resolve) => {
        // Requests in flight finish; idle keep-alive connections are closed at once, and any
        // connection still open after 5 s is cut so that shutdown always ends.
        const force = setTimeout(() => (server as { closeAllConnections?: () => void }).closeAllConnections?.(), 5000);
        server.close(() => {
          clearTimeout(force);
          log?.flush();
          void Promise.all([reads.close(), webhooks.stop()])
            .then(() => store.close())
            .finally(resolve);
        });
        (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      });
      return closing;
    },
  };
}
