import { parseArgs } from "node:util";
import { seedAnyStore } from "../seed/seed.js";
import { isPgUrl, openPgStore } from "../store/pg.js";
import { openSqliteStore } from "../store/sqlite.js";
import { InvalidSurveysError, loadSurveys } from "../surveys.js";
import { fail, wholeNumber } from "./args.js";

/** `sonde-collector seed`: fills a database with realistic demo responses to the given surveys. */
export async function seed(args: string[], usage: string): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: "string" },
      surveys: { type: "string" },
      "allow-unknown": { type: "boolean" },
      responses: { type: "string" },
      days: { type: "string" },
      seed: { type: "string" },
      now: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const db = values.db ?? process.env.SONDE_DATABASE_URL;
  if (!db) fail("seed needs --db <file|postgres://…>");
  if (!values.surveys) fail("seed needs --surveys <path>");
  const now = values.now === undefined ? Date.now() : Date.parse(values.now);
  if (Number.isNaN(now)) fail(`--now must be a date-time such as 2025-06-30T12:00:00Z (got "${values.now}")`);
  let surveys: ReturnType<typeof loadSurveys>;
  try {
    surveys = loadSurveys(values.surveys, { allowUnknown: values["allow-unknown"] ?? false });
  } catch (error) {
    if (!(error instanceof InvalidSurveysError)) throw error;
    fail(error.message.replace(/^sonde-collector: /, ""), 1);
  }
  const store = isPgUrl(db) ? await openPgStore(db, { surveyRefreshMs: 0 }) : openSqliteStore(db);
  try {
    const n = await seedAnyStore(store, surveys, {
      responses: wholeNumber("responses", values.responses, 600, 1, 1_000_000),
      days: wholeNumber("days", values.days, 120, 1, 3650),
      seed: wholeNumber("seed", values.seed, 1),
      now,
    });
    console.log(
      `sonde-collector: seeded ${n} responses to ${surveys.length} surveys into ${isPgUrl(db) ? "the PostgreSQL database" : db}`,
    );
  } finally {
    await store.close();
  }
}
