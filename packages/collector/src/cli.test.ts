// The CLI as an operator meets it: refuses bad input with a clear message and exit code, says
// where it listens, stops cleanly on SIGTERM, seeds a database.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { runCli, startCli } from "./testing/cli-process.js";
import { demoSurveys, tempDir } from "./testing/fixtures.js";

describe("sonde-collector", () => {
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
    [["--cors-origin", "lumen.example"], '--cors-origin: "lumen.example" is not an origin'],
    [["--colour"], "Unknown option '--colour'"],
  ])("refuses %j with a message", async (args, message) => {
    const { code, stderr } = await runCli([...args, "--db", join(tempDir(), "x.sqlite")]);
    expect(code).not.toBe(0);
    expect(stderr).toContain(message);
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
});
