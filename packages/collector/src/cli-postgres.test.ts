// What an operator does from the command line works on PostgreSQL as on SQLite: `seed` fills the
// database, `--surveys` imports a file at start (the file winning for the ids it names, a survey
// dropped from it paused), and a restart with an edited file serves the edit. The built CLI as a
// real process, on a throwaway cluster. (`check` and `compile` read only files: no store.)
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli, startCli } from "./testing/cli-process.js";
import { tempDir } from "./testing/fixtures.js";
import { findPgBin, type PgCluster, startPgCluster } from "./testing/pg-cluster.js";

const demoSurveys = join(import.meta.dirname, "../../../demo/surveys.json");
const ci = process.env.CI === "true" || process.env.CI === "1";
const runs = Boolean(findPgBin()) || ci;

let cluster: PgCluster | undefined;
beforeAll(async () => {
  if (runs) cluster = await startPgCluster();
}, 30_000);
afterAll(() => cluster?.stop());

const nps = (id: string, question: string) => ({ id, steps: [{ kind: "nps", id: "score", question }] });

it.skipIf(!runs)(
  "seeds, imports --surveys at start and serves a restart's edits on PostgreSQL",
  { timeout: 60_000 },
  async () => {
    const db = cluster!.url;
    const seeded = await runCli(
      ["seed", "--surveys", demoSurveys, "--responses", "30", "--now", "2025-06-30T12:00:00Z"],
      { SONDE_DATABASE_URL: db },
    );
    expect(seeded.stderr).toBe("");
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain("seeded 120 responses to 4 surveys into the PostgreSQL database");

    const file = join(tempDir(), "surveys.json");
    writeFileSync(file, JSON.stringify([nps("kept", "How likely…?"), nps("dropped", "Recommend us?")]));
    const served = async (url: string) =>
      (
        (await (await fetch(`${url}/v1/surveys`)).json()) as {
          surveys: { id: string; steps: { question: string }[] }[];
        }
      ).surveys;

    let cli = await startCli(["--db", db, "--surveys", file, "--quiet"]);
    expect((await served(cli.url)).map((s) => s.id)).toEqual(["kept", "dropped"]);
    const totals = (await (await fetch(`${cli.url}/v1/results/surveys`)).json()) as {
      surveys: { id: string; responses: number }[];
    };
    expect(totals.surveys.reduce((n, s) => n + s.responses, 0)).toBe(120);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);

    // The file changes between starts: one survey edited, the other dropped.
    writeFileSync(file, JSON.stringify([nps("kept", "How likely now?")]));
    cli = await startCli(["--db", db, "--surveys", file]);
    const after = await served(cli.url);
    expect(after.map((s) => [s.id, s.steps[0]!.question])).toEqual([["kept", "How likely now?"]]);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toContain('survey "dropped" is no longer in');
  },
);
