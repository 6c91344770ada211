// Starts the whole demo: the reference collector on an embedded SQLite file (which serves the
// console, the results dashboard, at /console/), and the host site (Vite) with /v1 proxied to it. `npm run demo -- --help` lists the options.
// startDemo() is also what the e2e suite starts.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, statSync, watch } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadSurveys, openSqliteStore, seedStore, startCollector } from "@sonde/collector";
import { createServer } from "vite";
import { DEMO_PAGES, whereItShows } from "./survey-pages.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const demoSurveys = join(here, "surveys.json");

/** Fills an empty demo database with realistic answers (kept if it already has any); returns how many. */
function seedIfEmpty(db, surveys) {
  const store = openSqliteStore(db);
  try {
    return store.count() === 0 ? seedStore(store, loadSurveys(surveys)) : 0;
  } finally {
    store.close();
  }
}

/** The dashboard is the collector's console: the site's old /dashboard/ address leads there. */
function consoleRedirect(collectorUrl) {
  return {
    name: "sonde-demo-console",
    configureServer(server) {
      server.middlewares.use("/dashboard", (req, res) => {
        const query = req.url?.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
        res.writeHead(302, { location: `${collectorUrl}/console/${query}` }).end();
      });
    },
  };
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
  surveys = demoSurveys,
  quiet = false,
  /** Use a collector that already runs (the e2e suite starts its own process). */
  collectorUrl,
  /** Require this key to read results (the dashboard asks for it, or takes it from `#key=`). */
  readKey,
  /** Seed an empty database with demo answers so the dashboard has something to show. */
  seed = false,
  /** Print the collector's request log. */
  log = false,
  /** Apply edits of the surveys file while the demo runs. */
  watchSurveys = false,
  /** Lets the console's Surveys view change surveys (the demo makes one at each start). */
  adminKey,
} = {}) {
  mkdirSync(dirname(db), { recursive: true });
  const seeded = !collectorUrl && seed ? seedIfEmpty(db, surveys) : 0;
  const collector = collectorUrl
    ? { url: collectorUrl, close: async () => {} }
    : await startCollector({ port: collectorPort, db, surveys, readKey, adminKey, quiet: !log });
  const site = await createServer({
    configFile: join(root, "vite.config.ts"),
    logLevel: quiet ? "silent" : "warn",
    server: { port: sitePort, strictPort: sitePort !== 0, proxy: { "/v1": collector.url } },
    plugins: [consoleRedirect(collector.url)],
  });
  try {
    await site.listen();
  } catch (error) {
    await collector.close();
    throw error;
  }
  const address = site.httpServer?.address();
  const siteUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : sitePort}`;
  const watcher = collectorUrl || !watchSurveys ? undefined : watchSurveysFile(surveys, collector, quiet);
  return {
    siteUrl,
    collectorUrl: collector.url,
    adminKey,
    db,
    seeded,
    async close() {
      watcher?.close();
      await site.close();
      await collector.close();
    },
  };
}

/**
 * Edits of the surveys file apply while the demo runs: the collector reads it again and serves what
 * changed, which the next page load gets (the widget revalidates definitions on every load).
 * Invalid edits are reported and change nothing.
 */
function watchSurveysFile(surveys, collector, quiet) {
  let timer;
  const reload = () => {
    try {
      const { created, changed, paused } = collector.reloadSurveys();
      const what = [
        created.length && `new: ${created.join(", ")}`,
        changed.length && `changed: ${changed.join(", ")}`,
        paused.length && `paused: ${paused.join(", ")}`,
      ].filter(Boolean);
      if (!quiet && what.length) console.log(`  Surveys reloaded (${what.join("; ")}): reload the page to see them.`);
    } catch (error) {
      console.error(
        `sonde demo: ${surveys} was not reloaded, the previous surveys are still served:\n${error.message}`,
      );
    }
  };
  // The folder is watched, not the file: editors that save by renaming a new file over the old
  // one would end a watch on the file. They save in several steps: read once they are done.
  const folder = statSync(surveys).isDirectory();
  return watch(folder ? surveys : dirname(surveys), (_, name) => {
    if (!folder && name !== basename(surveys)) return;
    clearTimeout(timer);
    timer = setTimeout(reload, 150);
  });
}

const usage = `Usage: npm run demo -- [options]

  --port <n>             the demo site's port (default 5173; 0 picks a free one)    env SONDE_DEMO_PORT
  --collector-port <n>   the collector's port (default 8787; 0 picks a free one)    env SONDE_DEMO_COLLECTOR_PORT
  --surveys <file>       your survey definitions (default demo/surveys.json)        env SONDE_DEMO_SURVEYS
  --db <file>            the SQLite file (default .sonde-data/demo.sqlite)          env SONDE_DEMO_DB
  --no-build             start without building first (after a build already ran)
  --log                  print the collector's request log                         env SONDE_LOG=1
  -h, --help             this help

