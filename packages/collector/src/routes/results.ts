import type { Survey } from "@sonde/core";
import type { Context, Hono } from "hono";
import { requireKey } from "../http/access-key.js";
import type { ReadOutcome } from "../read-jobs.js";
import { inlineRunner, type ReadRunner } from "../read-runner.js";
import type { ResultsContext } from "../results.js";
import { exportCsv } from "../results-csv.js";
import {
  parseCommentsQuery,
  parseExportQuery,
  parseResultsQuery,
  parseSurveysQuery,
  resolvePeriod,
} from "../results-query.js";
import type { ResponseFields, ResponseStore } from "../store/store.js";

/** What the read routes need. */
export interface ResultsOptions {
  store: ResponseStore;
  /** The definitions results know now (they change while the collector runs). */
  surveys: () => readonly Survey[];
  readKey: string | undefined;
  now: () => number;
  /** Where results, comments and the survey list are computed (default: this thread, within the time budget). */
  reads?: ReadRunner;
}

const ERRORS = { 400: "invalid query", 404: "not found", 503: "query stopped" } as const;

const invalid = (c: Context, errors: string[], status: 400 | 404 | 503 = 400) =>
  c.json({ error: ERRORS[status], issues: errors }, status);

/** A read job's outcome as the response: its JSON body as computed, or the refusal. */
const reply = (c: Context, outcome: ReadOutcome) =>
  outcome.ok
    ? c.body(outcome.json, 200, { "content-type": "application/json" })
    : invalid(c, outcome.errors, outcome.status);

/**
 * The read API, behind the read key: `/v1/results/surveys`, `/v1/results`,
 * `/v1/results/comments` and `/v1/results/export.csv`.
 */
export function resultsRoutes(app: Hono, options: ResultsOptions): void {
  const reads =
    options.reads ??
    inlineRunner((): ResultsContext => ({ store: options.store, surveys: options.surveys(), now: options.now() }));
  app.use("/v1/results", requireKey(options.readKey, "read"));
  app.use("/v1/results/*", requireKey(options.readKey, "read"));
  app.use("/v1/results", noStore);
  app.use("/v1/results/*", noStore);

  app.get("/v1/results/surveys", async (c) => {
    const request = parseSurveysQuery(c.req.query());
    if (!request.ok) return invalid(c, request.errors);
    const period = request.value.counted ? resolvePeriod(request.value, 0, options.now()) : null;
    if (period && !period.ok) return invalid(c, period.errors);
    return reply(c, await reads.run({ kind: "surveys", period: period?.value }));
  });

  app.get("/v1/results", async (c) => {
    const request = parseResultsQuery(c.req.query());
    if (!request.ok) return invalid(c, request.errors);
    return reply(c, await reads.run({ kind: "results", request: request.value }));
  });

  app.get("/v1/results/comments", async (c) => {
    const request = parseCommentsQuery(c.req.query());
    if (!request.ok) return invalid(c, request.errors);
    return reply(c, await reads.run({ kind: "comments", request: request.value }));
  });

  app.get("/v1/results/export.csv", async (c) => {
    const request = parseExportQuery(c.req.query());
    if (!request.ok) return invalid(c, request.errors);
    const period = resolvePeriod(request.value, 0, options.now());
    if (!period.ok) return invalid(c, period.errors);
    const query = { surveyId: request.value.surveyId, ...period.value, filters: request.value.filters };
    const columns = await reads.run({ kind: "fields", query });
    if (!columns.ok) return invalid(c, columns.errors, columns.status);
    const name = `sonde-${request.value.surveyId ?? "all"}-${new Date(options.now()).toISOString().slice(0, 10)}.csv`;
    return c.body(
      exportCsv(options.store, query, options.surveys(), undefined, JSON.parse(columns.json) as ResponseFields),
      200,
      {
        "content-type": "text/csv; charset=utf-8; header=present",
        "content-disposition": `attachment; filename="${name}"`,
      },
    );
  });
}

/** Answers holding results are never cached, and are readable only by the collector's own pages. */
export async function noStore(c: Context, next: () => Promise<void>) {
  c.header("cache-control", "no-store");
  c.header("cross-origin-resource-policy", "same-origin");
  await next();
}
