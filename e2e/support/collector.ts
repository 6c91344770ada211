import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SurveyResponse } from "@sonde/core";
import Database from "better-sqlite3";

export const repoRoot = join(import.meta.dirname, "../..");
const cli = join(repoRoot, "packages/collector/dist/cli.js");

/** A collector running as its own process on a fresh SQLite file. */
export interface CollectorProcess {
  url: string;
  dbPath: string;
  child: ChildProcess;
  /** Rows for the given response id (counted in the real SQLite file). */
  rowsFor(id: string): number;
  /** All stored rows, or those of one survey. */
  rowCount(surveyId?: string): number;
  /** Every stored row: its id, revision and the response as stored, ordered by id. */
  rows(): { id: string; revision: number; response: SurveyResponse }[];
  stop(): Promise<void>;
}

/** Spawns `sonde-collector --port 0` and waits until it prints where it listens. */
export async function spawnCollector(
  opts: { surveys?: string; dbPath?: string; args?: string[] } = {},
): Promise<CollectorProcess> {
  const dbPath = opts.dbPath ?? join(mkdtempSync(join(tmpdir(), "sonde-e2e-")), "collector.sqlite");
  const surveys = opts.surveys ?? join(repoRoot, "demo/surveys.json");
  const child = spawn(
    process.execPath,
    [cli, "--port", "0", "--db", dbPath, "--surveys", surveys, ...(opts.args ?? [])],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (c: Buffer) => (out += c));
    child.once("exit", (code) => reject(new Error(`collector exited with ${code}: ${out}`)));
    setTimeout(() => reject(new Error(`collector did not start: ${out}`)), 10_000);
  });
  const query = <T>(sql: string, ...params: unknown[]): T => {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).get(...params) as T;
    } finally {
      db.close();
    }
  };
  return {
    url,
    dbPath,
    child,
    rowsFor: (id) => query<{ n: number }>("SELECT count(*) AS n FROM responses WHERE id = ?", id).n,
    rowCount: (surveyId) =>
      surveyId === undefined
        ? query<{ n: number }>("SELECT count(*) AS n FROM responses").n
        : query<{ n: number }>("SELECT count(*) AS n FROM responses WHERE survey_id = ?", surveyId).n,
    rows: () => {
      const db = new Database(dbPath, { readonly: true, fileMustExist: true });
      try {
        const rows = db.prepare("SELECT id, revision, body FROM responses ORDER BY id").all() as {
          id: string;
          revision: number;
          body: string;
        }[];
        return rows.map((r) => ({ id: r.id, revision: r.revision, response: JSON.parse(r.body) as SurveyResponse }));
      } finally {
        db.close();
      }
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