Paths are relative to the directory you run the command in. With the demo's own surveys, an
empty database is filled with demo answers first; with yours it is left as it is.`;

/** Ends the process with one line on stderr. */
function fail(message, code = 1) {
  console.error(`sonde demo: ${message}`);
  process.exit(code);
}

/** A port given by flag or env: a whole number from 0 to 65535. */
function port(flag, env, raw, fallback) {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > 65535)
    fail(`${flag} (or ${env}) must be a port number from 0 to 65535 (got "${raw}")`, 2);
  return n;
}

/** Why nothing can listen on 127.0.0.1:port right now (`EADDRINUSE`, `EACCES`), or null when it can. */
function portProblem(port) {
  if (port === 0) return Promise.resolve(null);
  return new Promise((done) => {
    const probe = createNetServer();
    probe.once("error", (error) => done(error.code ?? "error"));
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => done(null)));
  });
}

/** The line that says a port cannot be used and which flag picks another. */
function busyPort(port, flag, env, code) {
  const why = code === "EACCES" ? "needs more privileges than this user has" : "is in use";
  return `port ${port} ${why}; choose another with ${flag} <n> (or ${env}), e.g. ${flag} ${port + 1}`;
}

/** The start-up message: where everything is, and where each survey shows. */
function welcome(demo, surveysFile, surveys) {
  const pad = Math.max(...surveys.map((s) => s.id.length)) + 2;
  const indent = " ".repeat(4 + pad);
  const lines = surveys.flatMap((s) => {
    const { pages, when, preview } = whereItShows(s, demo.siteUrl);
    const on = pages.length === DEMO_PAGES.length ? `every page, e.g. ${pages[0]}` : pages.join(", ");
    return [`    ${s.id.padEnd(pad)}${s.name ?? ""}`, `${indent}on       ${on}${when}`, `${indent}preview  ${preview}`];
  });
  const seeded = demo.seeded
    ? ` The database was empty: it now holds ${demo.seeded.toLocaleString("en")} demo answers.`
    : "";
  return `
  Sonde demo is running.${seeded}

    Host site:          ${demo.siteUrl}/
    Results (console):  ${demo.collectorUrl}/console/
    Surveys (console):  ${demo.collectorUrl}/console/?view=surveys#admin=${demo.adminKey}
    Single-page app:    ${demo.siteUrl}/app/   (Sonde from npm)
    Collector API:      ${demo.collectorUrl}/v1/results
    Surveys file:       ${surveysFile}
    SQLite file:        ${demo.db}

  Surveys — each shows once per browser; its preview link shows it again, without recording the answer:

${lines.join("\n")}

  Press Ctrl+C to stop.`;
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string" },
        "collector-port": { type: "string" },
        surveys: { type: "string" },
        db: { type: "string" },
        "no-build": { type: "boolean" },
        log: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    fail(`${error.message.replace(/\. To specify a positional.*$/s, "")}; see npm run demo -- --help`, 2);
  }
  if (values.help) return console.log(usage);
  const env = process.env;
  // npm runs scripts in the package's folder; paths are read from where the command was typed.
  const cwd = env.INIT_CWD ?? process.cwd();
  const sitePort = port("--port", "SONDE_DEMO_PORT", values.port ?? env.SONDE_DEMO_PORT, 5173);
  const collectorPort = port(
    "--collector-port",
    "SONDE_DEMO_COLLECTOR_PORT",
    values["collector-port"] ?? env.SONDE_DEMO_COLLECTOR_PORT,
    8787,
  );
  if (sitePort !== 0 && sitePort === collectorPort)
    fail(`--port and --collector-port are both ${sitePort}; give them different ports`, 2);
  const surveysRaw = values.surveys ?? env.SONDE_DEMO_SURVEYS;
  const surveysFile = surveysRaw ? resolve(cwd, surveysRaw) : demoSurveys;
  const dbRaw = values.db ?? env.SONDE_DEMO_DB;
  const db = dbRaw ? resolve(cwd, dbRaw) : join(root, ".sonde-data/demo.sqlite");

  // Everything that can be wrong is found before the build, which takes a while.
  if (!existsSync(surveysFile)) fail(`--surveys: no such file: ${surveysFile}`);
  let surveys;
  try {
    surveys = loadSurveys(surveysFile);
  } catch (error) {
    fail(error.message.replace(/^sonde-collector: /, ""));
  }
  const ports = [
    [sitePort, "--port", "SONDE_DEMO_PORT"],
    [collectorPort, "--collector-port", "SONDE_DEMO_COLLECTOR_PORT"],
  ];
  /** The line for the first port that cannot be used, or undefined. */
  const portLine = async () => {
    for (const [p, flag, name] of ports) {
      const problem = await portProblem(p);
      if (problem) return busyPort(p, flag, name, problem);
    }
  };
  const busy = await portLine();
  if (busy) fail(busy);

  if (!values["no-build"]) {
    console.log("  Building Sonde (about half a minute)…");
    const started = Date.now();
    const build = spawnSync("npx", ["-y", "pnpm@10", "run", "--silent", "build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) fail("the build failed (see above)");
    console.log(`  Built in ${Math.round((Date.now() - started) / 1000)} s.`);
  }

  let demo;
  try {
    demo = await startDemo({
      sitePort,
      collectorPort,
      db,
      surveys: surveysFile,
      seed: surveysFile === demoSurveys,
      log: values.log || env.SONDE_LOG === "1",
      watchSurveys: true,
      adminKey: randomBytes(18).toString("base64url"),
    });
  } catch (error) {
    // Something took a port while the build ran.
    const taken = await portLine();
    if (taken) fail(taken);
    throw error;
  }
  console.log(welcome(demo, surveysFile, surveys));
  const stop = () => void demo.close().then(() => process.exit(0));
  // Vite ends the process on SIGTERM itself, with code 143, before the collector has closed.
  process.removeAllListeners("SIGTERM");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
