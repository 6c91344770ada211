import type { Survey } from "@sonde/core";
import type { Context, Hono } from "hono";
import { requireKey } from "../http/access-key.js";
import { computeResults, type ResultsContext } from "../results.js";
import { computeComments } from "../results-comments.js";
import { exportCsv } from "../results-csv.js";
import {
  parseCommentsQuery,
  parseExportQuery,
  parseResultsQuery,
  parseSurveysQuery,
  resolvePeriod,
} from "../results-query.js";
import { surveyList } from "../results-surveys.js";
import type { ResponseStore } from "../store/store.js";

/** What the read routes need. */
export interface ResultsOptions {
  store: ResponseStore;
  surveys: readonly Survey[];
  readKey: string | undefined;
  now: () => number;
}

const invalid = (c: Context, errors: string[], status: 400 | 404 = 400) =>
  c.json({ error: status === 404 ? "not found" : "invalid query", issues: errors }, status);

/**
 * The read API, behind the read key: `/v1/results/surveys`, `/v1/results`,
 * `/v1/results/comments` and `/v1/results/export.csv`.
 */
export function resultsRoutes(app: Hono, options: ResultsOptions): void {
  const context = (): ResultsContext => ({
    store: options.store,
    surveys: options.surveys,
    now: options.now(),
  });
  app.use("/v1/results", requireKey(options.readKey, "read"));
  app.use("/v1/results/*", requireKey(options.readKey, "read"));
  app.use("/v1/results", noStore);
  app.use("/v1/results/*", noStore);

  app.get("/v1/results/surveys", (c) => {
    const request = parseSurveysQuery(c.req.query());
    if (!request.ok) return invalid(c, request.errors);
    const period = request.value.counted ? resolvePeriod(request.value, 0, options.now()) : null;
    if (period && !period.ok) return invalid(c, period.errors);
    return c.json({ surveys: surveyList(options.store, options.surveys, period?.value) });
  });

  app.get("/v1/results", (c) => {
    const request = parseResultsQuery(c.req.query());
    if (!request.ok) return invalid(c, request.errors);
    const result = computeResults(request.value, context());
    return result.ok ? c.json(result.value) : invalid(c, result.errors, result.status);
  });

  app.get("/v1/results/comments", (c) => {
    const request = parseCommentsQuery(c.req.query());
    if (!request.ok) return invalid(c, request.errors);
    const result = computeComments(request.value, context());
    return result.ok ? c.json(result.value) : invalid(c, result.errors, result.status);
  });

  app.get("/v1/results/export.csv", (c) => {
    const request = parseExportQuery(c.req.query());
    if (!request.ok) return invalid(c, request.errors);
    const period = resolvePeriod(request.value, 0, options.now());
    if (!period.ok) return invalid(c, period.errors);
    const name = `sonde-${request.value.surveyId ?? "all"}-${new Date(options.now()).toISOString().slice(0, 10)}.csv`;
    return c.body(
      exportCsv(
        options.store,
        { surveyId: request.value.surveyId, ...period.value, filters: request.value.filters },
        options.surveys,
      ),
      200,
      {
        "content-type": "text/csv; charset=utf-8; header=present",
        "content-disposition": `attachment; filename="${name}"`,
      },
    );
  });
}

async function noStore(c: Context, next: () => Promise<void>) {
  c.header("cache-control", "no-store");
  c.header("cross-origin-resource-policy", "same-origin");
  await next();
}
