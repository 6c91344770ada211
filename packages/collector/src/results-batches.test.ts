// Results tally the rows of a period a few thousand at a time and merge the tallies: over more
// rows than one batch, every count still adds up — totals, the weekly trend, each page's group,
// each language's regions, and the previous period.
import type { SurveyResponse } from "@sonde/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { NpsScore, ResultsBody } from "./api.js";
import { openSqliteStore } from "./store/sqlite.js";
import { demoSurveys, response, type TestCollector, tempDir, testCollector } from "./testing/fixtures.js";

const N = 10_000; // more than two batches
const DAY = 86_400_000;
const START = Date.parse("2025-03-03T00:00:00Z"); // a Monday
let collector: TestCollector;

/** Response i: score i % 11, on page /p{i % 3}/, in en-US or en-GB, on one of 28 days (and 28 days before them for the previous period). */
const at = (i: number, before = false) => {
  const t = START + (i % 28) * DAY + (i % 1000) * 1000 - (before ? 28 * DAY : 0);
  return response({
    id: `${before ? "b" : "a"}-${i}`,
    surveyId: "nps-app",
    createdAt: t,
    updatedAt: t,
    answers: { score: { kind: "nps", value: i % 11 } },
    context: { url: `https://lumen.example/p${i % 3}/`, locale: i % 2 ? "en-US" : "en-GB" },
  }) as unknown as SurveyResponse;
};

beforeAll(async () => {
  const db = `${tempDir()}/batches.sqlite`;
  const store = openSqliteStore(db);
  for (let i = 0; i < N; i += 500) {
    store.ingest(
      Array.from({ length: 500 }, (_, j) => at(i + j)),
      START + 60 * DAY,
    );
    store.ingest(
      Array.from({ length: 500 }, (_, j) => at(i + j, true)).slice(0, i < N / 2 ? 500 : 0),
      START + 60 * DAY,
    );
  }
  store.close();
  // Inline: the read worker runs the built files, this test the sources.
  collector = await testCollector({ db, surveys: demoSurveys, rateLimit: false, results: { thread: "inline" } });
});
afterAll(() => collector.close());

/** Promoters, passives, detractors among responses i of [0, N) where `pick(i)`. */
function counts(pick: (i: number) => boolean) {
  const c = { n: 0, promoters: 0, passives: 0, detractors: 0 };
  for (let i = 0; i < N; i++) {
    if (!pick(i)) continue;
    c.n++;
    const s = i % 11;
    if (s >= 9) c.promoters++;
    else if (s >= 7) c.passives++;
    else c.detractors++;
  }
  return c;
}

it(`adds up over ${N} responses read in batches`, { timeout: 30_000 }, async () => {
  const res = await fetch(
    `${collector.url}/v1/results?survey=nps-app&from=2025-03-03&to=2025-03-30&interval=week&by=path,language&compare=previous`,
  );
  expect(res.status).toBe(200);
  const body = (await res.json()) as ResultsBody;
  expect(body.responses).toBe(N);
  expect(body.questions[0]!.score).toMatchObject(counts(() => true));
  const weeks = body.trend.points.map((p) => (p.questions.score as NpsScore).n);
  expect(weeks).toEqual([0, 1, 2, 3].map((w) => counts((i) => Math.floor((i % 28) / 7) === w).n));
  const [byPath, byLanguage] = body.breakdowns;
  for (const g of byPath!.groups) {
    expect(g.questions.score, String(g.key)).toMatchObject(counts((i) => `/p${i % 3}/` === g.key));
  }
  expect(byLanguage!.groups.map((g) => [g.key, g.regions])).toEqual([
    [
      "en",
      [
        { key: "en-GB", n: N / 2 },
        { key: "en-US", n: N / 2 },
      ],
    ],
  ]);
  expect(body.comparison!.responses).toBe(N / 2);
  expect(body.comparison!.questions[0]!.previous).toMatchObject({ n: N / 2 });
});
