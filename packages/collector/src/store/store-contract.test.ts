// What every store promises, run against SQLite and a real PostgreSQL server alike.
import type { Survey, SurveyResponse } from "@sonde/core";
import { describe, expect, it } from "vitest";
import { response } from "../testing/fixtures.js";
import { storeKinds } from "../testing/store-kinds.js";
import { openPgStore } from "./pg.js";
import type { ScoredResponseRow } from "./store.js";

const r = (over: Record<string, unknown> = {}) => response(over) as unknown as SurveyResponse;
/** Week starts (UTC Mondays) over 2026, as the results ask a store to group by. */
const weekStarts = Array.from({ length: 53 }, (_, i) => Date.UTC(2025, 11, 29) + i * 7 * 86_400_000);
const survey = (id: string, question = "How likely…?"): Survey =>
  ({ id, steps: [{ kind: "nps", id: "score", question }] }) as Survey;

describe.each(storeKinds())("the $name store", ({ name, skip, open, url, sql }) => {
  if (skip) return void it.skip(skip, () => {});

  it("is idempotent by response id, the highest revision wins, and an id never moves to another survey", async () => {
    const store = await open();
    const first = r({ revision: 1, completed: false, answers: { score: { kind: "nps", value: 3 } } });
    expect(await store.ingest([first], 1000)).toEqual({ accepted: 1, duplicates: 0 });
    const third = { ...first, revision: 3, answers: { score: { kind: "nps", value: 10 } } } as SurveyResponse;
    const second = { ...first, revision: 2, answers: { score: { kind: "nps", value: 5 } } } as SurveyResponse;
    expect(await store.ingest([third, second, first], 2e12)).toEqual({ accepted: 1, duplicates: 2 });
    expect(await store.ingest([{ ...third, revision: 4, surveyId: "other" }], 3000)).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    const stored = await store.response(first.id);
    expect(stored).toMatchObject({
      revision: 3,
      surveyId: first.surveyId,
      receivedAt: 2e12,
      answeredAt: first.createdAt,
    });
    expect(stored?.answers).toEqual({ score: { kind: "nps", value: 10 } });
    expect(await store.count()).toBe(1);
    await store.close();
  });

  it("rolls a batch back whole when one response in it fails", async () => {
    const store = await open();
    const broken = { ...r(), context: undefined } as unknown as SurveyResponse;
    await expect(Promise.resolve().then(() => store.ingest([r(), broken], 1000))).rejects.toThrow();
    expect(await store.count()).toBe(0);
    await store.close();
  });

  it("reads pages newest first, counts, filters, totals, fields and scored rows alike", async () => {
    const store = await open();
    const at = (t: number, over: Record<string, unknown> = {}) => r({ createdAt: t, updatedAt: t, ...over });
    const rows = [
      at(1000, { context: { url: "https://x.example/a?q=1", device: "mobile", attributes: { plan: "pro", n: 3 } } }),
      at(2000, { answers: { score: { kind: "nps", value: 2 }, why: { kind: "open", value: " too dear " } } }),
      at(3000, { answers: { why: { kind: "open", value: "   " } } }),
      at(4000, { surveyId: "csat", answers: { s: { kind: "csat", value: 4, scale: 5 } } }),
    ];
    await store.ingest(rows, 10_000);
    expect((await store.responses()).map((x) => x.id)).toEqual([rows[3]!.id, rows[2]!.id, rows[1]!.id, rows[0]!.id]);
    const first = await store.page({ surveyId: "nps-pricing", limit: 2 });
    expect(first.map((x) => x.id)).toEqual([rows[2]!.id, rows[1]!.id]);
    const next = await store.page({ surveyId: "nps-pricing", limit: 2, after: { answeredAt: 2000, id: rows[1]!.id } });
    expect(next.map((x) => x.id)).toEqual([rows[0]!.id]);
    expect((await store.page({ limit: 10, withComment: true })).map((x) => x.id)).toEqual([rows[1]!.id]);
    expect(await store.count({ surveyId: "nps-pricing", since: 2000, until: 3001 })).toBe(2);
    expect(await store.count({ filters: [{ field: "device", value: "mobile" }] })).toBe(1);
    expect(await store.count({ filters: [{ field: "attribute", name: "n", value: "3" }] })).toBe(1);
    expect(await store.count({ filters: [{ field: "attribute", name: "plan", value: "free" }] })).toBe(0);
    expect(await store.surveyTotals()).toEqual([
      { surveyId: "csat", responses: 1, first: 4000, last: 4000 },
      { surveyId: "nps-pricing", responses: 3, first: 1000, last: 3000 },
    ]);
    expect(await store.fields({ surveyId: "nps-pricing" })).toEqual({
      answers: [
        { stepId: "score", kind: "nps" },
        { stepId: "why", kind: "open" },
      ],
      attributes: ["n", "plan"],
    });
    expect(await store.fields({ surveyId: "nps-pricing" }, { answers: false })).toEqual({
      answers: [],
      attributes: ["n", "plan"],
    });
    const scored: ScoredResponseRow[] = [];
    await store.scoredResponses({ surveyId: "nps-pricing", attributes: ["plan", "n", "none"] }, (row) =>
      scored.push(row),
    );
    expect(scored.sort((a, b) => a.answeredAt - b.answeredAt)).toMatchObject([
      {
        count: 1,
        answeredAt: 1000,
        path: "/a",
        device: "mobile",
        answers: { score: { value: 9 } },
        attributes: ["pro", "3", null],
      },
      {
        count: 1,
        answeredAt: 2000,
        path: "/pricing/",
        answers: { score: { value: 2 } },
        attributes: [null, null, null],
      },
    ]);
    await store.close();
  });

  it("records follow-ups, lists the inbox by band and status, and counts them", async () => {
    const store = await open();
    const low = r({ answers: { score: { kind: "nps", value: 2 } }, createdAt: 1000 });
    const high = r({ answers: { score: { kind: "nps", value: 10 } }, createdAt: 2000 });
    await store.ingest([low, high], 5000);
    expect(await store.followUps.record("missing", { status: "contacted", note: null, at: 1 })).toBe(false);
    expect(await store.followUps.record(low.id, { status: "contacted", note: "called", at: 7000 })).toBe(true);
    expect(await store.followUps.history(low.id)).toEqual([{ status: "contacted", note: "called", at: 7000 }]);
    expect((await store.followUps.inbox({ limit: 10, band: "detractor" })).map((x) => x.id)).toEqual([low.id]);
    expect((await store.followUps.inbox({ limit: 10, status: "new" })).map((x) => x.id)).toEqual([high.id]);
    expect((await store.followUps.get(low.id))?.followUp).toBe("contacted");
    expect((await store.followUps.earlier((await store.response(high.id))!, 5)).map((x) => x.id)).toEqual([low.id]);
    expect(await store.followUps.stats({ surveyId: low.surveyId })).toEqual({
      detractors: 1,
      followedUp: 1,
      medianToFirst: 6000,
      open: 1,
    });
    expect(await store.followUps.openBySurvey()).toEqual(new Map([[low.surveyId, 1]]));
    await store.close();
  });

  it("puts answers in bands alike, and takes the median wait over the detractors followed up only", async () => {
    const store = await open();
    const at = (t: number, answers: Record<string, unknown>) => r({ createdAt: t, updatedAt: t, answers });
    const rows = [
      at(1000, { score: { kind: "nps", value: 0 } }),
      at(2000, { score: { kind: "nps", value: 6 } }),
      at(3000, { score: { kind: "nps", value: 3 } }),
      at(4000, { score: { kind: "nps", value: 7 } }),
      at(5000, { score: { kind: "nps", value: 9 } }),
      at(6000, { s: { kind: "csat", value: 2, scale: 5 } }),
      at(7000, { e: { kind: "ces", value: 5, scale: 7 } }),
      at(8000, { g: { kind: "gap", expected: 4, experienced: 2, scale: 5 } }),
      at(9000, { g: { kind: "gap", expected: 2, experienced: 5, scale: 7 } }),
      at(9500, { score: { kind: "nps", value: 4 } }),
    ];
    await store.ingest(rows, 10_000);
    const band = async (b: "detractor" | "passive" | "promoter" | "unhappy" | "happy") =>
      (await store.followUps.inbox({ limit: 20, band: b })).map((x) => rows.findIndex((row) => row.id === x.id));
    expect(await band("detractor")).toEqual([9, 2, 1, 0]);
    expect(await band("passive")).toEqual([3]);
    expect(await band("promoter")).toEqual([4]);
    expect(await band("unhappy")).toEqual([9, 7, 5, 2, 1, 0]);
    expect(await band("happy")).toEqual([8, 6, 4]);
    await store.followUps.record(rows[0]!.id, { status: "contacted", note: null, at: 5000 });
    await store.followUps.record(rows[1]!.id, { status: "resolved", note: null, at: 12_000 });
    expect(await store.followUps.stats({ surveyId: rows[0]!.surveyId })).toEqual({
      detractors: 4,
      followedUp: 2,
      medianToFirst: 7000, // (4000 + 10,000) / 2; the detractors not followed up count for nothing
      open: 1,
    });
    // Waits of 4,000, 10,000 and 1,000 in the order the rows were stored: the median is the middle one sorted.
    await store.followUps.record(rows[2]!.id, { status: "contacted", note: null, at: 4000 });
    expect(await store.followUps.stats({ surveyId: rows[0]!.surveyId })).toMatchObject({
      followedUp: 3,
      medianToFirst: 4000,
    });
    await store.close();
  });

  it.runIf(name === "postgres")(
    "stops the reads results make in the server at their deadline, so that a read given up on does not run on",
    async () => {
      const store = await open();
      // 100,000 responses over a year in one INSERT: each read below takes PostgreSQL tens of ms.
      await sql(
        store,
        `INSERT INTO responses (id, survey_id, revision, completed, created_at, updated_at, received_at, body,
           answered_at, path, locale, device, scored, browser_locale, survey_version)
         SELECT 'r' || g, 'big', 1, true, t, t, t,
           jsonb_build_object('answers', jsonb_build_object('score', a),
             'context', jsonb_build_object('attributes', jsonb_build_object('plan', 'p' || (g % 3)))),
           t, '/p' || (g % 50), 'da', NULL, jsonb_build_object('score', a), NULL, 1
         FROM (SELECT g, ${Date.UTC(2026, 0, 1)} + g::bigint * 300000 AS t,
           jsonb_build_object('kind', 'nps', 'value', g % 11) AS a FROM generate_series(1, 100000) g) s`,
      );
      const query = { surveyId: "big", since: Date.UTC(2026, 0, 1), periodStarts: weekStarts };
      let visited = 0;
      const scored = store.scoredResponses({ ...query, deadline: Date.now() + 10 }, () => visited++);
      await expect(scored).rejects.toThrow(/statement timeout/);
      expect(visited).toBe(0);
      // The deadline already past: a millisecond is all each gets.
      const past = { surveyId: "big", deadline: Date.now() };
      await expect(store.count(past)).rejects.toThrow(/statement timeout/);
      await expect(store.fields(past, { answers: false })).rejects.toThrow(/statement timeout/);
      await expect(store.followUps.stats(past)).rejects.toThrow(/statement timeout/);
      // The connections are whole again, and reads with time to spare end.
      const later = Date.now() + 60_000;
      await store.scoredResponses({ ...query, deadline: later }, () => visited++);
      expect(visited).toBeGreaterThan(50);
      expect(await store.count({ surveyId: "big", deadline: later })).toBe(100_000);
      expect(await store.fields({ surveyId: "big", deadline: later })).toEqual({
        answers: [{ stepId: "score", kind: "nps" }],
        attributes: ["plan"],
      });
      expect(await store.followUps.stats({ surveyId: "big", deadline: later })).toMatchObject({ detractors: 63_636 });
      await store.close();
    },
  );

  it("saves survey versions and statuses, and serves the active ones from memory", async () => {
    const store = await open();
    const s = store.surveys;
    expect(await s.save(survey("a"), 1000, "admin")).toMatchObject({ outcome: "created", survey: { version: 1 } });
    expect(await s.save(survey("a"), 2000, "admin")).toMatchObject({ outcome: "unchanged", survey: { version: 1 } });
    expect(await s.save(survey("a", "Changed?"), 3000, "admin")).toMatchObject({
      outcome: "changed",
      survey: { version: 2, createdAt: 1000, updatedAt: 3000, status: "draft" },
    });
    expect((await s.versions("a")).map((v) => v.version)).toEqual([2, 1]);
    expect(s.active()).toEqual([]);
    expect(await s.setStatus("a", "active", 4000)).toMatchObject({ status: "active", statusBy: "admin" });
    expect(s.active().map((x) => x.id)).toEqual(["a"]);
    expect(await s.setStatus("missing", "active", 4000)).toBeUndefined();
    expect(s.currentVersion("a")).toBe(2);
    await store.close();
  });

  it.runIf(name === "postgres")(
    "migrates once when ten collectors start at once, and shares survey changes",
    async () => {
      const store = await open();
      const shared = url!(store);
      const many = await Promise.all(
        Array.from({ length: 10 }, () => openPgStore(shared, { poolSize: 1, surveyRefreshMs: 0 })),
      );
      // A survey saved through one collector is served by the others once they refresh.
      await many[0]!.surveys.save(survey("z"), 1, "admin", "active");
      expect(many[1]!.surveys.active()).toEqual([]);
      await (many[1]!.surveys as unknown as { refresh(): Promise<void> }).refresh();
      expect(many[1]!.surveys.active().map((x) => x.id)).toEqual(["z"]);
      // One response written through two collectors at once is stored once.
      const one = r();
      const results = await Promise.all(many.map((m) => m.ingest([one], 1)));
      expect(results.reduce((n, x) => n + x.accepted, 0)).toBe(1);
      expect(await store.count()).toBe(1);
      await Promise.all([...many, store].map((m) => m.close()));
    },
  );
});
