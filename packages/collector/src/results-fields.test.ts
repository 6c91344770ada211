// What results contain beyond the scores: breakdowns by language with regions, by browser language
// and device, significance that is honest at its n, filters, per-period survey counts, comments asked.
import { breakdown, type compareNps, holmAdjust, tallyResponses } from "@sonde/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommentsBody, NpsScore, ResultsBody, SurveyListBody } from "./api.js";
import { demoSurveys, post, response, type TestCollector, testCollector } from "./testing/fixtures.js";

let collector: TestCollector;
const APRIL = { from: "2025-04-01", to: "2025-04-30" };

/** An NPS answer to nps-pricing on an April day, from a person with this prompt/browser language. */
function answer(
  day: number,
  score: number,
  who: { locale: string; browser?: string; device?: string; plan?: string; seats?: number },
  comment?: string,
) {
  const t = Date.UTC(2025, 3, day, 12);
  return response({
    surveyId: comment === undefined ? "nps-pricing" : "nps-app",
    createdAt: t,
    updatedAt: t,
    answers: {
      score: { kind: "nps", value: score },
      ...(comment === undefined ? {} : { reason: { kind: "open", value: comment } }),
    },
    context: {
      url: "https://lumen.example/pricing/",
      locale: who.locale,
      ...(who.browser ? { browserLocale: who.browser } : {}),
      device: who.device ?? "desktop",
      attributes: { ...(who.plan ? { plan: who.plan } : {}), ...(who.seats ? { seats: who.seats } : {}) },
    },
  });
}

// 40 English answers (prompt "en"; browsers en-US ×25, en-GB ×10, EN-us ×5 as some browsers spell it),
// 35 Danish, 1 Japanese browser shown the English prompt with a 10; mobile ones score lower.
const seeded: Record<string, unknown>[] = [];
for (let i = 0; i < 40; i++) {
  const browser = i < 25 ? "en-US" : i < 35 ? "en-GB" : "EN-us";
  seeded.push(answer(1 + (i % 28), [10, 9, 8, 6][i % 4]!, { locale: "en", browser, plan: i % 2 ? "team" : "free" }));
}
for (let i = 0; i < 35; i++)
  seeded.push(
    answer(1 + (i % 28), [10, 10, 9, 3, 7][i % 5]!, {
      locale: "da",
      browser: "da-DK",
      device: i < 12 ? "mobile" : "desktop",
      plan: "team",
      seats: 5,
    }),
  );
seeded.push(answer(3, 10, { locale: "en", browser: "ja-JP", plan: "free" }));

beforeAll(async () => {
  collector = await testCollector({ surveys: demoSurveys, rateLimit: false });
  const comments = [
    answer(5, 2, { locale: "en", browser: "en-US", device: "mobile" }, "Too slow on my phone"),
    answer(6, 10, { locale: "da", browser: "da-DK" }, "Fantastisk"),
  ];
  const unknown = response({
    surveyId: "retired-survey",
    createdAt: Date.UTC(2025, 3, 9),
    answers: { score: { kind: "nps", value: 9 }, why: { kind: "open", value: "" } },
  });
  const res = await post(collector.url, { responses: [...seeded, ...comments, unknown] });
  expect(res.status).toBe(200);
});
afterAll(() => collector.close());

async function get<T>(path: string, query: Record<string, string>): Promise<T> {
  const res = await fetch(`${collector.url}${path}?${new URLSearchParams(query)}`);
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body as T;
}
const results = (query: Record<string, string>) =>
  get<ResultsBody>("/v1/results", { survey: "nps-pricing", ...APRIL, ...query });
const n = (g: { questions: Record<string, unknown> }) => (g.questions.score as NpsScore).n;

