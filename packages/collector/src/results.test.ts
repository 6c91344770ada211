import { compareNps, csatFromCounts, npsFromCounts, proportion } from "@sonde/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CesResult, CommentsBody, CsatResult, GapResult, NpsScore, ResultsBody, SurveyListBody } from "./api.js";
import { demoSurveys, post, response, type TestCollector, testCollector } from "./testing/fixtures.js";

let collector: TestCollector;
const MARCH = { from: "2025-03-01", to: "2025-03-31" };

/** An NPS answer to nps-app on a day of 2025, with context and an optional comment. */
function npsApp(day: string, score: number, where: { path: string; locale: string; plan?: string }, comment?: string) {
  const t = Date.parse(`${day}T12:00:00Z`);
  return response({
    surveyId: "nps-app",
    createdAt: t,
    updatedAt: t,
    answers: {
      score: { kind: "nps", value: score },
      ...(comment === undefined ? {} : { reason: { kind: "open", value: comment } }),
    },
    context: {
      url: `https://lumen.example${where.path}?utm_source=x#top`,
      locale: where.locale,
      attributes: where.plan ? { plan: where.plan } : undefined,
    },
  });
}

const notes = { path: "/app/notes/", locale: "da-DK", plan: "team" };
const search = { path: "/app/search/", locale: "fr-FR", plan: "free" };

beforeAll(async () => {
  collector = await testCollector({ surveys: demoSurveys, rateLimit: false });
  const march = [
    ...[1, 2, 3, 4, 5].map((d) => npsApp(`2025-03-0${d}`, 10, notes, d === 1 ? "Søgningen er fantastisk" : undefined)),
    npsApp("2025-03-10", 9, search, 'Bien, mais le plan "Team", c\'est cher'),
    npsApp("2025-03-11", 9, search, "   "),
    npsApp("2025-03-12", 9, search),
    npsApp("2025-03-15", 8, { path: "/app/notes/", locale: "en-US" }, "Two things:\n1. sync\n2. dark mode"),
    npsApp("2025-03-16", 8, { path: "/app/notes/", locale: "en-US" }),
    npsApp("2025-03-20", 3, { path: "/app/search/", locale: "ru-RU", plan: "free" }, '=HYPERLINK("http://x")'),
    npsApp("2025-03-31", 3, { path: "/app/search/", locale: "ru-RU", plan: "free" }, "Поиск не находит слова"),
  ];
  // The 31 days before March: four detractors and four promoters, NPS 0.
  const february = [0, 0, 0, 0, 9, 9, 9, 9].map((s, i) => npsApp(`2025-02-${10 + i}`, s, notes));
  const csat = [
    [5, 7],
    [5, 6],
    [4, 5],
    [3, 2],
    [1, 1],
  ].map(([satisfaction, effort]) =>
    response({
      surveyId: "csat-support",
      createdAt: Date.parse("2025-03-05T10:00:00Z"),
      answers: {
        satisfaction: { kind: "csat", value: satisfaction, scale: 5 },
        effort: { kind: "ces", value: effort, scale: 7 },
      },
    }),
  );
  const gap = [
    [5, 7],
    [6, 6],
    [5, 4],
    [7, 3],
  ].map(([expected, experienced]) =>
    response({
      surveyId: "gap-onboarding",
      createdAt: Date.parse("2025-03-05T10:00:00Z"),
      answers: { setup: { kind: "gap", expected, experienced, scale: 7 } },
    }),
  );
  const legacy = response({ surveyId: "legacy-survey", createdAt: Date.parse("2024-06-01T00:00:00Z") });
  const res = await post(collector.url, { responses: [...march, ...february, ...csat, ...gap, legacy] });
  expect(res.status).toBe(200);
});
afterAll(() => collector.close());

async function results(query: Record<string, string>): Promise<ResultsBody> {
  const res = await fetch(`${collector.url}/v1/results?${new URLSearchParams(query)}`);
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body as ResultsBody;
}

