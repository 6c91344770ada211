import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InboxBody, InboxDetail, ResultsBody, SurveyListBody } from "./api.js";
import { demoSurveys, post, response, type TestCollector, testCollector } from "./testing/fixtures.js";

const READ_KEY = "rk_inbox_test_7c1d";
const DAY = 86_400_000;
// Answers given over the last few days, so that the default period (from the first answer to today) holds them.
const t0 = Date.now() - 5 * DAY;
let collector: TestCollector;

const auth = { authorization: `Bearer ${READ_KEY}` };
const get = async <T>(path: string) => {
  const res = await fetch(`${collector.url}${path}`, { headers: auth });
  return { status: res.status, body: (await res.json()) as T };
};
const put = (id: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${collector.url}/v1/inbox/${encodeURIComponent(id)}/follow-up`, {
    method: "PUT",
    headers: { ...auth, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const nps = (id: string, value: number, at: number, over: Record<string, unknown> = {}) =>
  response({
    id,
    surveyId: "nps-app",
    answers: { score: { kind: "nps", value }, ...((over.answers as object) ?? {}) },
    createdAt: at,
    updatedAt: at,
    ...over,
  });

beforeAll(async () => {
  collector = await testCollector({ surveys: demoSurveys, readKey: READ_KEY, rateLimit: false });
  const res = await post(collector.url, {
    responses: [
      nps("a-detractor", 3, t0, {
        anonymousId: "anon-ana",
        userId: "ana@lumen.example",
        answers: { score: { kind: "nps", value: 3 }, reason: { kind: "open", value: "Too expensive for a team of 3" } },
        context: {
          url: "https://lumen.example/app/billing?x=1",
          locale: "da",
          device: "mobile",
          attributes: { plan: "team" },
        },
      }),
      nps("a-passive", 7, t0 + DAY, { anonymousId: "anon-bo" }),
      nps("a-promoter", 10, t0 + 2 * DAY, {
        anonymousId: "anon-cy",
        answers: { score: { kind: "nps", value: 10 }, reason: { kind: "open", value: "Love it" } },
      }),
      nps("b-detractor", 0, t0 + 3 * DAY, {
        anonymousId: "anon-dan",
        context: { url: "https://lumen.example/app/", device: "desktop" },
      }),
      // Ana again, later: her earlier answer is listed with this one.
      nps("a-detractor-2", 5, t0 + 4 * DAY, { anonymousId: "anon-ana-other-device", userId: "ana@lumen.example" }),
      response({
        id: "csat-low",
        surveyId: "csat-support",
        answers: { satisfaction: { kind: "csat", value: 2, scale: 5 } },
        createdAt: t0 + DAY,
        updatedAt: t0 + DAY,
      }),
    ],
  });
  expect(res.status).toBe(200);
});
afterAll(() => collector.close());

describe("GET /v1/inbox", () => {
  it("lists every answer newest first, with its scores, comments, person and status", async () => {
    const { status, body } = await get<InboxBody>("/v1/inbox");
    expect(status).toBe(200);
    expect(body.items.map((i) => i.id)).toEqual([
      "a-detractor-2",
      "b-detractor",
      "a-promoter",
      // Answered at the same time: the later id first, as pages are cut.
      "csat-low",
      "a-passive",
      "a-detractor",
    ]);
    const ana = body.items.at(-1)!;
    expect(ana).toMatchObject({
      surveyId: "nps-app",
      path: "/app/billing",
      device: "mobile",
      userId: "ana@lumen.example",
      scores: [{ stepId: "score", kind: "nps", value: 3 }],
      comments: [{ stepId: "reason", text: "Too expensive for a team of 3" }],
      followUp: "new",
    });
  });

  it.each([
    ["survey=nps-app&band=detractor", ["a-detractor-2", "b-detractor", "a-detractor"]],
    ["band=unhappy", ["a-detractor-2", "b-detractor", "csat-low", "a-detractor"]],
    ["band=promoter", ["a-promoter"]],
    ["band=passive", ["a-passive"]],
    ["comment=with", ["a-promoter", "a-detractor"]],
    ["survey=nps-app&comment=without&band=detractor", ["a-detractor-2", "b-detractor"]],
    ["filter=device:mobile", ["a-detractor"]],
    ["filter=attr.plan:team", ["a-detractor"]],
  ])("filters: %s", async (query, ids) => {
    const { body } = await get<InboxBody>(`/v1/inbox?${query}`);
    expect(body.items.map((i) => i.id)).toEqual(ids);
  });

  it("filters by period", async () => {
    const from = new Date(t0 + 2 * DAY).toISOString();
    const to = new Date(t0 + 3 * DAY + 1).toISOString();
    const { body } = await get<InboxBody>(`/v1/inbox?from=${from}&to=${to}`);
    expect(body.items.map((i) => i.id)).toEqual(["b-detractor", "a-promoter"]);
  });

  it("pages with a cursor, none twice", async () => {
    const first = await get<InboxBody>("/v1/inbox?limit=4");
    expect(first.body.items).toHaveLength(4);
    const second = await get<InboxBody>(`/v1/inbox?limit=4&cursor=${first.body.next}`);
    expect(second.body.next).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(6);
  });

  it.each([
    ["band=angry", "band: must be one of detractor, passive, promoter, unhappy, happy"],
    ["comment=maybe", "comment: must be one of with, without"],
    ["status=done", "status: must be one of new, contacted, resolved"],
    ["limit=0", "limit: must be a whole number from 1 to 100"],
    ["from=2025-02-30", "from:"],
  ])("refuses a bad query (%s) with 400 naming it", async (query, issue) => {
    const { status, body } = await get<{ issues: string[] }>(`/v1/inbox?${query}`);
    expect(status).toBe(400);
    expect(body.issues.join("\n")).toContain(issue);
  });

  it("needs the read key", async () => {
    expect((await fetch(`${collector.url}/v1/inbox`)).status).toBe(401);
    expect((await fetch(`${collector.url}/v1/inbox/a-detractor`)).status).toBe(401);
    const res = await fetch(`${collector.url}/v1/inbox/a-detractor/follow-up`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: "resolved" }),
    });
    expect(res.status).toBe(401);
  });

  it("is not readable from another origin", async () => {
    const res = await fetch(`${collector.url}/v1/inbox`, { headers: { ...auth, origin: "https://evil.example" } });
    expect(res.status).toBe(403);
  });
});

describe("GET /v1/inbox/:id", () => {
  it("shows the whole response, the person, the context, and their earlier answers", async () => {
    const { status, body } = await get<InboxDetail>("/v1/inbox/a-detractor-2");
    expect(status).toBe(200);
    expect(body.answers).toEqual([
      { stepId: "score", question: expect.stringContaining("recommend"), kind: "nps", value: 5 },
    ]);
    expect(body.person).toEqual({ userId: "ana@lumen.example", anonymousId: "anon-ana-other-device", attributes: {} });
    expect(body.earlier.map((e) => e.id)).toEqual(["a-detractor"]);
    expect(body.followUp).toEqual({ status: "new", history: [] });
  });

  it("answers in the survey's order, with the question's text", async () => {
    const { body } = await get<InboxDetail>("/v1/inbox/a-detractor");
    expect(body.answers.map((a) => a.stepId)).toEqual(["score", "reason"]);
    expect(body.answers[1]).toMatchObject({ kind: "open", value: "Too expensive for a team of 3" });
    expect(body.person.attributes).toEqual({ plan: "team" });
    expect(body.context).toMatchObject({ url: "https://lumen.example/app/billing?x=1", device: "mobile" });
    expect(body.earlier).toEqual([]);
  });

  it("404 for an unknown id", async () => {
    const { status, body } = await get<{ issues: string[] }>("/v1/inbox/nope");
    expect(status).toBe(404);
    expect(body.issues).toEqual(['id: no response "nope"']);
  });
});

describe("PUT /v1/inbox/:id/follow-up", () => {
  it("records each change with its time and note; the inbox filters by status", async () => {
    const before = Date.now();
    let res = await put("b-detractor", { status: "contacted", note: "Called Dan, \u0007sent a discount" });
    expect(res.status).toBe(200);
    res = await put("b-detractor", { status: "resolved" });
    const { history } = (await res.json()) as { history: { status: string; note: string | null; at: string }[] };
    expect(history.map((h) => [h.status, h.note])).toEqual([
      ["contacted", "Called Dan, \ufffdsent a discount"],
      ["resolved", null],
    ]);
    expect(Date.parse(history[0]!.at)).toBeGreaterThanOrEqual(before - 1000);
    const detail = await get<InboxDetail>("/v1/inbox/b-detractor");
    expect(detail.body.followUp.status).toBe("resolved");
    expect((await get<InboxBody>("/v1/inbox?status=resolved")).body.items.map((i) => i.id)).toEqual(["b-detractor"]);
    expect((await get<InboxBody>("/v1/inbox?status=new&band=detractor")).body.items.map((i) => i.id)).toEqual([
      "a-detractor-2",
      "a-detractor",
    ]);
  });

  it("counts the period's detractors followed up, the median time to the first, and open ones", async () => {
    await put("a-detractor", { status: "contacted", note: "Emailed Ana" });
    const results = await get<ResultsBody>("/v1/results?survey=nps-app");
    expect(results.body.followUps).toMatchObject({ detractors: 3, followedUp: 2, open: 1 });
    expect(results.body.followUps.share).toBeCloseTo(2 / 3, 10);
    // Dan answered 2 days ago, Ana 5: the median of the two waits is 3.5 days (± the test's own time).
    expect(results.body.followUps.medianHoursToFirst).toBeGreaterThan(3.5 * 24 - 1);
    expect(results.body.followUps.medianHoursToFirst).toBeLessThan(3.5 * 24 + 1);
    const list = await get<SurveyListBody>("/v1/results/surveys");
    expect(list.body.surveys.find((s) => s.id === "nps-app")?.openFollowUps).toBe(1);
    expect(list.body.surveys.find((s) => s.id === "csat-support")?.openFollowUps).toBe(0);
  });

  it("a survey without detractors has no share to show", async () => {
    const results = await get<ResultsBody>("/v1/results?survey=csat-support");
    expect(results.body.followUps).toEqual({
      detractors: 0,
      followedUp: 0,
      share: null,
      medianHoursToFirst: null,
      open: 0,
    });
  });

  it.each([
    [{ status: "done" }, "status: must be one of new, contacted, resolved"],
    [{}, "status: must be one of new, contacted, resolved (got nothing)"],
    [{ status: "contacted", note: 5 }, "note: must be text"],
    [{ status: "contacted", note: "x".repeat(2001) }, "note: must be at most 2000 characters (got 2001)"],
    [{ status: "contacted", notes: "typo" }, "notes: unknown field"],
    [[1], "body: must be an object"],
  ])("refuses %j with 400 naming what is wrong, and records nothing", async (body, issue) => {
    const res = await put("a-passive", body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: string[] }).issues.join("\n")).toContain(issue);
    expect((await get<InboxDetail>("/v1/inbox/a-passive")).body.followUp.history).toEqual([]);
  });

  it("malformed JSON 400, another content type 415, a huge body 413, an unknown id 404", async () => {
    expect((await put("a-passive", "{status:")).status).toBe(400);
    expect((await put("a-passive", '{"status":"new"}', { "content-type": "text/plain" })).status).toBe(415);
    expect((await put("a-passive", JSON.stringify({ status: "new", note: "x".repeat(9000) }))).status).toBe(413);
    expect((await put("nope", { status: "contacted" })).status).toBe(404);
  });
});
