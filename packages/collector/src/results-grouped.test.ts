// Results read from rows the database grouped by period and context must be exactly those read one
// response at a time: the same request, computed both ways, on both stores.
import { type Survey, type SurveyResponse, seededRandom } from "@sonde/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeResults } from "./results.js";
import { parseResultsQuery } from "./results-query.js";
import type { ResponseStore, ScoredResponseRow } from "./store/store.js";
import { response } from "./testing/fixtures.js";
import { storeKinds } from "./testing/store-kinds.js";

const DAY = 86_400_000;
// Ten weeks around the end of summer time in Europe and its start in Chile.
const FIRST = Date.parse("2025-09-01T00:00:00Z");
const survey = {
  id: "mixed",
  steps: [
    { kind: "nps", id: "score", question: "How likely…?" },
    { kind: "csat", id: "sat", scale: 5, question: "Satisfied?" },
    { kind: "gap", id: "gap", scale: 5, question: "Expected and got?" },
    { kind: "open", id: "why", question: "Why?" },
  ],
} as unknown as Survey;

/** Responses with every dimension results group by varying, a few of them alike. */
function responses(n: number): SurveyResponse[] {
  const random = seededRandom(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  return Array.from({ length: n }, () => {
    // Whole quarter hours, some on the hour: answers right at a period's edge in some time zone.
    const at = FIRST + Math.floor(random() * 70 * 96) * 15 * 60_000;
    const answers: Record<string, unknown> = { score: { kind: "nps", value: pick([0, 3, 6, 7, 8, 9, 10, 10]) } };
    if (random() < 0.7) answers.sat = { kind: "csat", scale: 5, value: pick([1, 2, 4, 5, 5]) };
    if (random() < 0.5) answers.gap = { kind: "gap", scale: 5, expected: pick([3, 4, 5]), experienced: pick([2, 4]) };
    if (random() < 0.3) answers.why = { kind: "open", value: "because" };
    const attributes: Record<string, unknown> = {};
    if (random() < 0.8) attributes.plan = pick(["free", "team"]);
    if (random() < 0.5) attributes.seats = pick([1, 3]);
    if (random() < 0.5) attributes.trial = pick([true, false]);
    return response({
      surveyId: "mixed",
      createdAt: at,
      updatedAt: at,
      answers,
      context: {
        url: `https://lumen.example${pick(["/a/", "/a", "/b/x", "/B"])}?q=${pick([1, 2])}`,
        locale: pick(["da-DK", "fr-FR", "DA-dk"]),
        browserLocale: pick(["da", "fr-FR"]),
        device: pick(["mobile", "desktop", "tablet"]),
        attributes,
      },
    }) as unknown as SurveyResponse;
  });
}

/** The store read one response per row: what results computed before the database grouped them. */
const oneByOne = (store: ResponseStore): ResponseStore => ({
  ...store,
  scoredResponses: (query, visit) => store.scoredResponses({ ...query, periodStarts: undefined }, visit),
});

const REQUESTS = [
  "interval=week&tz=Europe/Copenhagen&by=path,device",
  "interval=day&tz=America/Santiago&by=locale,attr.plan&compare=previous",
  "interval=day&tz=UTC&by=attr.seats,attr.trial",
  "interval=month&tz=Asia/Kathmandu&by=language,browserLocale&compare=previous",
  "interval=week&tz=Europe/Copenhagen&filter=device:mobile,attr.trial:true&by=path",
  "interval=day&tz=Pacific/Chatham&from=2025-10-03&to=2025-10-09&by=device",
];

describe.each(storeKinds())("results on the $name store", ({ skip, open }) => {
  if (skip) return void it.skip(skip, () => {});
  let store: ResponseStore;
  const all = responses(600);
  beforeAll(async () => {
    store = await open();
    await store.ingest(all, FIRST + 80 * DAY);
  });
  afterAll(() => store?.close());

  it.each(REQUESTS)("are the same grouped by the store as read one by one: %s", async (query) => {
    const params = Object.fromEntries(new URLSearchParams(`survey=mixed&from=2025-09-01&to=2025-11-09&${query}`));
    const parsed = parseResultsQuery(params);
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    const ctx = { surveys: [survey], now: FIRST + 80 * DAY };
    const grouped = await computeResults(parsed.value, { ...ctx, store });
    const single = await computeResults(parsed.value, { ...ctx, store: oneByOne(store) });
    expect(grouped.ok).toBe(true);
    expect(grouped).toEqual(single);
  });

  it("hands the query's deadline to every read it makes of the store", async () => {
    const asked: [string, unknown][] = [];
    const noting =
      <Q, R>(what: string, read: (query: Q) => R) =>
      (query: Q) => {
        asked.push([what, (query as { deadline?: number }).deadline]);
        return read(query);
      };
    const watched: ResponseStore = {
      ...store,
      count: noting("count", (q) => store.count(q)),
      fields: (query, options) => noting("fields", (q: typeof query) => store.fields(q, options))(query),
      followUps: { ...store.followUps, stats: noting("follow-ups", (q) => store.followUps.stats(q)) },
      scoredResponses: (query, visit) => noting("scored", (q: typeof query) => store.scoredResponses(q, visit))(query),
    };
    const parsed = parseResultsQuery({ survey: "mixed", from: "2025-09-01", to: "2025-11-09", compare: "previous" });
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    const deadline = Date.now() + 60_000;
    const ctx = { surveys: [survey], now: FIRST + 80 * DAY, store: watched, budget: { deadline, timeMs: 60_000 } };
    expect((await computeResults(parsed.value, ctx)).ok).toBe(true);
    // The period's rows, count, fields and follow-up figures, and the comparison's rows and count.
    expect(asked.map(([what]) => what).sort()).toEqual(
      ["count", "count", "fields", "follow-ups", "scored", "scored"].sort(),
    );
    for (const [what, given] of asked) expect(given, what).toBe(deadline);
  });

  it("hands over every scored response once, alike ones in one row", async () => {
    const weeks = Array.from({ length: 11 }, (_, i) => FIRST + i * 7 * DAY);
    let grouped = 0;
    let rows = 0;
    await store.scoredResponses({ surveyId: "mixed", since: FIRST, periodStarts: weeks }, (row: ScoredResponseRow) => {
      grouped += row.count;
      rows++;
    });
    expect(grouped).toBe(all.length);
    expect(rows).toBeLessThan(all.length);
  });

  it("names a step answered in two shapes (a survey edited) alike whatever order the rows come in", async () => {
    const edited = { ...survey, id: "edited", steps: [{ kind: "ces", id: "sat", question: "Easy?" }] } as Survey;
    const at = (i: number) => FIRST + i * 3_600_000;
    const answer = (i: number) =>
      i % 4 === 0 ? { kind: "ces", scale: 7, value: 1 + (i % 7) } : { kind: "csat", scale: 5, value: 1 + (i % 5) };
    const made = (surveyId: string) =>
      Array.from({ length: 40 }, (_, i) =>
        response({ surveyId, createdAt: at(i), updatedAt: at(i), answers: { sat: answer(i) } }),
      ) as unknown as SurveyResponse[];
    await store.ingest([...made("edited"), ...made("retired")], FIRST + 80 * DAY);
    const reversed: ResponseStore = {
      ...store,
      scoredResponses: async (query, visit) => {
        const rows: ScoredResponseRow[] = [];
        await store.scoredResponses(query, (row) => rows.push(row));
        rows.reverse().forEach(visit);
      },
    };
    const ctx = { surveys: [edited], now: FIRST + 80 * DAY };
    for (const [id, plain, other] of [
      ["edited", "ces", "sat.csat5"], // the definition's shape keeps the id
      ["retired", "csat", "sat.ces7"], // no definition: the most answered keeps it
    ] as const) {
      const parsed = parseResultsQuery({ survey: id, from: "2025-09-01", to: "2025-09-10", compare: "previous" });
      if (!parsed.ok) throw new Error(parsed.errors.join("; "));
      const bodies = await Promise.all(
        [store, oneByOne(store), reversed].map((s) => computeResults(parsed.value, { ...ctx, store: s })),
      );
      const body = bodies[0]!;
      if (!body.ok) throw new Error("not ok");
      expect(body.value.questions.map((q) => [q.stepId, q.kind, q.score.n])).toEqual([
        ["sat", plain, plain === "ces" ? 10 : 30],
        [other, other === "sat.csat5" ? "csat" : "ces", plain === "ces" ? 30 : 10],
      ]);
      expect(bodies[1]).toEqual(body);
      expect(bodies[2]).toEqual(body);
    }
  });
});
