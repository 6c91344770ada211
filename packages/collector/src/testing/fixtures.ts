// Test helpers: a real collector on a fresh SQLite file, and valid wire-format responses to vary.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_ANSWERS, MAX_ATTRIBUTES, type SurveyResponse } from "@sonde/core";
import Database from "better-sqlite3";
import { type CollectorOptions, type RunningCollector, startCollector } from "../server.js";

/** A collector for one test file, with its database path and a way to count stored rows. */
export interface TestCollector extends RunningCollector {
  db: string;
  /** Rows in the SQLite file, read through a separate connection (what is really on disk). */
  rows(where?: string, ...params: unknown[]): number;
  /** One stored body, parsed. */
  stored(id: string): SurveyResponse | undefined;
}

/** A fresh directory for SQLite files and survey definitions. */
export const tempDir = () => mkdtempSync(join(tmpdir(), "sonde-collector-"));

/** Starts a quiet collector on a free port and a new SQLite file. */
export async function testCollector(options: Partial<CollectorOptions> = {}): Promise<TestCollector> {
  const db = options.db ?? join(tempDir(), "test.sqlite");
  // Tests run the sources, beside which no console is built: it is tested on its own (console.test.ts).
  const collector = await startCollector({ port: 0, quiet: true, consoleDir: false, ...options, db });
  const read = <T>(fn: (d: Database.Database) => T): T => {
    const d = new Database(db, { readonly: true });
    try {
      return fn(d);
    } finally {
      d.close();
    }
  };
  return {
    ...collector,
    db,
    rows: (where = "1", ...params) =>
      read((d) => (d.prepare(`SELECT count(*) AS n FROM responses WHERE ${where}`).get(...params) as { n: number }).n),
    stored: (id) =>
      read((d) => {
        const row = d.prepare("SELECT body FROM responses WHERE id = ?").get(id) as { body: string } | undefined;
        return row ? (JSON.parse(row.body) as SurveyResponse) : undefined;
      }),
  };
}

let counter = 0;

/** A valid response; `over` replaces top-level fields. Each call gets a new id unless one is given. */
export function response(over: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    id: `resp-${String(counter).padStart(6, "0")}`,
    surveyId: "nps-pricing",
    revision: 1,
    completed: true,
    answers: { score: { kind: "nps", value: 9 } },
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    anonymousId: "anon-1",
    context: { url: "https://lumen.example/pricing/", locale: "da-DK", device: "desktop" },
    schemaVersion: 1,
    ...over,
  };
}

/**
 * A response as large as the wire format allows: `MAX_ANSWERS` NPS answers under 64-character
 * step ids, `MAX_ATTRIBUTES` attributes of 512 characters, the longest URL, locale and ids.
 * `over` replaces top-level fields; `n` varies the ids, the scores and the page.
 */
export function worstCaseResponse(n: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (let q = 0; q < MAX_ANSWERS; q++)
    answers[`q${String(q).padStart(3, "0")}`.padEnd(64, "-")] = { kind: "nps", value: (n + q) % 11 };
  const attributes: Record<string, string> = {};
  for (let a = 0; a < MAX_ATTRIBUTES; a++) attributes[`attr${a}`.padEnd(64, "_")] = `${n % 3}`.padEnd(512, "x");
  return response({
    id: `worst-${String(n).padStart(8, "0")}`.padEnd(64, "0"),
    anonymousId: `anon-${n}`.padEnd(128, "a"),
    userId: `user-${n}`.padEnd(256, "u"),
    answers,
    context: {
      url: `https://lumen.example/p${n % 75}/?`.padEnd(2048, "q"),
      locale: "da-DK".padEnd(35, "x"),
      device: "desktop",
      attributes,
    },
    ...over,
  });
}

/** POSTs a body to `/v1/responses` (JSON by default). */
export function post(
  url: string,
  body: unknown,
  init: { type?: string; headers?: Record<string, string>; query?: string } = {},
): Promise<Response> {
  return fetch(`${url}/v1/responses${init.query ?? ""}`, {
    method: "POST",
    headers: { "content-type": init.type ?? "application/json", ...init.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** The demo's survey definitions (nps-pricing, nps-app, csat-support, gap-onboarding). */
export const demoSurveys = join(import.meta.dirname, "../../../../demo/surveys.json");
