import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Survey } from "@sonde/core";
import { whereItShows } from "../demo/survey-pages.mjs";
import { repoRoot } from "./support/collector.js";
import { expect, prompt, test } from "./support/fixtures.js";

// `npm run demo -- …` runs `node demo/start.mjs …` once dependencies are installed: these start that
// process, on real ports of 127.0.0.1, and stop it (or see it stop by itself).

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Something listening on a port of 127.0.0.1, as another program would. */
async function occupy(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { port: (server.address() as { port: number }).port, server };
}

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Runs `node demo/start.mjs` with these arguments and environment, as `npm run demo` would from `cwd`. */
function runDemo(args: string[], env: Record<string, string> = {}, cwd = repoRoot): Run {
  const child = spawn(process.execPath, [join(repoRoot, "demo/start.mjs"), ...args], {
    cwd: repoRoot,
    env: { ...process.env, INIT_CWD: cwd, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (c: Buffer) => (out += c));
  child.stderr!.on("data", (c: Buffer) => (err += c));
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  return { child, out: () => out, err: () => err, exited };
}

/** Waits until the demo says it runs; fails with what it printed when it ends first. */
async function running(run: Run): Promise<void> {
  await expect
    .poll(
      () => {
        if (run.child.exitCode !== null)
          throw new Error(`the demo ended (${run.child.exitCode}):\n${run.out()}${run.err()}`);
        return run.out();
      },
      { timeout: 60_000 },
    )
    .toContain("Press Ctrl+C to stop.");
}

const surveyFile = (dir: string) => {
  const surveys = [
    {
      id: "nps-docs",
      name: "NPS on the docs",
      steps: [{ kind: "nps", id: "score", question: "How likely are you to recommend our docs?" }],
      rules: { triggers: [{ type: "pageview", url: [{ match: "startsWith", value: "/docs" }] }] },
    },
    {
      id: "nps-checkout",
      steps: [{ kind: "nps", id: "score", question: "How was checkout?" }],
      rules: { triggers: [{ type: "pageview", url: [{ match: "exact", value: "/checkout" }] }] },
    },
    { id: "on-request", steps: [{ kind: "thumbs", id: "ok", question: "OK?" }] },
  ];
  writeFileSync(join(dir, "my-surveys.json"), JSON.stringify({ surveys }));
  return "my-surveys.json";
};

test.describe("npm run demo", () => {
  test.setTimeout(120_000);

  test("--port, --collector-port, --surveys and --db: the demo serves your surveys and says where each shows", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sonde-demo-flags-"));
    const [site, collector] = [await freePort(), await freePort()];
    // Relative paths are read from where the command was typed.
    const run = runDemo(
      [
        "--no-build",
        "--port",
        String(site),
        "--collector-port",
        String(collector),
        "--surveys",
        surveyFile(dir),
        "--db",
        "my.sqlite",
      ],
      {},
      dir,
    );
    try {
      await running(run);
      const out = run.out();
      const siteUrl = `http://127.0.0.1:${site}`;
      expect(out).toContain(`Host site:          ${siteUrl}/`);
      expect(out).toContain(`Collector API:      http://127.0.0.1:${collector}/v1/results`);
      expect(out).toContain(`Surveys file:       ${join(dir, "my-surveys.json")}`);
      expect(out).toContain(`SQLite file:        ${join(dir, "my.sqlite")}`);
      // Your own surveys, each with where it shows and a preview link; no demo answers in your database.
      expect(out).toMatch(
        new RegExp(
          `nps-docs +NPS on the docs\\n +on +${siteUrl}/docs/\\n +preview +${siteUrl}/docs/\\?sonde_preview=nps-docs\\n`,
        ),
      );
      expect(out).toMatch(/nps-checkout\s+\n +on +no page of the demo site \(its URL rules name other pages\)\n/);
      expect(out).toMatch(
        new RegExp(`on-request\\s+\\n +on +no page by itself.*\\n +preview +${siteUrl}/\\?sonde_preview=on-request`),
      );
      expect(out).not.toContain("demo answers");
      expect(out).not.toContain("nps-pricing");
      expect(run.err()).toBe("");

      expect((await fetch(`${siteUrl}/docs/`)).status).toBe(200);
      const served = (await (await fetch(`${siteUrl}/v1/surveys`)).json()) as { surveys: { id: string }[] };
      expect(served.surveys.map((s) => s.id)).toEqual(["nps-docs", "nps-checkout", "on-request"]);
      expect(existsSync(join(dir, "my.sqlite"))).toBe(true);

      // Ctrl+C: it stops, says nothing more, and exits cleanly.
      const printed = run.out();
      process.kill(-run.child.pid!, "SIGINT");
      expect(await run.exited).toBe(0);
      expect(run.out()).toBe(printed);
      expect(run.err()).toBe("");
    } finally {
      if (run.child.exitCode === null) process.kill(-run.child.pid!, "SIGKILL");
    }
  });

  test("an edit of the surveys file shows on the next page load; a broken edit is reported and changes nothing", async ({
    page,
  }) => {
    const dir = mkdtempSync(join(tmpdir(), "sonde-demo-edit-"));
    const [site, collector] = [await freePort(), await freePort()];
    const run = runDemo(
      ["--no-build", "--port", String(site), "--collector-port", String(collector), "--surveys", surveyFile(dir)],
      {},
      dir,
    );
    const file = join(dir, "my-surveys.json");
    const siteUrl = `http://127.0.0.1:${site}`;
    try {
      await running(run);
      await page.goto(`${siteUrl}/docs/`);
      await expect(prompt(page).getByRole("dialog")).toContainText("How likely are you to recommend our docs?");

      // Saved while the demo runs: the next page load asks the collector again and shows the new text.
      const edited = readFileSync(file, "utf8").replace("recommend our docs?", "recommend these docs?");
      writeFileSync(file, edited);
      await expect.poll(run.out, { timeout: 10_000 }).toContain("Surveys reloaded (changed: nps-docs)");
      await page.evaluate(() => localStorage.clear());
      // A new visit to the page (not a reload, which revalidates everything anyway).
      await page.goto(`${siteUrl}/docs/`);
      await expect(prompt(page).getByRole("dialog")).toContainText("How likely are you to recommend these docs?");

      // A mistake: reported with its path, and the surveys served stay as they were.
      writeFileSync(file, edited.replace('"kind":"nps"', '"kind":"stars"'));
      await expect
        .poll(run.err, { timeout: 10_000 })
        .toContain("was not reloaded, the previous surveys are still served");
      expect(run.err()).toContain("surveys[0].steps[0].kind");
      const served = (await (await fetch(`${siteUrl}/v1/surveys`)).json()) as {
        surveys: { steps: { kind: string }[] }[];
      };
      expect(served.surveys[0]!.steps[0]!.kind).toBe("nps");
    } finally {
      if (run.child.exitCode === null) process.kill(-run.child.pid!, "SIGKILL");
    }
  });

  test("the same from the environment; SIGTERM stops it cleanly too", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sonde-demo-env-"));
    const [site, collector] = [await freePort(), await freePort()];
    const run = runDemo(["--no-build"], {
      SONDE_DEMO_PORT: String(site),
      SONDE_DEMO_COLLECTOR_PORT: String(collector),
      SONDE_DEMO_SURVEYS: join(dir, surveyFile(dir)),
      SONDE_DEMO_DB: join(dir, "env.sqlite"),
    });
    try {
      await running(run);
      expect(run.out()).toContain(`Host site:          http://127.0.0.1:${site}/`);
      expect(run.out()).toContain(`Collector API:      http://127.0.0.1:${collector}/v1/results`);
      expect(run.out()).toContain(`on       http://127.0.0.1:${site}/docs/`);
      expect(existsSync(join(dir, "env.sqlite"))).toBe(true);
      process.kill(-run.child.pid!, "SIGTERM");
      expect(await run.exited).toBe(0);
      expect(run.err()).toBe("");
    } finally {
      if (run.child.exitCode === null) process.kill(-run.child.pid!, "SIGKILL");
    }
  });

  for (const [which, flag, env] of [
    ["site", "--port", "SONDE_DEMO_PORT"],
    ["collector", "--collector-port", "SONDE_DEMO_COLLECTOR_PORT"],
  ] as const)
    test(`a busy ${which} port: one line naming ${flag}, before any build`, async () => {
      const { port, server } = await occupy();
      const other = await freePort();
      const ports = which === "site" ? [port, other] : [other, port];
      // Without --no-build: the check must come first, so the build never starts.
      const run = runDemo(["--port", String(ports[0]), "--collector-port", String(ports[1])]);
      try {
        const code = await Promise.race([
          run.exited,
          new Promise<"built">((done) => {
            const watch = setInterval(() => {
              if (!run.out().includes("Building")) return;
              clearInterval(watch);
              done("built");
            }, 20);
            void run.exited.then(() => clearInterval(watch));
          }),
        ]);
        expect(code, `it went on to build:\n${run.out()}`).toBe(1);
        expect(run.out()).toBe("");
        expect(run.err()).toBe(
          `sonde demo: port ${port} is in use; choose another with ${flag} <n> (or ${env}), e.g. ${flag} ${port + 1}\n`,
        );
      } finally {
        if (run.child.exitCode === null) process.kill(-run.child.pid!, "SIGKILL");
        server.close();
      }
    });

  test("bad flags and files: one line each, naming what is wrong", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sonde-demo-bad-"));
    writeFileSync(join(dir, "broken.json"), JSON.stringify({ surveys: [{ id: "x", steps: [] }] }));
    const cases: [string[], RegExp][] = [
      [
        ["--port", "http"],
        /^sonde demo: --port \(or SONDE_DEMO_PORT\) must be a port number from 0 to 65535 \(got "http"\)\n$/,
      ],
      [["--port", "9100", "--collector-port", "9100"], /^sonde demo: --port and --collector-port are both 9100/],
      [["--surveys", "missing.json"], /^sonde demo: --surveys: no such file: .*missing\.json\n$/],
      [["--surveys", "broken.json"], /surveys\[0\]\.steps: must have at least one step/],
      [["--prot", "1"], /^sonde demo: Unknown option '--prot'; see npm run demo -- --help\n$/],
    ];
    for (const [args, want] of cases) {
      const run = runDemo(args, {}, dir);
      // Each is refused at once; one that went on would be stopped here.
      const timer = setTimeout(() => process.kill(-run.child.pid!, "SIGKILL"), 15_000);
      const code = await run.exited;
      clearTimeout(timer);
      expect(code, args.join(" ")).not.toBe(0);
      expect(run.err(), args.join(" ")).toMatch(want);
      expect(run.out(), args.join(" ")).not.toContain("Building");
    }
  });
});

