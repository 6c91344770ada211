// How much one results query may compute, and for how long. Responses are bounded by the wire
// format (100 answers, 50 attributes each), but a period holds many of them: a query's work is
// counted while its rows are read, and it stops as soon as it would pass a limit.
import type { PeriodUnit } from "@sonde/core";
import type { AnswerQuery, ReadDeadline, ResponseStore, ScoredResponseRow } from "./store/store.js";

/**
 * The most scores one query computes: questions × (periods of the trend + groups of the
 * breakdowns). The dashboard's year by week, by page and language, is a few hundred; a year by
 * day of ten questions over a hundred pages is 4,650. The limit keeps the work and the answer
 * (~300 bytes a score, 6 MB at most) bounded.
 */
export const MAX_SCORES = 20_000;

/** How long one query may run before it is stopped (the worker is also cut off a little later). */
export const QUERY_TIME_BUDGET_MS = 20_000;

/** A query's limits: when it must be done, and how many scores it may compute. */
export interface QueryBudget {
  /** The instant (by `clock`) past which the query stops with a 503. */
  deadline?: number;
  /** The time it was given, for the message. */
  timeMs?: number;
  clock?: () => number;
  maxScores?: number;
}

/** A query stopped by its budget: the status to answer and the line saying which limit and what to do. */
export class BudgetExceeded extends Error {
  constructor(
    readonly status: 400 | 503,
    message: string,
  ) {
    super(message);
  }
}

/** What the scores of one query are counted over: its trend's periods and its breakdowns. */
export interface QueryShape {
  periods: number;
  interval: PeriodUnit;
  /** Breakdown fields, as in the request: `path`, `locale`, `device`, `attr.<name>`. */
  by: readonly string[];
}

/** Which group a row falls in for one breakdown field (as results group it), or undefined when not counted. */
function groupOf(row: ScoredResponseRow, by: string, attributes: readonly string[]): string | null | undefined {
  if (by === "path") return row.path;
  if (by === "locale") return row.locale;
  if (by === "device") return row.device;
  const i = by.startsWith("attr.") ? attributes.indexOf(by.slice(5)) : -1;
  return i < 0 ? undefined : (row.attributes[i] ?? null);
}

const COARSER: Record<PeriodUnit, string> = { day: "week or month", week: "month", month: "a shorter period" };

/** Counts the scores a query will compute as its rows are read; throws BudgetExceeded past the limit. */
function scoreCounter(shape: QueryShape, max: number, attributes: readonly string[]) {
  const questions = new Set<string>();
  const groups = shape.by.map(() => new Set<string | null>());
  let groupCount = 0;
  return (row: ScoredResponseRow) => {
    const before = questions.size + groupCount;
    for (const [stepId, a] of Object.entries(row.answers)) {
      // Results keep a step answered on different scales apart, as different questions.
      questions.add(`${stepId}\u0000${a.kind}${a.kind === "nps" ? "" : a.scale}`);
    }
    shape.by.forEach((by, i) => {
      const group = groupOf(row, by, attributes);
      if (group === undefined || groups[i]!.has(group)) return;
      groups[i]!.add(group);
      groupCount++;
    });
    if (questions.size + groupCount === before || questions.size * (shape.periods + groupCount) <= max) return;
    const what = `${questions.size} questions × (${shape.periods} ${shape.interval}s + ${groupCount} breakdown groups)`;
    throw new BudgetExceeded(
      400,
      `the query would compute more than ${max} scores (${what}); ask for a coarser interval (${COARSER[shape.interval]}), a shorter period, or fewer breakdowns`,
    );
  };
}

/**
 * The store as one query should read it: every row counted against the budget's time, and (with a
 * shape) against the scores it will compute. Throws BudgetExceeded from inside the read. The reads
 * results make (scored rows, count, fields, follow-up figures) carry the deadline to the store, and
 * one that the database stopped at it is this query's time out.
 */
export function budgetedStore(store: ResponseStore, budget: QueryBudget = {}, shape?: QueryShape): ResponseStore {
  const clock = budget.clock ?? Date.now;
  const { deadline } = budget;
  const inTime = () => {
    if (deadline !== undefined && clock() > deadline) throw new BudgetExceeded(503, outOfTime(budget));
  };
  const within = <Q extends ReadDeadline>(query: Q): Q => (deadline === undefined ? query : { ...query, deadline });
  // A read that failed past the deadline was stopped by it (or would have been): a 503, not a fault.
  const timed = <T>(read: T): T =>
    read instanceof Promise
      ? (read.catch((error: unknown) => {
          inTime();
          throw error;
        }) as T)
      : read;
  return {
    ...store,
    count: (query) => timed(store.count(within(query ?? {}))),
    fields: (query, options) => timed(store.fields(within(query), options)),
    followUps: { ...store.followUps, stats: (query) => timed(store.followUps.stats(within(query))) },
    scoredResponses(query: AnswerQuery, visit: (row: ScoredResponseRow) => void) {
      const count = shape && scoreCounter(shape, budget.maxScores ?? MAX_SCORES, query.attributes ?? []);
      let rows = 0;
      const read = store.scoredResponses(within(query), (row) => {
        // Reading the clock costs little, but not nothing: every 256 rows is often enough while
        // reading, and once more at the end (a few heavy rows, or a database that grouped them).
        if (++rows % 256 === 0) inTime();
        count?.(row);
        visit(row);
      });
      return read instanceof Promise ? timed(read).then(inTime) : inTime();
    },
  };
}

/** The line a query out of time answers with, naming the limit. */
export function outOfTime(budget: QueryBudget): string {
  const ms = budget.timeMs ?? QUERY_TIME_BUDGET_MS;
  const limit = ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
  return `the query took longer than ${limit}, the limit; ask for a shorter period, a coarser interval or fewer breakdowns`;
}
