import { parseArgs } from "node:util";
import { redactKeys } from "../http/access-key.js";
import { type CollectorOptions, startCollector } from "../server.js";
import { fail, wholeNumber } from "./args.js";

/** `sonde-collector [serve]`: validates options and definitions, listens, stops cleanly on SIGTERM/SIGINT. */
export async function serve(args: string[], usage: string): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      db: { type: "string" },
      surveys: { type: "string" },
      "allow-unknown": { type: "boolean" },
      "cors-origin": { type: "string", multiple: true },
      "public-url": { type: "string" },
      "allowed-host": { type: "string", multiple: true },
      "read-key": { type: "string" },
      "write-key": { type: "string" },
      "admin-key": { type: "string" },
      "rate-limit": { type: "string" },
      "rate-burst": { type: "string" },
      "trust-proxy": { type: "boolean" },
      "max-body": { type: "string" },
      sync: { type: "string" },
      quiet: { type: "boolean" },
      "webhook-secret": { type: "string", multiple: true },
      "webhook-allow-private": { type: "boolean" },
      "webhook-timeout": { type: "string" },
      "webhook-retry-hours": { type: "string" },
      "alert-settle": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return console.log(usage);
  const readKey = values["read-key"] ?? process.env.SONDE_READ_KEY ?? undefined;
  const writeKey = values["write-key"] ?? process.env.SONDE_WRITE_KEY ?? undefined;
  const adminKey = values["admin-key"] ?? process.env.SONDE_ADMIN_KEY ?? undefined;
  for (const [name, key] of [
    ["read-key", readKey],
    ["write-key", writeKey],
    ["admin-key", adminKey],
  ] as const) {
    if (key !== undefined && !/^[\x21-\x7e]{8,256}$/.test(key)) {
      fail(`--${name} must be 8 to 256 printable characters without spaces`);
    }
  }
  if (values.sync !== undefined && values.sync !== "normal" && values.sync !== "full") {
    fail(`--sync must be normal or full (got "${values.sync}")`);
  }
  const rate = wholeNumber("rate-limit", values["rate-limit"], 20);
  const options: CollectorOptions = {
    port: wholeNumber("port", values.port, 8787, 0, 65535),
    host: values.host ?? "127.0.0.1",
    db: values.db ?? process.env.SONDE_DATABASE_URL ?? "sonde.sqlite",
    surveys: values.surveys,
    allowUnknown: values["allow-unknown"] ?? false,
    corsOrigins: values["cors-origin"] ?? [],
    publicUrl: values["public-url"],
    allowedHosts: values["allowed-host"] ?? [],
    readKey,
    writeKey,
    adminKey,
    rateLimit: rate === 0 ? false : { rate, burst: wholeNumber("rate-burst", values["rate-burst"], 200, 1) },
    trustProxy: values["trust-proxy"] ?? false,
    // Bounded: validating a body takes time on the thread that answers (~0.1 s a megabyte).
    maxBodyBytes: wholeNumber("max-body", values["max-body"], 256 * 1024, 1024, 1024 * 1024),
    synchronous: values.sync as "normal" | "full" | undefined,
    quiet: values.quiet ?? false,
    webhooks: {
      // Never echoed: a malformed secret is reported without it.
      secrets: values["webhook-secret"] ?? process.env.SONDE_WEBHOOK_SECRET?.split(/[\s,]+/).filter(Boolean),
      allowPrivate: values["webhook-allow-private"] ?? false,
      timeoutMs: wholeNumber("webhook-timeout", values["webhook-timeout"], 10, 1, 300) * 1000,
      retry: { windowMs: wholeNumber("webhook-retry-hours", values["webhook-retry-hours"], 24, 1, 720) * 3_600_000 },
      settleMs: wholeNumber("alert-settle", values["alert-settle"], 120, 0, 86_400) * 1000,
    },
  };
  // Whatever goes wrong from here on, the keys never reach the terminal.
  const crash = (error: unknown) => {
    console.error(
      redactKeys(`sonde-collector: ${(error as Error)?.stack ?? String(error)}`, [readKey, writeKey, adminKey]),
    );
    process.exit(1);
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
  let collector: Awaited<ReturnType<typeof startCollector>>;
  try {
    collector = await startCollector(options);
  } catch (error) {
    const message = redactKeys((error as Error).message, [readKey, writeKey, adminKey]);
    console.error(message.startsWith("sonde-collector:") ? message : `sonde-collector: ${message}`);
    process.exit(1);
  }
  // The warning comes first: whoever waits for the listening line has seen it, and may stop it cleanly.
  if (!readKey) {
    const who = options.publicUrl
      ? `anyone who reaches ${options.publicUrl}`
      : options.allowedHosts?.length
        ? `anyone who reaches ${options.allowedHosts.join(", ")}`
        : "any program or user on this machine";
    console.error(`sonde-collector: warning: no --read-key: results are readable without a key by ${who}`);
  }
  const stop = () => void collector.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  console.log(`sonde-collector listening on ${collector.url}`);
}
