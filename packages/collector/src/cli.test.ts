// The CLI as an operator meets it: refuses bad input with a clear message and exit code, says
// where it listens, stops cleanly on SIGTERM, seeds a database.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { runCli, startCli } from "./testing/cli-process.js";
import { demoSurveys, tempDir } from "./testing/fixtures.js";

// Each case spawns node: on a loaded machine that alone can take seconds.
describe("sonde-collector", { timeout: 30_000 }, () => {
  it("refuses to start with invalid surveys, naming the file and each bad path (exit 1)", async () => {
    const file = join(tempDir(), "surveys.json");
    writeFileSync(file, JSON.stringify({ surveys: [{ id: "x", steps: [{ kind: "nps", id: "s", question: "" }] }] }));
    const { code, stderr } = await runCli(["--port", "0", "--db", join(tempDir(), "x.sqlite"), "--surveys", file]);
    expect(code).toBe(1);
    expect(stderr).toContain("sonde-collector: the survey definitions are invalid:");
    expect(stderr).toContain(`${file}: surveys[0].steps[0].question`);
  });

  it.each([
    [["--port", "99999"], "--port must be a whole number from 0 to 65535"],
    [["--rate-limit", "fast"], "--rate-limit must be a whole number"],
    [["--sync", "sometimes"], "--sync must be normal or full"],
    [["--read-key", "short"], "--read-key must be 8 to 256 printable characters"],
    [["--admin-key", "short"], "--admin-key must be 8 to 256 printable characters"],
    [["--cors-origin", "lumen.example"], '--cors-origin: "lumen.example" is not an origin'],
    [["--colour"], "Unknown option '--colour'"],
  ])("refuses %j with a message", async (args, message) => {
    const { code, stderr } = await runCli([...args, "--db", join(tempDir(), "x.sqlite")]);
    expect(code).not.toBe(0);
    expect(stderr).toContain(message);
  });

  it("--help lists the admin key, its environment variable and what --surveys does now", async () => {
    const { code, stdout } = await runCli(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/--admin-key <key> +key of the admin API/);
    expect(stdout).toContain("SONDE_ADMIN_KEY");
    expect(stdout).toContain("the file wins for the ids it names");
  });

  it("refuses an admin key equal to the read or write key, without printing it (exit 1)", async () => {
    const key = "shared-key-0123456789";
    for (const [flag, env] of [
      ["--read-key", { SONDE_ADMIN_KEY: key }],
      ["--write-key", { SONDE_ADMIN_KEY: key }],
    ] as const) {
      const { code, stderr } = await runCli([flag, key, "--db", join(tempDir(), "x.sqlite")], env);
      expect(code).toBe(1);
      expect(stderr).toContain(`--admin-key must differ from ${flag}`);
      expect(stderr).not.toContain(key);
    }
  });

  it("takes the admin key from SONDE_ADMIN_KEY, and never logs it", async () => {
    const key = "env-admin-key-0123456789";
    const cli = await startCli(["--db", join(tempDir(), "x.sqlite")], { SONDE_ADMIN_KEY: key });
    const ok = await fetch(`${cli.url}/v1/admin/surveys`, { headers: { authorization: `Bearer ${key}` } });
    expect(ok.status).toBe(200);
    expect((await fetch(`${cli.url}/v1/admin/surveys?key=${key}`)).status).toBe(401);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toMatch(/ GET \/v1\/admin\/surveys 200 /);
    expect(cli.output()).not.toContain(key);
  });

  it("prints where it listens, logs requests, and exits 0 on SIGTERM", async () => {
    const cli = await startCli(["--db", join(tempDir(), "x.sqlite"), "--surveys", demoSurveys]);
    expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${cli.url}/v1/surveys`)).status).toBe(200);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toMatch(/ GET \/v1\/surveys 200 /);
  });

  it("seeds a database with the same data for the same seed", async () => {
    const dbs = [join(tempDir(), "a.sqlite"), join(tempDir(), "b.sqlite")];
    for (const db of dbs) {
      const args = ["seed", "--db", db, "--surveys", demoSurveys, "--responses", "50", "--now", "2025-06-30T12:00:00Z"];
      const { code, stdout } = await runCli(args);
      expect(code).toBe(0);
      expect(stdout).toContain("seeded 200 responses to 4 surveys");
    }
    const [a, b] = dbs.map((db) => {
      const d = new Database(db, { readonly: true });
      const rows = d.prepare("SELECT id, body FROM responses ORDER BY id").all();
      d.close();
      return rows;
    });
    expect(a).toHaveLength(200);
    expect(a).toEqual(b);
  });

  it("warns when results are readable without a key, even on loopback", async () => {
    const cli = await startCli(["--db", join(tempDir(), "x.sqlite")]);
    cli.child.kill("SIGTERM");
    await cli.exited;
    expect(cli.output()).toContain(
      "sonde-collector: warning: no --read-key: results are readable without a key by any program or user on this machine",
    );
  });

  it("refuses to listen beyond loopback without a read key unless its hosts are named", async () => {
    const { code, stderr } = await runCli(["--host", "0.0.0.0", "--port", "0", "--db", join(tempDir(), "x.sqlite")]);
    expect(code).toBe(1);
    expect(stderr).toContain("--host 0.0.0.0: without --read-key a collector listens on loopback only");
  });
});

describe("sonde-collector check and compile", { timeout: 30_000 }, () => {
  const survey = (id: string, over: Record<string, unknown> = {}) => ({
    id,
    steps: [{ kind: "nps", id: "score", question: "How likely…?" }],
    ...over,
  });
  const write = (files: Record<string, unknown>) => {
    const dir = tempDir();
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
    }
    return dir;
  };

  it.each([
    [
      "one malformed survey among good ones",
      { "surveys.json": { surveys: [survey("good"), survey("bad", { priority: "high" }), survey("fine")] } },
      ['surveys.json: surveys[1].priority: must be a number (got "high")'],
    ],
    [
      "definitions that are not JSON",
      { "surveys.json": '{ "surveys": [ { "id": "x", } ] }' },
      ["surveys.json: is not valid JSON: line 1, column 29: expected a property name in double quotes"],
    ],
    [
      "definitions of the wrong top-level shape",
      { "surveys.json": '"nps-pricing"' },
      ['surveys.json: must be a list of surveys, { "surveys": [...] } or one survey (got a string)'],
    ],
    [
      "a misspelled key",
      { "surveys.json": [survey("x", { rules: { trigers: [{ type: "manual" }] } })] },
      ['surveys.json: surveys[0].rules.trigers: unknown field; did you mean "triggers"?'],
    ],
    [
      "schedule under rules",
      { "surveys.json": [survey("x", { rules: { schedule: { start: "2026-01-01T00:00:00Z" } } })] },
      ['surveys.json: surveys[0].rules.schedule: unknown field here; "schedule" belongs to surveys[0]'],
    ],
    [
      "a colour and a path written loosely",
      {
        "surveys.json": [
          survey("x", {
            appearance: { theme: { brand: "blue-ish" } },
            rules: { triggers: [{ type: "pageview", url: [{ match: "startsWith", value: "docs" }] }] },
          }),
        ],
      },
      [
        'surveys.json: surveys[0].rules.triggers[0].url[0].value: must start with "/" (got "docs"); did you mean "/docs"?',
        'surveys.json: surveys[0].appearance.theme.brand: must be a CSS colour such as #4f46e5, rgb(79 70 229) or indigo (got "blue-ish")',
      ],
    ],
  ])("check: %s — every bad path printed, exit 1", async (_, files, lines) => {
    const dir = write(files);
    const { code, stdout, stderr } = await runCli(["check", join(dir, "surveys.json")]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    for (const line of lines) expect(stderr).toContain(join(dir, line));
    expect(stderr).toContain(`sonde-collector: ${lines.length} problem${lines.length > 1 ? "s" : ""} in ${dir}`);
  });

  it("check: a folder, every problem of every file, and the collector refuses to start on the same", async () => {
    const dir = write({
      "a.json": [survey("a", { priority: "high" })],
      "b.json": "[",
      "c.json": [survey("c")],
    });
    const checked = await runCli(["check", dir]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain(`${join(dir, "a.json")}: surveys[0].priority: must be a number`);
    expect(checked.stderr).toContain(`${join(dir, "b.json")}: is not valid JSON: line 1, column 2: expected ']'`);
    expect(checked.stderr).toContain("2 problems in");
    const started = await runCli(["--port", "0", "--db", join(tempDir(), "x.sqlite"), "--surveys", dir]);
    expect(started.code).toBe(1);
    expect(started.stderr).toContain(`${join(dir, "a.json")}: surveys[0].priority: must be a number`);
    expect(started.stderr).toContain(`${join(dir, "b.json")}: is not valid JSON: line 1, column 2`);
  });

  it("check: valid definitions exit 0; unknown fields are warnings with --allow-unknown", async () => {
    const dir = write({ "surveys.json": [survey("a"), survey("b", { confetti: true })] });
    const strict = await runCli(["check", join(dir, "surveys.json")]);
    expect(strict.code).toBe(1);
    const lenient = await runCli(["check", "--allow-unknown", join(dir, "surveys.json")]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain("warning:");
    expect(lenient.stderr).toContain("surveys[1].confetti: unknown field, ignored");
    expect(lenient.stdout).toContain("2 surveys valid (a, b)");
    const demo = await runCli(["check", demoSurveys]);
    expect(demo).toMatchObject({ code: 0, stderr: "" });
  });

  it("compile writes exactly what the collector serves, and nothing when the input is invalid", async () => {
    const dir = write({ "surveys.json": { $schema: "./survey.schema.json", surveys: [survey("a"), survey("b")] } });
    const out = join(dir, "compiled.json");
    const compiled = await runCli(["compile", join(dir, "surveys.json"), out]);
    expect(compiled.code).toBe(0);
    const cli = await startCli(["--db", join(tempDir(), "x.sqlite"), "--surveys", join(dir, "surveys.json")]);
    const served = await (await fetch(`${cli.url}/v1/surveys`)).text();
    cli.child.kill("SIGTERM");
    await cli.exited;
    expect(readFileSync(out, "utf8")).toBe(served);
    expect(JSON.parse(served).surveys.map((s: { id: string }) => s.id)).toEqual(["a", "b"]);

    const bad = write({ "surveys.json": [survey("a", { rules: { trigers: [] } })] });
    const refused = await runCli(["compile", join(bad, "surveys.json"), join(bad, "out.json")]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('did you mean "triggers"?');
    expect(existsSync(join(bad, "out.json"))).toBe(false);
  });

  it("check and compile name their arguments when they are missing", async () => {
    expect(await runCli(["check"])).toMatchObject({ code: 2 });
    expect((await runCli(["compile", "only-one.json"])).stderr).toContain("compile needs the definitions to read");
  });
});