test("every demo survey shows on the page the start-up message names, and on its preview link", async ({
  browser,
  demo,
}) => {
  test.setTimeout(180_000);
  const { surveys } = JSON.parse(readFileSync(join(repoRoot, "demo/surveys.json"), "utf8")) as { surveys: Survey[] };
  expect(surveys.length).toBeGreaterThanOrEqual(4);
  for (const survey of surveys) {
    const first = survey.steps[0]!.question;
    const question = typeof first === "string" ? first : first.en!;
    const { pages, preview } = whereItShows(survey, demo.siteUrl);
    expect(pages.length, `${survey.id} shows on no page of the demo site`).toBeGreaterThan(0);
    // A new visitor for each survey (every survey shows once per person); the preview shows it again.
    const context = await browser.newContext();
    const page = await context.newPage();
    const notFound: string[] = [];
    page.on("response", (r) => r.status() === 404 && notFound.push(r.url()));
    for (const url of [pages[0]!, preview]) {
      await page.goto(url);
      await expect(prompt(page).locator("h2"), `${survey.id} on ${url}`).toHaveText(question);
      // A page of the site, not a 404 dressed up.
      await expect(page.locator("header .logo")).toHaveText("Lumen");
    }
    expect(notFound).toEqual([]);
    await context.close();
  }
});

test("every demo page has a favicon", async ({ demo }) => {
  const res = await fetch(`${demo.siteUrl}/favicon.ico`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^image\//);
});