describe("languages counted as people expect", () => {
  it("by language: one row per language with its regions inside; by locale: one row per tag", async () => {
    const body = await results({ by: "language,locale" });
    const [byLanguage, byLocale] = body.breakdowns;
    expect(byLanguage!.groups.map((g) => [g.key, n(g), g.regions])).toEqual([
      ["en", 41, [{ key: "en", n: 41 }]],
      ["da", 35, [{ key: "da", n: 35 }]],
    ]);
    expect(byLocale!.groups.map((g) => [g.key, n(g), g.regions])).toEqual([
      ["en", 41, undefined],
      ["da", 35, undefined],
    ]);
  });

  it("the respondent's browser language is kept apart from the prompt's, tags in canonical case", async () => {
    const body = await results({ by: "browserLanguage,browserLocale" });
    const [byLanguage, byTag] = body.breakdowns;
    expect(byLanguage!.groups.map((g) => [g.key, n(g), g.regions])).toEqual([
      [
        "en",
        40,
        [
          { key: "en-US", n: 30 },
          { key: "en-GB", n: 10 },
        ],
      ],
      ["da", 35, [{ key: "da-DK", n: 35 }]],
      ["ja", 1, [{ key: "ja-JP", n: 1 }]],
    ]);
    expect(byTag!.groups.map((g) => [g.key, n(g)])).toEqual([
      ["da-DK", 35],
      ["en-US", 30],
      ["en-GB", 10],
      ["ja-JP", 1],
    ]);
  });
});

describe("segment-vs-rest tests", () => {
  it("a group of one answer of 10 is too few to compare: no p-value, not significant", async () => {
    const body = await results({ by: "browserLanguage" });
    const ja = body.breakdowns[0]!.groups.find((g) => g.key === "ja")!;
    expect(ja.small).toBe(true);
    expect(ja.versusRest).toMatchObject({
      kind: "nps",
      nps: { tooFew: true, significant: false, pValue: null, pAdjusted: null, minN: 30 },
    });
    expect(body.breakdowns[0]).toMatchObject({ adjustment: "holm", minN: 30 });
  });

  it("returns the raw and the Holm-adjusted p-value, as core computes them for these answers", async () => {
    const body = await results({ by: "browserLanguage" });
    const rows = tallyResponses(
      seeded.map((r) => {
        const c = r.context as { browserLocale: string };
        return { ...(r as never as { surveyId: string; createdAt: number }), context: { ...c, url: "/" } } as never;
      }),
      { segment: "browserLanguage" },
    );
    const [expected] = breakdown(rows);
    const raw = expected!.segments.map((s) => (s.versusRest as { nps: { pValue: number | null } }).nps.pValue);
    const adjusted = holmAdjust(raw);
    for (const [i, s] of expected!.segments.entries()) {
      const got = body.breakdowns[0]!.groups.find((g) => g.key === s.segment)!.versusRest as {
        nps: { pValue: number | null; pAdjusted: number | null; adjustment: string };
      };
      expect(got.nps.pValue).toBe(raw[i]);
      expect(got.nps.pAdjusted).toBe(adjusted[i]);
      if (raw[i] !== null) expect(got.nps.adjustment).toBe("holm");
    }
    // en and da both have ≥ 30 answers and were tested; ja was not.
    expect(raw.filter((p) => p !== null)).toHaveLength(2);
  });

  it("period over period keeps its single test, unadjusted", async () => {
    const body = await results({ compare: "previous" });
    // The previous 30 days have no answers at all: nothing to compare.
    expect(body.comparison!.questions[0]!.comparison).toEqual({ kind: "nps", nps: null });
    const two = await get<ResultsBody>("/v1/results", {
      survey: "nps-pricing",
      from: "2025-04-11",
      to: "2025-04-28",
      compare: "previous",
    });
    const cmp = two.comparison!.questions[0]!.comparison as { nps: ReturnType<typeof compareNps> };
    expect(cmp.nps).toMatchObject({ adjustment: "none", tooFew: false });
    expect(cmp.nps.pValue).not.toBeNull();
    expect(cmp.nps.pAdjusted).toBe(cmp.nps.pValue);
  });
});