describe("GET /v1/results", () => {
  it("scores a survey's NPS in a period", async () => {
    const body = await results({ survey: "nps-app", ...MARCH });
    expect(body.survey).toEqual({ id: "nps-app", name: "NPS in the app", known: true, openQuestions: ["reason"] });
    expect(body.period).toEqual({ from: "2025-03-01T00:00:00.000Z", to: "2025-04-01T00:00:00.000Z" });
    expect(body.responses).toBe(12);
    expect(body.headline).toBe("score");
    expect(body.questions).toHaveLength(1);
    expect(body.questions[0]).toMatchObject({
      stepId: "score",
      kind: "nps",
      question: "How likely are you to recommend Lumen to a friend or colleague?",
    });
    const score = body.questions[0]!.score as NpsScore;
    expect(score).toMatchObject({ n: 12, promoters: 8, passives: 2, detractors: 2, score: 50, small: true });
    // The interval and SE are core's, for these very counts.
    const core = npsFromCounts({ promoters: 8, passives: 2, detractors: 2 });
    expect(score.se).toBe(core.se);
    expect(score.interval).toEqual(core.interval);
    expect(score.interval!.lower).toBeLessThan(50);
  });

  it("reads dates in the time zone asked for", async () => {
    // 2025-03-31T12:00Z is still March 31 in Tokyo, but 2025-03-01 starts 9 hours earlier there.
    const tokyo = await results({ survey: "nps-app", ...MARCH, tz: "Asia/Tokyo" });
    expect(tokyo.period.from).toBe("2025-02-28T15:00:00.000Z");
    expect(tokyo.timeZone).toBe("Asia/Tokyo");
    const earlyMarch = await results({
      survey: "nps-app",
      from: "2025-03-01",
      to: "2025-03-01",
      tz: "Pacific/Kiritimati",
    });
    // Noon UTC on March 1 is already March 2 at UTC+14.
    expect(earlyMarch.questions).toEqual([]);
  });

  it("draws a daily trend that adds up to the period", async () => {
    const body = await results({ survey: "nps-app", ...MARCH, interval: "day" });
    expect(body.trend.interval).toBe("day");
    expect(body.trend.points).toHaveLength(31);
    expect(body.trend.points[0]!.period).toBe("2025-03-01");
    const n = body.trend.points.reduce((sum, p) => sum + (p.questions.score as NpsScore).n, 0);
    expect(n).toBe(12);
    expect(body.trend.points.find((p) => p.period === "2025-03-20")!.questions.score).toMatchObject({
      n: 1,
      detractors: 1,
      score: -100,
    });
    // A day without answers is in the trend, empty, not missing.
    expect(body.trend.points.find((p) => p.period === "2025-03-21")!.questions.score).toMatchObject({
      n: 0,
      score: null,
      interval: null,
    });
  });

  it("groups by ISO week (Monday first) and month, and picks an interval for the period's length", async () => {
    const weeks = await results({ survey: "nps-app", ...MARCH, interval: "week" });
    expect(weeks.trend.points.map((p) => p.period)).toEqual([
      "2025-W09",
      "2025-W10",
      "2025-W11",
      "2025-W12",
      "2025-W13",
      "2025-W14",
    ]);
    // March 1–2 (Saturday, Sunday) are the end of week 9; only they count in it.
    expect((weeks.trend.points[0]!.questions.score as NpsScore).n).toBe(2);
    expect((await results({ survey: "nps-app", ...MARCH })).trend.interval).toBe("day");
    expect((await results({ survey: "nps-app", from: "2025-01-01", to: "2025-05-31" })).trend.interval).toBe("week");
    expect((await results({ survey: "nps-app", from: "2024-01-01", to: "2025-05-31" })).trend.interval).toBe("month");
  });

  it("breaks down by page, locale and attribute, largest first, flagging small groups", async () => {
    const body = await results({ survey: "nps-app", ...MARCH, by: "path,locale,attr.plan" });
    const [byPath, byLocale, byPlan] = body.breakdowns;
    expect(byPath!.by).toBe("path");
    const n = (g: { questions: Record<string, unknown> }) => (g.questions.score as NpsScore).n;
    expect(byPath!.groups.map((g) => [g.key, n(g), (g.questions.score as NpsScore).score, g.small])).toEqual([
      ["/app/notes/", 7, 100 * (5 / 7), true],
      ["/app/search/", 5, 20, true],
    ]);
    // Each group against the rest, with core's test: here /app/notes/ (5P 2Pa) vs /app/search/ (3P 2D).
    const versus = byPath!.groups[0]!.versusRest as { kind: "nps"; nps: { difference: number; pValue: number } };
    expect(versus.nps).toEqual(
      compareNps({ promoters: 5, passives: 2, detractors: 0 }, { promoters: 3, passives: 0, detractors: 2 }),
    );
    expect(byLocale!.groups.map((g) => [g.key, n(g)])).toEqual([
      ["da-DK", 5],
      ["fr-FR", 3],
      ["en-US", 2],
      ["ru-RU", 2],
    ]);
    expect(byPlan!.groups.map((g) => [g.key, n(g)])).toEqual([
      ["free", 5],
      ["team", 5],
      [null, 2],
    ]);
    const top = await results({ survey: "nps-app", ...MARCH, by: "locale", top: "2" });
    expect(top.breakdowns[0]!.groups).toHaveLength(2);
    expect(top.breakdowns[0]!.hidden).toBe(2);
  });

  it("compares with the previous period of the same length", async () => {
    const body = await results({ survey: "nps-app", ...MARCH, compare: "previous" });
    expect(body.comparison!.period).toEqual({ from: "2025-01-29T00:00:00.000Z", to: "2025-03-01T00:00:00.000Z" });
    expect(body.comparison!.responses).toBe(8);
    const score = body.comparison!.questions[0]!;
    expect(score.previous).toMatchObject({ n: 8, promoters: 4, detractors: 4, score: 0 });
    const expected = compareNps(
      { promoters: 8, passives: 2, detractors: 2 },
      { promoters: 4, passives: 0, detractors: 4 },
    );
    expect(score.comparison).toEqual({ kind: "nps", nps: expected });
    expect(expected.difference).toBe(50);
    // 12 and 8 answers: fewer than 30 on each side, so the difference is shown but not tested.
    expect(expected).toMatchObject({ tooFew: true, pValue: null, significant: false });
  });

  it("scores CSAT top-box next to top-2-box, CES agreement, and the expectation gap", async () => {
    const csat = await results({ survey: "csat-support", ...MARCH });
    expect(csat.headline).toBe("satisfaction");
    expect(csat.questions.map((q) => q.stepId)).toEqual(["satisfaction", "effort"]);
    const satisfaction = csat.questions[0]!.score as CsatResult;
    expect(satisfaction).toEqual(csatFromCounts([1, 0, 1, 1, 2]));
    expect(satisfaction.topBox).toMatchObject({ count: 2, share: 0.4 });
    expect(satisfaction.top2Box).toMatchObject({ count: 3, share: 0.6 });
    expect(satisfaction.topBox.interval).toEqual(proportion(2, 5).interval);
    expect(satisfaction.mean.mean).toBeCloseTo(3.6, 10);
    const effort = csat.questions[1]!.score as CesResult;
    expect(effort.agree).toMatchObject({ count: 3, share: 0.6 });
    expect(effort.mean.mean).toBeCloseTo(4.2, 10);

    const gap = (await results({ survey: "gap-onboarding", ...MARCH })).questions[0]!.score as GapResult;
    expect(gap.n).toBe(4);
    expect(gap.difference.mean).toBeCloseTo(-0.75, 10);
    expect(Object.fromEntries(Object.entries(gap.bands).map(([band, p]) => [band, p.count]))).toEqual({
      delighted: 1,
      met: 1,
      tolerated: 1,
      dissatisfied: 1,
    });
  });

  it("defaults to the first survey and to all time, up to the end of today", async () => {
    const body = await results({});
    expect(body.survey.id).toBe("nps-pricing");
    expect(body.responses).toBe(0);
    const app = await results({ survey: "nps-app" });
    expect(app.period.from).toBe("2025-02-10T00:00:00.000Z");
    expect(Date.parse(app.period.to)).toBeGreaterThan(Date.now());
    expect(Date.parse(app.period.to) - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect(app.responses).toBe(20);
  });

  it("never puts an answer in the future when the client's clock is ahead", async () => {
    const ahead = response({ surveyId: "nps-app", createdAt: Date.now() + 30 * 86_400_000 });
    await post(collector.url, { responses: [ahead] });
    const body = await results({ survey: "nps-app", interval: "month" });
    expect(body.responses).toBe(21);
    expect(body.trend.points.at(-1)!.period).toBe(new Date().toISOString().slice(0, 7));
  });

  it("answers 404 for an unknown survey, listing the known ones", async () => {
    const res = await fetch(`${collector.url}/v1/results?survey=nope`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { issues: string[] };
    expect(body.issues[0]).toBe(
      'survey: no survey "nope"; known surveys: nps-pricing, nps-app, csat-support, gap-onboarding, legacy-survey',
    );
  });

  it.each([
    [{ from: "2025-13-01" }, "from: must be a real date"],
    [{ from: "yesterday" }, "from: must be a date such as 2025-01-31"],
    [{ from: "2025-03-10", to: "2025-03-01" }, "to: must be after from"],
    [{ tz: "Mars/Olympus_Mons" }, 'tz: must be an IANA time zone such as Europe/Copenhagen (got "Mars/Olympus_Mons")'],
    [{ interval: "hour" }, 'interval: must be day, week or month (got "hour")'],
    [
      { by: "path,referrer" },
      'by: must list path, locale, language, browserLocale, browserLanguage, device or attr.<name> (got "referrer")',
    ],
    [{ compare: "yes" }, "compare: must be previous or none"],
    [{ top: "0" }, "top: must be a whole number from 1 to 500"],
    [{ survey: "a b" }, "survey: must be a survey id"],
    [{ from: "1990-01-01", interval: "day" }, "interval: the period holds"],
  ])("rejects %j with a 400 naming the parameter", async (query, message) => {
    const res = await fetch(`${collector.url}/v1/results?${new URLSearchParams({ survey: "nps-app", ...query })}`);
    const body = (await res.json()) as { issues: string[] };
    expect(res.status, JSON.stringify(body)).toBe(400);
    expect(body.issues.join("\n")).toContain(message);
  });
});

describe("GET /v1/results/surveys", () => {
  it("lists the served definitions, then surveys that only have data", async () => {
    const body = (await (await fetch(`${collector.url}/v1/results/surveys`)).json()) as SurveyListBody;
    expect(body.surveys.map((s) => [s.id, s.known, s.responses])).toEqual([
      ["nps-pricing", true, 0],
      ["nps-app", true, 21],
      ["csat-support", true, 5],
      ["gap-onboarding", true, 4],
      ["legacy-survey", false, 1],
    ]);
    expect(body.surveys[4]!.first).toBe("2024-06-01T00:00:00.000Z");
  });
});

describe("GET /v1/results/comments", () => {
  it("pages through written comments, newest first, each with its score, none twice", async () => {
    const seen: CommentsBody["items"] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const query = new URLSearchParams({ survey: "nps-app", limit: "2", ...(cursor ? { cursor } : {}) });
      const page = (await (await fetch(`${collector.url}/v1/results/comments?${query}`)).json()) as CommentsBody;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.next;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen.map((c) => c.comments[0]!.text)).toEqual([
      "Поиск не находит слова",
      '=HYPERLINK("http://x")',
      "Two things:\n1. sync\n2. dark mode",
      'Bien, mais le plan "Team", c\'est cher',
      "Søgningen er fantastisk",
    ]);
    expect(seen[0]).toMatchObject({
      path: "/app/search/",
      locale: "ru-RU",
      scores: [{ stepId: "score", kind: "nps", value: 3 }],
      at: "2025-03-31T12:00:00.000Z",
    });
  });

  it("keeps to the period and refuses a forged cursor", async () => {
    const march10 = (await (
      await fetch(`${collector.url}/v1/results/comments?survey=nps-app&from=2025-03-10&to=2025-03-10`)
    ).json()) as CommentsBody;
    expect(march10.items.map((c) => c.locale)).toEqual(["fr-FR"]);
    const res = await fetch(`${collector.url}/v1/results/comments?cursor=bm9wZQ`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: string[] }).issues[0]).toContain(
      "cursor: is not a cursor this API gave out",
    );
  });
});

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}

