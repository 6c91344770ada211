// The packages as a user gets them: packed into tarballs, installed with npm into a fresh Vite +
// TypeScript app outside the workspace, type-checked (no skipLibCheck), built, and run in Chromium
// against the installed collector's `sonde-collector` bin until a tracked event shows a prompt.
// Runs on the suite's build (`npm test` builds first): packing does not rebuild.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { stripVTControlCharacters } from "node:util";
import Database from "better-sqlite3";
import { repoRoot } from "./support/collector.js";
import { expect, prompt, test } from "./support/fixtures.js";
import { snippet } from "./support/snippet.js";

const SURVEY = "nps-export";
const QUESTION = "How likely are you to recommend Packed Reports?";

/** Runs a command to its end; fails with its output when it fails. */
function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** Starts a server and resolves with the first http://127.0.0.1:port URL it prints. */
function serve(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const url = new Promise<string>((resolve, reject) => {
    let out = "";
    const seen = (chunk: Buffer) => {
      out += chunk;
      // Vite colours the port: strip the escapes before matching.
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(stripVTControlCharacters(out));
      if (m) resolve(m[0]);
    };
    child.stdout.on("data", seen);
    child.stderr.on("data", (c: Buffer) => (out += c));
    child.once("exit", (code) => reject(new Error(`${command} exited with ${code}:\n${out}`)));
    setTimeout(() => reject(new Error(`${command} did not start:\n${out}`)), 20_000);
  });
  return { child, url };
}

