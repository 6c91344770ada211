import { describe, expect, it } from "vitest";
import { runReadJob } from "./read-jobs.js";
import { BudgetExceeded, budgetedStore, MAX_SCORES, outOfTime } from "./results-budget.js";
import type { ResponseStore, ScoredResponseRow } from "./store/store.js";

/** A store whose scored rows are `rows`; nothing else is read. */
const storeOf = (rows: ScoredResponseRow[]) =>
  ({
    scoredResponses: (_query: unknown, visit: (row: ScoredResponseRow) => void) => {
      for (const row of rows) visit(row);
    },
  }) as unknown as ResponseStore;

const row = (i: number, answers: ScoredResponseRow["answers"], attributes: (string | null)[] = []) => ({
  count: 1,
  answeredAt: i,
  path: `/p${i}`,
  locale: "da",
  browserLocale: null,
  device: null,
  answers,
  attributes,
});

const nps = { kind: "nps", value: 9 } as const;
const read = (store: ResponseStore, attributes: string[] = []) => {
  let n = 0;
  store.scoredResponses({ surveyId: "s", attributes }, () => n++);
  return n;
};

describe("budgetedStore counts the scores a query will compute", () => {
  it("questions × (periods + groups), a step on two scales counting twice", () => {
    const rows = [
      row(1, { a: nps, b: { kind: "csat", value: 4, scale: 5 } }, ["pro"]),
      row(2, { a: nps, b: { kind: "ces", value: 4, scale: 7 } }, ["free"]),
    ];
    // 3 questions × (10 periods + 2 paths + 1 locale + 2 plans) = 45.
    const shape = { periods: 10, interval: "day" as const, by: ["path", "locale", "attr.plan"] };
    expect(read(budgetedStore(storeOf(rows), { maxScores: 45 }, shape), ["plan"])).toBe(2);
    expect(() => read(budgetedStore(storeOf(rows), { maxScores: 44 }, shape), ["plan"])).toThrow(
      "the query would compute more than 44 scores (3 questions × (10 days + 5 breakdown groups)); ask for a coarser interval (week or month)",
    );
  });

  it("stops as soon as the limit is passed, without reading the rest", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row(i, { [`q${i}`]: nps }));
    let visited = 0;
    const store = budgetedStore(storeOf(rows), {}, { periods: 1000, interval: "month", by: [] });
    expect(() => store.scoredResponses({ surveyId: "s" }, () => visited++)).toThrow(BudgetExceeded);
    expect(visited).toBe(Math.floor(MAX_SCORES / 1000));
  });

  it("counts only time without a shape (the comparison's read), and stops at the deadline", () => {
    const rows = Array.from({ length: 600 }, (_, i) => row(i, { [`q${i}`]: nps }));
    expect(read(budgetedStore(storeOf(rows)))).toBe(600);
    let now = 0;
    // The clock is read every 256 rows: the second reading is past the deadline.
    const clock = () => (now += 600);
    const late = budgetedStore(storeOf(rows), { deadline: 1000, timeMs: 1000, clock });
    try {
      read(late);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BudgetExceeded);
      expect((error as BudgetExceeded).status).toBe(503);
      expect((error as Error).message).toMatch(/^the query took longer than 1 s, the limit/);
    }
  });

  it("hands the deadline to each read of the store; a read the database stopped at it is the query's time out", async () => {
    const asked: unknown[] = [];
    let now = 0;
    // A database that fails every read when the clock says `failAt`.
    const stoppedAt = (failAt: number) => {
      const fail = async (query: unknown) => {
        asked.push(query);
        now = failAt;
        throw new Error("canceling statement due to statement timeout");
      };
      return {
        scoredResponses: fail,
        count: fail,
        fields: fail,
        followUps: { stats: fail },
      } as unknown as ResponseStore;
    };
    const budget = { deadline: 1000, timeMs: 1000, clock: () => now };
    const reads: [string, (store: ResponseStore) => Promise<unknown>][] = [
      ["scored rows", (store) => store.scoredResponses({ surveyId: "s" }, () => {}) as Promise<void>],
      ["count", (store) => store.count({ surveyId: "s" }) as Promise<number>],
      ["fields", (store) => store.fields({ surveyId: "s" }) as Promise<unknown>],
      ["follow-up figures", (store) => store.followUps.stats({ surveyId: "s" }) as Promise<unknown>],
    ];
    // The CSV export's columns, read as a job of the read API: the 503 that names the limit.
    const job = runReadJob(
      { kind: "fields", query: { surveyId: "s" } },
      { store: stoppedAt(1001), surveys: [], now: 0, budget },
    );
    expect(await job).toEqual({ ok: false, status: 503, errors: [outOfTime(budget)] });
    for (const [what, read] of reads) {
      asked.length = 0;
      const late = read(budgetedStore(stoppedAt(1001), budget));
      await expect(late, what).rejects.toBeInstanceOf(BudgetExceeded);
      await expect(late, what).rejects.toMatchObject({ status: 503 });
      expect(asked, what).toEqual([{ surveyId: "s", deadline: 1000 }]);
      // Failing before the deadline is another fault, passed on as it is.
      const broken = read(budgetedStore(stoppedAt(500), budget));
      await expect(broken, what).rejects.toThrow("canceling statement due to statement timeout");
      await expect(broken, what).rejects.not.toBeInstanceOf(BudgetExceeded);
    }
  });
});
