// The read API's work as plain-data jobs, so that it can run on another thread than the one that
// answers requests: a job goes in, its JSON body (or the status and lines of a refusal) comes out.

import { computeInbox, computeInboxItem } from "./inbox.js";
import type { ResultsContext } from "./results.js";
import { computeResults } from "./results.js";
import { BudgetExceeded, budgetedStore } from "./results-budget.js";
import { computeComments } from "./results-comments.js";
import type { CommentsRequest, InboxRequest, ResolvedPeriod, ResultsRequest } from "./results-query.js";
import { type ResultsError, surveyList } from "./results-surveys.js";
import type { ResponseQuery } from "./store/store.js";

/** A read of the results API. */
export type ReadJob =
  | { kind: "results"; request: ResultsRequest }
  | { kind: "comments"; request: CommentsRequest }
  | { kind: "inbox"; request: InboxRequest }
  /** One answer of the inbox, whole, with the same person's earlier answers. */
  | { kind: "inbox-item"; id: string }
  /** The survey list, each counted within `period` when one is given. */
  | { kind: "surveys"; period?: ResolvedPeriod | undefined }
  /** The answer and attribute fields of a period: the CSV export's columns. */
  | { kind: "fields"; query: ResponseQuery };

/** A job's answer: its JSON body, serialized where it was computed, or a refusal. */
export type ReadOutcome = { ok: true; json: string } | ResultsError;

const body = (result: { ok: true; value: unknown } | ResultsError): ReadOutcome =>
  result.ok ? { ok: true, json: JSON.stringify(result.value) } : result;

/** Runs one job; a query stopped by its budget becomes its refusal, any other error is thrown. */
export async function runReadJob(job: ReadJob, ctx: ResultsContext): Promise<ReadOutcome> {
  try {
    if (job.kind === "results") return body(await computeResults(job.request, ctx));
    if (job.kind === "comments") return body(await computeComments(job.request, ctx));
    if (job.kind === "inbox") return body(await computeInbox(job.request, ctx));
    if (job.kind === "inbox-item") return body(await computeInboxItem(job.id, ctx));
    if (job.kind === "fields")
      return { ok: true, json: JSON.stringify(await budgetedStore(ctx.store, ctx.budget).fields(job.query)) };
    return { ok: true, json: JSON.stringify({ surveys: await surveyList(ctx.store, ctx.surveys, job.period) }) };
  } catch (error) {
    if (error instanceof BudgetExceeded) return { ok: false, status: error.status, errors: [error.message] };
    throw error;
  }
}