const stop = (child: ChildProcess | undefined) =>
  new Promise<void>((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

const versionIn = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
/** The version of a dev tool the workspace uses (the scratch app installs the same, likely cached). */
const packageVersion = (name: string) => versionIn(join(repoRoot, "node_modules", name));
const sondeVersion = (name: string) => versionIn(join(repoRoot, "packages", name));

/**
 * better-sqlite3's own install script downloads a prebuilt binary from GitHub, or else compiles
 * SQLite (~60 s here). The test hands it the workspace's binary as a local prebuild instead: the
 * same file that download would bring. Another version than the workspace's still compiles.
 */
function localSqlitePrebuild(dir: string): Record<string, string> {
  const pkg = join(repoRoot, "packages/collector/node_modules/better-sqlite3");
  const name = `better-sqlite3-v${versionIn(pkg)}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  mkdirSync(dir, { recursive: true });
  run("tar", ["-czf", join(dir, name), "build/Release/better_sqlite3.node"], pkg);
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}

const scratchApp: Record<string, string> = {
  "package.json": JSON.stringify({ name: "packed-reports", private: true, type: "module" }, null, 2),
  "tsconfig.json": JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        module: "ESNext",
        moduleResolution: "Bundler",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        types: [],
        strict: true,
        noEmit: true,
      },
      include: ["src"],
    },
    null,
    2,
  ),
  "vite.config.js": `import { defineConfig } from "vite";
export default defineConfig({
  preview: { host: "127.0.0.1", proxy: { "/v1": process.env.SONDE_COLLECTOR_URL } },
});
`,
  "index.html": `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Packed Reports</title><link rel="icon" href="data:,"></head>
  <body>
    <main><h1>Reports</h1><button id="export" type="button">Export CSV</button></main>
    <script type="module" src="/src/main.ts"></script>
  </body>
</html>
`,
  "src/main.ts": `import { init, on, type SondeConfig, track } from "@sonde/widget";

const config: SondeConfig = { endpoint: "/v1/responses", surveysUrl: "/v1/surveys" };
init(config);
on("ready", (e) => {
  document.body.dataset.sondeReady = e.surveyIds.join(",");
});
document.getElementById("export")?.addEventListener("click", () => track("export_done", { format: "csv" }));
`,
  // The published declarations carry the survey types: a typo fails the app's type check.
  "src/inline-survey.ts": `import type { SurveyInput } from "@sonde/core";
import type { SondeConfig } from "@sonde/widget";

export const survey: SurveyInput = {
  id: "thumbs-help",
  steps: [{ kind: "thumbs", id: "helpful", question: "Was this page helpful?" }],
  rules: { triggers: [{ type: "event", name: "help_opened" }] },
};

export const config: SondeConfig = {
  endpoint: "/v1/responses",
  // @ts-expect-error — "stars" is not a kind of step
  surveys: [{ id: "typo", steps: [{ kind: "stars", id: "score", question: "How was it?" }] }],
};
`,
  // The script-tag build, self-hosted from the installed package (copied to public/sonde/ below).
  "public/script-tag.html": `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8"><title>Packed Reports, script tag</title><link rel="icon" href="data:,">
    <script>
${snippet("/sonde/sonde.js")}
sonde("init", { endpoint: "/v1/responses", surveysUrl: "/v1/surveys" });
sonde("on", "ready", function (e) { document.body.dataset.sondeReady = e.surveyIds.join(","); });
    </script>
  </head>
  <body>
    <main><h1>Reports</h1><button id="export" type="button" onclick="sonde('track', 'export_done')">Export CSV</button></main>
  </body>
</html>
`,
  "surveys.json": JSON.stringify(
    {
      surveys: [
        {
          id: SURVEY,
          steps: [
            { kind: "nps", id: "score", question: QUESTION },
            { kind: "thanks", id: "thanks", question: "Thank you!" },
          ],
          rules: { triggers: [{ type: "event", name: "export_done" }] },
        },
      ],
    },
    null,
    2,
  ),
};

test.describe.configure({ mode: "serial" });

let dir = "";
let tarballs: Record<string, string> = {};
const children: ChildProcess[] = [];

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sonde-packed-app-"));
});

test.afterAll(async () => {
  await Promise.all(children.map(stop));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("packing writes three tarballs with what a user needs and nothing of the tests", async () => {
  test.setTimeout(60_000);
  expect(relative(repoRoot, dir).startsWith("..")).toBe(true);
  const out = join(dir, "tarballs");
  run(process.execPath, ["scripts/pack.mjs", "--no-build", "--out", out], repoRoot);
  const files = (name: string) =>
    run("tar", ["-tzf", tarballs[name]!], dir)
      .split("\n")
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ""));
  tarballs = Object.fromEntries(
    ["core", "widget", "collector"].map((name) => [name, join(out, `sonde-${name}-${sondeVersion(name)}.tgz`)]),
  );
  const lists = Object.fromEntries(Object.keys(tarballs).map((name) => [name, files(name)]));

  for (const [name, list] of Object.entries(lists)) {
    const testFiles = list.filter((f) => /\.test(-d)?\.|\.bench\.|(^|\/)testing\/|test-support|\.tsbuildinfo$/.test(f));
    expect(testFiles, `test files in @sonde/${name}`).toEqual([]);
    // What npm shows on a package's page and what its licence says travel with it.
    expect(list, `@sonde/${name}`).toEqual(expect.arrayContaining(["package.json", "README.md", "LICENSE"]));
  }
  expect(lists.core).toEqual(
    expect.arrayContaining(["dist/index.js", "dist/index.d.ts", "survey.schema.json", "README.md"]),
  );
  expect(lists.widget).toEqual(
    expect.arrayContaining(["dist/esm/index.js", "dist/esm/index.d.ts", "dist/cdn/sonde.js"]),
  );
  expect(lists.collector).toEqual(
    expect.arrayContaining(["dist/cli.js", "dist/index.js", "dist/index.d.ts", "dist/console/index.html"]),
  );

  const read = (name: string, file: string) => run("tar", ["-xzOf", tarballs[name]!, `package/${file}`], dir);
  // The script-tag build is whole: the hashed chunks sonde.js imports are beside it.
  const imported = [...read("widget", "dist/cdn/sonde.js").matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)].map((m) => m[1]);
  expect(imported.length).toBeGreaterThan(0);
  for (const chunk of imported) expect(lists.widget).toContain(`dist/cdn/${chunk}`);
  expect(read("collector", "dist/cli.js").startsWith("#!/usr/bin/env node\n")).toBe(true);
  const collectorPkg = JSON.parse(read("collector", "package.json"));
  expect(collectorPkg.bin).toEqual({ "sonde-collector": "./dist/cli.js" });
  // pnpm pack turns workspace:* into the version it points at.
  expect(collectorPkg.dependencies["@sonde/core"]).toBe(sondeVersion("core"));
  expect(JSON.parse(read("widget", "package.json")).dependencies["@sonde/core"]).toBe(sondeVersion("core"));
});

test("a fresh Vite + TypeScript app installs them with npm, type-checks, builds, and shows a prompt on a tracked event", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const app = join(dir, "app");
  for (const [file, text] of Object.entries(scratchApp)) {
    mkdirSync(join(app, file, ".."), { recursive: true });
    writeFileSync(join(app, file), text);
  }
  const started = Date.now();
  const timings: string[] = [];
  const lap = (label: string, since: number) => timings.push(`${label} ${((Date.now() - since) / 1000).toFixed(1)} s`);

  let t = Date.now();
  run(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      tarballs.core!,
      tarballs.widget!,
      tarballs.collector!,
      `vite@${packageVersion("vite")}`,
      `typescript@${packageVersion("typescript")}`,
    ],
    app,
    localSqlitePrebuild(join(dir, "prebuilds")),
  );
  lap("npm install", t);

  t = Date.now();
  run(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."], app);
  lap("tsc --noEmit", t);

  t = Date.now();
  cpSync(join(app, "node_modules/@sonde/widget/dist/cdn"), join(app, "public/sonde"), { recursive: true });
  run(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"], app);
  lap("vite build", t);

  const db = join(dir, "collector.sqlite");
  const collector = serve(
    join(app, "node_modules/.bin/sonde-collector"),
    ["--port", "0", "--db", db, "--surveys", "surveys.json", "--quiet"],
    app,
  );
  children.push(collector.child);
  const collectorUrl = await collector.url;
  const preview = serve(process.execPath, ["node_modules/vite/bin/vite.js", "preview", "--port", "0"], app, {
    SONDE_COLLECTOR_URL: collectorUrl,
  });
  children.push(preview.child);
  const appUrl = await preview.url;

  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const stored = () => {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare("SELECT count(*) AS n FROM responses WHERE survey_id = ?").get(SURVEY) as { n: number }).n;
    } finally {
      conn.close();
    }
  };

  // The ESM build, bundled by the app's Vite.
  t = Date.now();
  await page.goto(appUrl);
  await expect(page.locator("body")).toHaveAttribute("data-sonde-ready", SURVEY);
  await expect(prompt(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Export CSV" }).click();
  const dialog = prompt(page).getByRole("dialog");
  await expect(dialog).toContainText(QUESTION);
  await dialog.getByRole("radio", { name: "9", exact: true }).click();
  await page.keyboard.press("Enter");
  await expect(dialog).toContainText("Thank you!");
  await expect.poll(stored).toBe(1);
  // The results API answers from the installed package's read worker.
  const results = (await (await fetch(`${collectorUrl}/v1/results/surveys`)).json()) as {
    surveys: { id: string; responses: number }[];
  };
  expect(results.surveys).toEqual([expect.objectContaining({ id: SURVEY, responses: 1 })]);
  // The console the installed package serves counts it too.
  const console_ = await browser.newPage();
  try {
    await console_.goto(`${collectorUrl}/console/`);
    await expect(console_.getByTestId("nps-n")).toHaveText("n = 1");
  } finally {
    await console_.close();
  }

  // The script-tag build, served from the installed package's files, for another visitor.
  const visitor = await browser.newContext();
  try {
    const other = await visitor.newPage();
    other.on("pageerror", (e) => errors.push(e.message));
    await other.goto(`${appUrl}/script-tag.html`);
    await expect(other.locator("body")).toHaveAttribute("data-sonde-ready", SURVEY);
    await other.getByRole("button", { name: "Export CSV" }).click();
    await expect(prompt(other).getByRole("dialog")).toContainText(QUESTION);
  } finally {
    await visitor.close();
  }
  lap("in Chromium", t);

  expect(errors).toEqual([]);
  console.log(`packed app: ${timings.join(", ")}; ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
});
