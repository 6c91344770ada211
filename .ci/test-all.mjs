// The one test command (`npm test`): build, typecheck, lint, unit, e2e and size in Chromium, the
// widget's journeys in Firefox and WebKit, then one line `N passed, N failed` counting every test
// that ran (unit and e2e together; a failed gate such as typecheck or lint counts as one
// failure). Exits non-zero when anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { engineParts } from "../e2e/engines/engine-paths.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const artifacts = join(root, ".artifacts");
mkdirSync(artifacts, { recursive: true });
const bin = (name) => join(root, "node_modules/.bin", name);

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? "✔" : "✘"} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

/** Installs the Debian packages that bring the missing `parts` ({ path, pkg }), as root; else says how. */
function ensurePackages(what, parts, before = "") {
  const missing = [...new Set(parts.filter((p) => !existsSync(p.path)).map((p) => p.pkg))];
  if (!missing.length) return true;
  const install = `${before}apt-get update && apt-get install -y ${missing.join(" ")}`;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    return run(`install ${what} from Debian`, "sh", ["-c", install], { DEBIAN_FRONTEND: "noninteractive" });
  }
  const paths = parts.filter((p) => !existsSync(p.path)).map((p) => p.path);
  console.error(`${what}: missing ${paths.join(", ")}. Install with:\n  sudo sh -c '${install}'`);
  return false;
}

const ensureChromium = () =>
  ensurePackages("Chromium", [{ path: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", pkg: "chromium" }]);

/**
 * Debian's PostgreSQL server, any version, for the stores' contract suite (its tests start their
 * own throwaway clusters). The package would create and start a cluster of its own: told not to.
 */
function ensurePostgres() {
  const base = "/usr/lib/postgresql";
  if (existsSync(base) && readdirSync(base).some((v) => existsSync(join(base, v, "bin", "initdb")))) return true;
  const noCluster =
    "mkdir -p /etc/postgresql-common && { [ -e /etc/postgresql-common/createcluster.conf ] || echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf; } && ";
  return ensurePackages(
    "PostgreSQL",
    [{ path: join(base, "<version>", "bin", "initdb"), pkg: "postgresql" }],
    noCluster,
  );
}

const gates = [];
const gate = (label, ok) => {
  gates.push({ label, ok });
  return ok;
};

const haveChromium = gate("chromium", ensureChromium());
gate("postgresql", ensurePostgres());
const haveEngines = gate("firefox + webkit", ensurePackages("Firefox ESR and WebKitGTK", engineParts));
const built = gate("build", run("build", "npx", ["-y", "pnpm@10", "run", "build"]));
gate("typecheck", run("typecheck", "npx", ["-y", "pnpm@10", "run", "typecheck"]));
gate("lint", run("lint + format", bin("biome"), ["check", "."]));

const vitestJson = join(artifacts, "vitest.json");
// CI=true: the PostgreSQL cases of the stores' contract fail, rather than skip, without a server.
run(
  "unit (vitest: core, collector against SQLite and PostgreSQL, widget in Chromium)",
  bin("vitest"),
  ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`],
  { CI: "true" },
);

const playwrightJson = join(artifacts, "playwright.json");
if (haveChromium && built) {
  run("e2e + size (Playwright in Chromium)", bin("playwright"), ["test", "-c", "e2e/playwright.config.ts"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });
}

// Firefox and WebKit, side by side: one worker each, each starting its browser once.
const enginesJson = join(artifacts, "engines.json");
rmSync(enginesJson, { force: true });
let enginesRan = false;
if (haveEngines && built) {
  enginesRan = run("journeys in Firefox and WebKit", "node", ["e2e/engines/run.mjs"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: enginesJson,
  });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
const unit = readJson(vitestJson);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unit.numFailedTestSuites ?? 0);
} else gate("unit results", false);
const e2e = readJson(playwrightJson);
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
} else gate("e2e results", false);
const engines = readJson(enginesJson);
if (engines) {
  passed += engines.stats.expected + engines.stats.flaky;
  failed += engines.stats.unexpected;
  // A run stopped by its time limits fails without failed tests: it counts as one failure.
  if (!enginesRan && !engines.stats.unexpected) gate("engines run", false);
} else gate("engine results", false);
const failedGates = gates.filter((g) => !g.ok);
failed += failedGates.length;

console.log("");
if (failedGates.length) console.log(`failed gates: ${failedGates.map((g) => g.label).join(", ")}`);
console.log(`unit: ${unit ? `${unit.numPassedTests} passed, ${unit.numFailedTests} failed` : "no results"}`);
console.log(
  `e2e: ${e2e ? `${e2e.stats.expected} passed, ${e2e.stats.unexpected} failed, ${e2e.stats.flaky} flaky` : "no results"}`,
);
console.log(
  `engines: ${engines ? `${engines.stats.expected} passed, ${engines.stats.unexpected} failed, ${engines.stats.flaky} flaky, ${engines.stats.skipped} skipped` : "no results"}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