describe("breakdowns and filters by device and attribute", () => {
  it("breaks down by device and attr.<name>; lists the attributes present", async () => {
    const body = await results({ by: "device,attr.plan,attr.seats" });
    const [device, plan, seats] = body.breakdowns;
    expect(device!.groups.map((g) => [g.key, n(g)])).toEqual([
      ["desktop", 64],
      ["mobile", 12],
    ]);
    expect(plan!.groups.map((g) => [g.key, n(g)])).toEqual([
      ["team", 55],
      ["free", 21],
    ]);
    expect(seats!.groups.map((g) => [g.key, n(g)])).toEqual([
      [null, 41],
      ["5", 35],
    ]);
    expect(body.attributes).toEqual(["plan", "seats"]);
  });

  it("filters scores, trend, counts and breakdowns to a device or an attribute value", async () => {
    const mobile = await results({ filter: "device:mobile", by: "device", interval: "week" });
    expect(mobile.filters).toEqual(["device:mobile"]);
    expect(mobile.responses).toBe(12);
    expect((mobile.questions[0]!.score as NpsScore).n).toBe(12);
    expect(mobile.breakdowns[0]!.groups.map((g) => g.key)).toEqual(["mobile"]);
    const trendN = mobile.trend.points.reduce((s, p) => s + (p.questions.score as NpsScore).n, 0);
    expect(trendN).toBe(12);
    // Attribute values compare as results show them: the number 5 as "5".
    const both = await results({ filter: "attr.plan:team,attr.seats:5,device:desktop" });
    expect(both.responses).toBe(23);
    const free = await results({ filter: "attr.plan:free" });
    expect(free.responses).toBe(21);
  });

  it("filters comments too", async () => {
    const all = await get<CommentsBody>("/v1/results/comments", { survey: "nps-app", ...APRIL });
    expect(all.items.map((c) => c.comments[0]!.text)).toEqual(["Fantastisk", "Too slow on my phone"]);
    expect(all.items[1]).toMatchObject({ locale: "en", browserLocale: "en-US", device: "mobile" });
    const mobile = await get<CommentsBody>("/v1/results/comments", {
      survey: "nps-app",
      ...APRIL,
      filter: "device:mobile",
    });
    expect(mobile.items.map((c) => c.comments[0]!.text)).toEqual(["Too slow on my phone"]);
  });

  it.each([
    ["device", "filter: must list device:<value> or attr.<name>:<value>"],
    [
      "path:/pricing/",
      'filter: must list device:<value> or attr.<name>:<value>, separated by commas (got "path:/pricing/")',
    ],
    ["attr.plan:", "filter: must list device:<value>"],
  ])("refuses filter=%s with a 400 naming it", async (filter, message) => {
    const res = await fetch(`${collector.url}/v1/results?${new URLSearchParams({ survey: "nps-pricing", filter })}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: string[] }).issues.join("\n")).toContain(message);
  });
});

describe("what is shown", () => {
  it("says which surveys ask open questions: from the definition, else from the answers", async () => {
    expect((await results({})).survey.openQuestions).toEqual([]);
    expect((await results({ survey: "nps-app" })).survey.openQuestions).toEqual(["reason"]);
    const retired = await get<ResultsBody>("/v1/results", { survey: "retired-survey", from: "2025-04-01" });
    expect(retired.survey).toEqual({ id: "retired-survey", name: null, known: false, openQuestions: ["why"] });
  });

  it("the survey list counts responses in the period asked for, and marks ids it does not define", async () => {
    const all = await get<SurveyListBody>("/v1/results/surveys", {});
    expect(all.surveys.map((s) => [s.id, s.known, s.responses])).toEqual([
      ["nps-pricing", true, 76],
      ["nps-app", true, 2],
      ["csat-support", true, 0],
      ["gap-onboarding", true, 0],
      ["retired-survey", false, 1],
    ]);
    const week = await get<SurveyListBody>("/v1/results/surveys", { from: "2025-04-01", to: "2025-04-07" });
    const counts = Object.fromEntries(week.surveys.map((s) => [s.id, s.responses]));
    const inWeek = seeded.filter((r) => (r.createdAt as number) < Date.UTC(2025, 3, 8)).length;
    expect(counts).toMatchObject({ "nps-pricing": inWeek, "nps-app": 2, "retired-survey": 0 });
    expect(counts["nps-pricing"]).toBe((await results({ from: "2025-04-01", to: "2025-04-07" })).responses);
  });
});
