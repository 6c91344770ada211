import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test as base } from "@playwright/test";
import { startDemo } from "../../demo/start.mjs";
import { type CollectorProcess, repoRoot, spawnCollector } from "./collector.js";

/** The read key the seeded collector wants. */
export const READ_KEY = "rk_e2e_dashboard_4f1c9a";

/** A collector process on a database seeded by `sonde-collector seed`, with its console, behind the demo site. */
export interface SeededDemo {
  collector: CollectorProcess;
  siteUrl: string;
  /** The console (results dashboard) the collector serves. */
  consoleUrl: string;
  /** GETs a path from the collector directly (not through the dashboard), with the read key. */
  api<T>(path: string): Promise<T>;
}

/** Fills a new SQLite file with the seed command, as an operator would. */
export function seedDatabase(responsesPerSurvey = 400): string {
  const dbPath = join(mkdtempSync(join(tmpdir(), "sonde-e2e-seeded-")), "seeded.sqlite");
  execFileSync(process.execPath, [
    join(repoRoot, "packages/collector/dist/cli.js"),
    "seed",
    "--db",
    dbPath,
    "--surveys",
    join(repoRoot, "demo/surveys.json"),
    "--responses",
    String(responsesPerSurvey),
    "--seed",
    "7",
  ]);
  return dbPath;
}

/** Each worker gets its own seeded collector (with a read key) and demo site. */
export const test = base.extend<object, { seeded: SeededDemo }>({
  seeded: [
    async ({}, use) => {
      const collector = await spawnCollector({ dbPath: seedDatabase(), args: ["--read-key", READ_KEY, "--quiet"] });
      const demo = await startDemo({ sitePort: 0, collectorUrl: collector.url, quiet: true });
      await use({
        collector,
        siteUrl: demo.siteUrl,
        consoleUrl: `${collector.url}/console/`,
        async api<T>(path: string) {
          const res = await fetch(`${collector.url}${path}`, { headers: { authorization: `Bearer ${READ_KEY}` } });
          if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
          return (await res.json()) as T;
        },
      });
      await demo.close();
      await collector.stop();
    },
    { scope: "worker" },
  ],
});

export { expect } from "@playwright/test";
