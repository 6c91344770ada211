// Starts the whole demo: the reference collector on an embedded SQLite file, and the host
// site + dashboard (Vite) with /v1 proxied to the collector. Also used by the e2e suite.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSurveys, openSqliteStore, seedStore, startCollector } from "@sonde/collector";
import { createServer } from "vite";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");

/** Fills an empty demo database with realistic answers (kept if it already has any); returns how many. */
function seedIfEmpty(db, surveys) {
  const store = openSqliteStore(db);
  try {
    return store.count() === 0 ? seedStore(store, loadSurveys(surveys)) : 0;
  } finally {
    store.close();
  }
}

/**
 * Starts collector + site; port 0 picks free ports.
 * @param {{ sitePort?: number, collectorPort?: number, db?: string, surveys?: string, quiet?: boolean,
 *   collectorUrl?: string, readKey?: string, seed?: boolean, log?: boolean }} [options]
 */
export async function startDemo({
  sitePort = 5173,
  collectorPort = 8787,
  db = join(root, ".sonde-data/demo.sqlite"),
  surveys = join(here, "surveys.json"),
  quiet = false,
  /** Use a collector that already runs (the e2e suite starts its own process). */
  collectorUrl,
  /** Require this key to read results (the dashboard asks for it, or takes it from `#key=`). */
  readKey,
  /** Seed an empty database with demo answers so the dashboard has something to show. */
  seed = false,
  /** Print the collector's request log. */
  log = false,
} = {}) {
  mkdirSync(dirname(db), { recursive: true });
  const seeded = !collectorUrl && seed ? seedIfEmpty(db, surveys) : 0;
  const collector = collectorUrl
    ? { url: collectorUrl, close: async () => {} }
    : await startCollector({ port: collectorPort, db, surveys, readKey, quiet: !log });
  const site = await createServer({
    configFile: join(root, "vite.config.ts"),
    logLevel: quiet ? "silent" : "warn",
    server: { port: sitePort, strictPort: sitePort !== 0, proxy: { "/v1": collector.url } },
  });
  await site.listen();
  const address = site.httpServer?.address();
  const siteUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : sitePort}`;
  return {
    siteUrl,
    collectorUrl: collector.url,
    db,
    seeded,
    async close() {
      await site.close();
      await collector.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const demo = await startDemo({ seed: true, log: process.env.SONDE_LOG === "1" });
  console.log(`
  Sonde demo is running.${demo.seeded ? ` The database was empty: it now holds ${demo.seeded} demo answers.` : ""}

    Host site (answer the prompt on Pricing):  ${demo.siteUrl}/pricing/
    Results dashboard:                         ${demo.siteUrl}/dashboard/
    Single-page app (Sonde from npm):          ${demo.siteUrl}/app/
    Collector API:                             ${demo.collectorUrl}/v1/results
    SQLite file:                               ${demo.db}

  Press Ctrl+C to stop.`);
  const stop = () => void demo.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