describe("GET /v1/results/export.csv", () => {
  it("exports raw responses as UTF-8 CSV with a BOM, quoted correctly, defused for spreadsheets", async () => {
    const res = await fetch(`${collector.url}/v1/results/export.csv?survey=nps-app&from=2025-03-01&to=2025-03-31`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="sonde-nps-app-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder("utf-8").decode(bytes));
    const [header, ...data] = rows;
    expect(header!.slice(0, 16)).toEqual([
      "id",
      "survey_id",
      "survey_version",
      "revision",
      "completed",
      "answered_at",
      "created_at",
      "updated_at",
      "received_at",
      "anonymous_id",
      "user_id",
      "url",
      "path",
      "locale",
      "browser_locale",
      "device",
    ]);
    expect(header!.slice(16)).toEqual(["score", "reason", "attr.plan"]);
    expect(data).toHaveLength(12);
    const col = (name: string) => header!.indexOf(name);
    const byComment = (text: string) => data.find((r) => r[col("reason")] === text);
    expect(byComment('Bien, mais le plan "Team", c\'est cher')).toBeDefined();
    expect(byComment("Two things:\n1. sync\n2. dark mode")).toBeDefined();
    expect(byComment("Søgningen er fantastisk")![col("score")]).toBe("10");
    expect(byComment('\'=HYPERLINK("http://x")')![col("locale")]).toBe("ru-RU");
    expect(data[0]![col("answered_at")]).toBe("2025-03-31T12:00:00.000Z");
    expect(data[0]![col("path")]).toBe("/app/search/");
  });

  it("streams a large export a page at a time, every row once", async () => {
    const many = Array.from({ length: 1234 }, (_, i) =>
      response({ surveyId: "bulk", createdAt: 1_700_000_000_000 + (i % 7) * 1000 }),
    );
    for (let i = 0; i < many.length; i += 500) await post(collector.url, { responses: many.slice(i, i + 500) });
    const text = await (await fetch(`${collector.url}/v1/results/export.csv?survey=bulk`)).text();
    const ids = parseCsv(text.replace(/^\uFEFF/, ""))
      .slice(1)
      .map((r) => r[0]);
    expect(ids).toHaveLength(1234);
    expect(new Set(ids).size).toBe(1234);
  });
});
