#!/usr/bin/env node
import { parseArgs } from "node:util";
import { seedStore } from "./seed/seed.js";
import { type CollectorOptions, startCollector } from "./server.js";
import { openSqliteStore } from "./store/sqlite.js";
import { loadSurveys } from "./surveys.js";

const usage = `Usage:
  sonde-collector [serve] [options]      run the collector
  sonde-collector seed [options]         fill a database with realistic demo responses

Options of serve:
  --port <n>             port to listen on (default 8787; 0 picks a free one)
  --host <address>       address to listen on (default 127.0.0.1)
  --db <file>            SQLite file, created when missing (default sonde.sqlite)
  --surveys <path>       survey definitions: a JSON file or a folder of them, validated at start
  --cors-origin <origin> allow this web origin (repeatable, or comma-separated); without any,
                         every origin may send answers and results are same-origin only
  --read-key <key>       key needed to read results (or env SONDE_READ_KEY)
  --write-key <key>      key needed to send answers (or env SONDE_WRITE_KEY); give it to the
                         widget as ?key=<key> on its endpoint URL
  --rate-limit <n>       requests per second per client (default 20; 0 turns the limit off)
  --rate-burst <n>       requests a client may send at once (default 200)
  --trust-proxy          take the client address from X-Forwarded-For (behind one reverse proxy)
  --max-body <bytes>     largest request body (default 262144)
  --sync <mode>          normal (default: survives a crash) or full (also a power cut; slower)
  --quiet                no request log
  --webhook-secret <s>   key that signs alerts' webhooks, whsec_ and base64 (or env
                         SONDE_WEBHOOK_SECRET); repeat it while rotating: each signs
  --webhook-allow-private  let webhooks reach loopback and private addresses (off by default)
  --public-url <url>     this collector's address as people reach it, for links in alerts
  --webhook-timeout <s>  seconds one webhook attempt may take (default 10)
  --webhook-retry-hours <n>  how long failed webhooks are retried before they are given up (default 24)
  --alert-settle <s>     seconds an unfinished response is given before its alerts go out (default 120)

Options of seed:
  --db <file>            SQLite file to fill (created when missing)
  --surveys <path>       the surveys to answer (a JSON file or folder)
  --responses <n>        responses per survey (default 600)
  --days <n>             how many days back they spread (default 120)
  --seed <n>             random seed (default 1): the same seed gives the same data
  --now <date-time>      the end of the seeded period (default now)`;

function fail(message: string, code = 2): never {
  console.error(`sonde-collector: ${message}`);
  process.exit(code);
}

function wholeNumber(name: string, raw: string | undefined, fallback: number, min = 0, max = 1e9): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    fail(`--${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}

const isLoopback = (host: string) => host === "localhost" || host === "::1" || host.startsWith("127.");

async function serve(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      db: { type: "string" },
      surveys: { type: "string" },
      "cors-origin": { type: "string", multiple: true },
      "read-key": { type: "string" },
      "write-key": { type: "string" },
      "rate-limit": { type: "string" },
      "rate-burst": { type: "string" },
      "trust-proxy": { type: "boolean" },
      "max-body": { type: "string" },
      sync: { type: "string" },
      quiet: { type: "boolean" },
      "webhook-secret": { type: "string", multiple: true },
      "webhook-allow-private": { type: "boolean" },
      "public-url": { type: "string" },
      "webhook-timeout": { type: "string" },
      "webhook-retry-hours": { type: "string" },
      "alert-settle": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return console.log(usage);
  const publicUrl = values["public-url"];
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(publicUrl)) {
    fail(`--public-url must be an http(s) URL such as https://sonde.example.com (got "${publicUrl}")`);
  }
  const readKey = values["read-key"] ?? process.env.SONDE_READ_KEY ?? undefined;
  const writeKey = values["write-key"] ?? process.env.SONDE_WRITE_KEY ?? undefined;
  for (const [name, key] of [
    ["read-key", readKey],
    ["write-key", writeKey],
  ] as const) {
    if (key !== undefined && !/^[\x21-\x7e]{8,256}$/.test(key)) {
      fail(`--${name} must be 8 to 256 printable characters without spaces`);
    }
  }
  if (values.sync !== undefined && values.sync !== "normal" && values.sync !== "full") {
    fail(`--sync must be normal or full (got "${values.sync}")`);
  }
  const rate = wholeNumber("rate-limit", values["rate-limit"], 20);
  const host = values.host ?? "127.0.0.1";
  const options: CollectorOptions = {
    port: wholeNumber("port", values.port, 8787, 0, 65535),
    host,
    db: values.db ?? "sonde.sqlite",
    surveys: values.surveys,
    corsOrigins: values["cors-origin"] ?? [],
    readKey,
    writeKey,
    rateLimit: rate === 0 ? false : { rate, burst: wholeNumber("rate-burst", values["rate-burst"], 200, 1) },
    trustProxy: values["trust-proxy"] ?? false,
    maxBodyBytes: wholeNumber("max-body", values["max-body"], 256 * 1024, 1024),
    synchronous: values.sync as "normal" | "full" | undefined,
    quiet: values.quiet ?? false,
    webhooks: {
      // Never echoed: a malformed secret is reported without it.
      secrets: values["webhook-secret"] ?? process.env.SONDE_WEBHOOK_SECRET?.split(/[\s,]+/).filter(Boolean),
      allowPrivate: values["webhook-allow-private"] ?? false,
      publicUrl,
      timeoutMs: wholeNumber("webhook-timeout", values["webhook-timeout"], 10, 1, 300) * 1000,
      retry: { windowMs: wholeNumber("webhook-retry-hours", values["webhook-retry-hours"], 24, 1, 720) * 3_600_000 },
      settleMs: wholeNumber("alert-settle", values["alert-settle"], 120, 0, 86_400) * 1000,
    },
  };
  let collector: Awaited<ReturnType<typeof startCollector>>;
  try {
    collector = await startCollector(options);
  } catch (error) {
    const message = (error as Error).message;
    console.error(message.startsWith("sonde-collector:") ? message : `sonde-collector: ${message}`);
    process.exit(1);
  }
  console.log(`sonde-collector listening on ${collector.url}`);
  if (!readKey && !isLoopback(host)) {
    console.error("sonde-collector: warning: no --read-key, so anyone who reaches this address can read results");
  }
  const stop = () => void collector.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

async function seed(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: "string" },
      surveys: { type: "string" },
      responses: { type: "string" },
      days: { type: "string" },
      seed: { type: "string" },
      now: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return console.log(usage);
  if (!values.db) fail("seed needs --db <file>");
  if (!values.surveys) fail("seed needs --surveys <path>");
  const now = values.now === undefined ? Date.now() : Date.parse(values.now);
  if (Number.isNaN(now)) fail(`--now must be a date-time such as 2025-06-30T12:00:00Z (got "${values.now}")`);
  let surveys: ReturnType<typeof loadSurveys>;
  try {
    surveys = loadSurveys(values.surveys);
  } catch (error) {
    fail((error as Error).message.replace(/^sonde-collector: /, ""), 1);
  }
  const store = openSqliteStore(values.db);
  try {
    const n = seedStore(store, surveys, {
      responses: wholeNumber("responses", values.responses, 600, 1, 1_000_000),
      days: wholeNumber("days", values.days, 120, 1, 3650),
      seed: wholeNumber("seed", values.seed, 1),
      now,
    });
    console.log(`sonde-collector: seeded ${n} responses to ${surveys.length} surveys into ${values.db}`);
  } finally {
    store.close();
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  try {
    if (command === "seed") await seed(rest);
    else if (command === "serve") await serve(rest);
    else await serve(process.argv.slice(2));
  } catch (error) {
    // parseArgs: an unknown or malformed option.
    fail(`${(error as Error).message}\n${usage}`);
  }
}

void main();
