import { describe, expect, it } from "vitest";
import type { Rules } from "../schema/rules.js";
import type { Survey } from "../schema/survey.js";
import type { EvaluationInput } from "./context.js";
import { DEFAULT_COOLDOWN_DAYS, evaluate } from "./evaluate.js";
import { samplingBucket } from "./sampling.js";

const NOW = Date.parse("2026-03-01T12:00:00Z");
const DAY = 86_400_000;
const SECOND = 1000;

const survey = (id: string, rules?: Rules, over: Partial<Survey> = {}): Survey => ({
  id,
  steps: [{ kind: "nps", id: "score", question: "How likely are you to recommend us?" }],
  ...(rules ? { rules } : {}),
  ...over,
});

const base = (over: Partial<EvaluationInput> = {}): EvaluationInput => ({
  surveys: [],
  context: { url: "https://lumen.example/pricing/?plan=pro#faq" },
  history: { surveys: {} },
  now: NOW,
  personId: "person-1",
  ...over,
});

/** The reasons one survey with these rules does not show, given the rest of the input. */
const reasonsFor = (rules: Rules | undefined, over: Partial<EvaluationInput> = {}, extra: Partial<Survey> = {}) => {
  const decision = evaluate(base({ ...over, surveys: [survey("s", rules, extra)] }));
  const verdict = decision.verdicts[0]!;
  // The decision and the verdict must agree.
  expect(verdict.eligible).toBe(verdict.reasons.length === 0);
  expect(decision.survey?.id ?? null).toBe(verdict.eligible ? "s" : null);
  return verdict.reasons;
};

type Case = [string, Rules | undefined, Partial<EvaluationInput>, string[]];

const pageview = { triggers: [{ type: "pageview" as const }] };
const noCooldown = { cooldownDays: 0 };

describe("triggers: the survey shows once any trigger has fired", () => {
  const cases: Case[] = [
    ["no triggers: only on request", undefined, {}, ["trigger: manual only"]],
    ["empty triggers: only on request", { triggers: [] }, {}, ["trigger: manual only"]],
    ["a manual trigger never fires by itself", { triggers: [{ type: "manual" }] }, {}, ["trigger: manual only"]],
    ["a page view on any page", pageview, {}, []],
    [
      "a page view on a matching page",
      { triggers: [{ type: "pageview", url: [{ match: "startsWith", value: "/pricing" }] }] },
      {},
      [],
    ],
    [
      "a page view on another page",
      { triggers: [{ type: "pageview", url: [{ match: "startsWith", value: "/docs" }] }] },
      {},
      ["trigger: page /pricing/ does not match"],
    ],
    [
      "all URL conditions must hold by default",
      {
        triggers: [
          {
            type: "pageview",
            url: [
              { match: "startsWith", value: "/pricing" },
              { match: "contains", value: "plan=team", part: "query" },
            ],
          },
        ],
      },
      {},
      ["trigger: page /pricing/ does not match"],
    ],
    [
      "with urlMatch any, one URL condition is enough",
      {
        triggers: [
          {
            type: "pageview",
            urlMatch: "any",
            url: [
              { match: "startsWith", value: "/docs" },
              { match: "contains", value: "plan=pro", part: "query" },
            ],
          },
        ],
      },
      {},
      [],
    ],
    [
      "a negated condition excludes a page",
      { triggers: [{ type: "pageview", url: [{ match: "exact", value: "#faq", part: "hash", not: true }] }] },
      {},
      ["trigger: page /pricing/ does not match"],
    ],
    [
      "an event not seen yet",
      { triggers: [{ type: "event", name: "checkout" }] },
      {},
      ['trigger: no "checkout" event yet'],
    ],
    [
      "an event seen under another name",
      { triggers: [{ type: "event", name: "checkout" }] },
      { context: { url: "/pricing/", events: [{ name: "signup" }] } },
      ['trigger: no "checkout" event yet'],
    ],
    [
      "an event seen",
      { triggers: [{ type: "event", name: "checkout" }] },
      { context: { url: "/pricing/", events: [{ name: "checkout" }] } },
      [],
    ],
    [
      "an event whose properties pass",
      { triggers: [{ type: "event", name: "checkout", properties: [{ key: "amount", op: "gte", value: 100 }] }] },
      {
        context: {
          url: "/pricing/",
          events: [
            { name: "checkout", properties: { amount: 50 } },
            { name: "checkout", properties: { amount: 100 } },
          ],
        },
      },
      [],
    ],
    [
      "an event whose properties fail",
      { triggers: [{ type: "event", name: "checkout", properties: [{ key: "amount", op: "gte", value: 100 }] }] },
      { context: { url: "/pricing/", events: [{ name: "checkout", properties: { amount: 50 } }] } },
      ['trigger: "checkout": amount 50, wanted gte 100'],
    ],
    [
      "an event without the property a condition needs",
      { triggers: [{ type: "event", name: "checkout", properties: [{ key: "amount", op: "gte", value: 100 }] }] },
      { context: { url: "/pricing/", events: [{ name: "checkout" }] } },
      ['trigger: "checkout": amount unknown, wanted gte 100'],
    ],
    [
      "an event on a page its URL conditions exclude",
      { triggers: [{ type: "event", name: "checkout", url: [{ match: "startsWith", value: "/cart" }] }] },
      { context: { url: "/pricing/", events: [{ name: "checkout" }] } },
      ["trigger: page /pricing/ does not match"],
    ],
    [
      "time on page below the threshold",
      { triggers: [{ type: "time", seconds: 30 }] },
      { context: { url: "/", secondsOnPage: 29.9 } },
      ["trigger: 29 of 30 s on the page"],
    ],
    [
      "time on page exactly at the threshold",
      { triggers: [{ type: "time", seconds: 30 }] },
      { context: { url: "/", secondsOnPage: 30 } },
      [],
    ],
    [
      "time on page worked out from the start of the page view",
      { triggers: [{ type: "time", seconds: 30 }] },
      { context: { url: "/", viewStartedAt: NOW - 30 * SECOND } },
      [],
    ],
    [
      "time on page just short, from the start of the page view",
      { triggers: [{ type: "time", seconds: 30 }] },
      { context: { url: "/", viewStartedAt: NOW - 30 * SECOND + 1 } },
      ["trigger: 29 of 30 s on the page"],
    ],
    [
      "time on page unknown",
      { triggers: [{ type: "time", seconds: 30 }] },
      { context: { url: "/" } },
      ["trigger: unknown of 30 s on the page"],
    ],
    [
      "scrolled short of the threshold",
      { triggers: [{ type: "scroll", percent: 50 }] },
      { context: { url: "/", scrollDepth: 49.5 } },
      ["trigger: 49 of 50 % scrolled"],
    ],
    [
      "scrolled exactly to the threshold",
      { triggers: [{ type: "scroll", percent: 50 }] },
      { context: { url: "/", scrollDepth: 50 } },
      [],
    ],
    [
      "scroll depth unknown",
      { triggers: [{ type: "scroll", percent: 50 }] },
      { context: { url: "/" } },
      ["trigger: unknown of 50 % scrolled"],
    ],
    [
      "no exit intent",
      { triggers: [{ type: "exit" }] },
      { context: { url: "/", exitIntent: false } },
      ["trigger: no exit intent yet"],
    ],
    ["exit intent unknown", { triggers: [{ type: "exit" }] }, {}, ["trigger: no exit intent yet"]],
    ["exit intent", { triggers: [{ type: "exit" }] }, { context: { url: "/", exitIntent: true } }, []],
    [
      "a click elsewhere",
      { triggers: [{ type: "click", selector: "#upgrade" }] },
      { context: { url: "/", clicks: [".buy"] } },
      ["trigger: no click on #upgrade yet"],
    ],
    [
      "no clicks known",
      { triggers: [{ type: "click", selector: "#upgrade" }] },
      {},
      ["trigger: no click on #upgrade yet"],
    ],
    [
      "a click on the selector",
      { triggers: [{ type: "click", selector: "#upgrade" }] },
      { context: { url: "/", clicks: [".buy", "#upgrade"] } },
      [],
    ],
    [
      "one trigger of several is enough",
      { triggers: [{ type: "time", seconds: 30 }, { type: "exit" }, { type: "manual" }] },
      { context: { url: "/", secondsOnPage: 3, exitIntent: true } },
      [],
    ],
    [
      "when none fires, each says why",
      { triggers: [{ type: "time", seconds: 30 }, { type: "exit" }] },
      { context: { url: "/", secondsOnPage: 3 } },
      ["trigger: 3 of 30 s on the page", "trigger: no exit intent yet"],
    ],
  ];

  it.each(cases)("%s", (_, rules, over, reasons) => {
    expect(reasonsFor(rules, over), JSON.stringify({ rules, over })).toEqual(reasons);
  });
});

describe("audience", () => {
  const visits = { minVisits: 3 };
  const cases: Case[] = [
    [
      "identified only, anonymous person",
      { ...pageview, audience: { identified: true } },
      {},
      ["audience: only identified people"],
    ],
    [
      "identified only, identified person",
      { ...pageview, audience: { identified: true } },
      { person: { identified: true } },
      [],
    ],
    [
      "anonymous only, identified person",
      { ...pageview, audience: { identified: false } },
      { person: { identified: true } },
      ["audience: only anonymous people"],
    ],
    ["anonymous only, no person facts", { ...pageview, audience: { identified: false } }, {}, []],
    [
      "a device not listed",
      { ...pageview, audience: { devices: ["mobile", "tablet"] } },
      { context: { url: "/", device: "desktop" } },
      ["audience: device desktop, wanted mobile or tablet"],
    ],
    [
      "device unknown",
      { ...pageview, audience: { devices: ["mobile"] } },
      {},
      ["audience: device unknown, wanted mobile"],
    ],
    [
      "a device listed",
      { ...pageview, audience: { devices: ["mobile"] } },
      { context: { url: "/", device: "mobile" } },
      [],
    ],
    [
      "a language takes in its regions",
      { ...pageview, audience: { locales: ["en"] } },
      { context: { url: "/", locale: "en-GB" } },
      [],
    ],
    [
      "case does not matter",
      { ...pageview, audience: { locales: ["pt-BR"] } },
      { context: { url: "/", locale: "PT-br" } },
      [],
    ],
    [
      "a region does not take in another",
      { ...pageview, audience: { locales: ["pt-BR"] } },
      { context: { url: "/", locale: "pt-PT" } },
      ["audience: locale pt-PT, wanted pt-BR"],
    ],
    [
      "a prefix is not a language",
      { ...pageview, audience: { locales: ["e"] } },
      { context: { url: "/", locale: "en" } },
      ["audience: locale en, wanted e"],
    ],
    ["locale unknown", { ...pageview, audience: { locales: ["da"] } }, {}, ["audience: locale unknown, wanted da"]],
    ["fewer visits", { ...pageview, audience: visits }, { person: { visits: 2 } }, ["audience: 2 of 3 visits"]],
    ["exactly the visits", { ...pageview, audience: visits }, { person: { visits: 3 } }, []],
    ["visits unknown", { ...pageview, audience: visits }, { person: {} }, ["audience: unknown of 3 visits"]],
    [
      "first seen exactly N days ago",
      { ...pageview, audience: { minDaysSinceFirstSeen: 7 } },
      { person: { firstSeenAt: NOW - 7 * DAY } },
      [],
    ],
    [
      "first seen a moment less than N days ago",
      { ...pageview, audience: { minDaysSinceFirstSeen: 7 } },
      { person: { firstSeenAt: NOW - 7 * DAY + 1 } },
      ["audience: 6 of 7 days since the first visit"],
    ],
    [
      "first visit unknown",
      { ...pageview, audience: { minDaysSinceFirstSeen: 7 } },
      {},
      ["audience: unknown of 7 days since the first visit"],
    ],
    [
      "attributes that hold",
      { ...pageview, audience: { attributes: [{ key: "plan", op: "in", value: ["pro", "team"] }] } },
      { person: { attributes: { plan: "team" } } },
      [],
    ],
    [
      "an attribute that fails",
      { ...pageview, audience: { attributes: [{ key: "plan", op: "eq", value: "pro" }] } },
      { person: { attributes: { plan: "free" } } },
      ['audience: plan "free", wanted eq "pro"'],
    ],
    [
      "empty attributes",
      { ...pageview, audience: { attributes: [{ key: "plan", op: "eq", value: "pro" }] } },
      { person: { attributes: {} } },
      ['audience: plan unknown, wanted eq "pro"'],
    ],
    [
      "no attributes, asking that one is absent",
      { ...pageview, audience: { attributes: [{ key: "churned", op: "exists", value: false }] } },
      {},
      [],
    ],
    [
      "any attribute condition is enough with attributesMatch any",
      {
        ...pageview,
        audience: {
          attributesMatch: "any",
          attributes: [
            { key: "plan", op: "eq", value: "pro" },
            { key: "seats", op: "gt", value: 10 },
          ],
        },
      },
      { person: { attributes: { plan: "free", seats: 11 } } },
      [],
    ],
    ["an empty audience", { ...pageview, audience: {} }, {}, []],
    [
      "every failing field is listed",
      { ...pageview, audience: { identified: true, devices: ["mobile"], minVisits: 2 } },
      { context: { url: "/", device: "desktop" }, person: { visits: 1 } },
      ["audience: only identified people", "audience: device desktop, wanted mobile", "audience: 1 of 2 visits"],
    ],
  ];

  it.each(cases)("%s", (_, rules, over, reasons) => {
    expect(reasonsFor(rules, over), JSON.stringify({ rules, over })).toEqual(reasons);
  });
});

describe("sampling", () => {
  // People whose bucket for survey "s" is inside and outside a 10 % sample.
  const people = Array.from({ length: 200 }, (_, i) => `person-${i}`);
  const inside = people.find((p) => samplingBucket(p, "s") < 10)!;
  const outside = people.find((p) => samplingBucket(p, "s") >= 10)!;

  it("shows to a person whose bucket is inside the share", () => {
    expect(reasonsFor({ ...pageview, sampling: 10 }, { personId: inside })).toEqual([]);
  });

  it("says which bucket a person left out is in", () => {
    const bucket = samplingBucket(outside, "s");
    expect(reasonsFor({ ...pageview, sampling: 10 }, { personId: outside })).toEqual([
      `sampling: bucket ${bucket} is outside 10%`,
    ]);
  });

  it("gives the same answer on every page view", () => {
    const first = reasonsFor({ ...pageview, sampling: 10 }, { personId: outside });
    for (let i = 0; i < 5; i++)
      expect(reasonsFor({ ...pageview, sampling: 10 }, { personId: outside, now: NOW + i * DAY })).toEqual(first);
  });

  it("shows to everyone at 100 % and to no one at 0 %", () => {
    for (const p of people.slice(0, 50)) {
      expect(reasonsFor({ ...pageview, sampling: 100 }, { personId: p })).toEqual([]);
      expect(reasonsFor({ ...pageview, sampling: 0 }, { personId: p })).toHaveLength(1);
    }
  });
});

describe("frequency and cooldown", () => {
  const shown = (id: string, at: Record<string, number>) => ({ history: { surveys: { [id]: at } } });
  const cases: Case[] = [
    ["never shown", pageview, {}, []],
    [
      "answered once: not again",
      pageview,
      { ...noCooldown, ...shown("s", { answeredAt: NOW - 400 * DAY }) },
      ["frequency: answered once already"],
    ],
    [
      "recontact: too soon after the last answer",
      { ...pageview, frequency: { recontactDays: 30 } },
      { ...noCooldown, ...shown("s", { answeredAt: NOW - 30 * DAY + 1 }) },
      ["frequency: 29 of 30 days passed since the last answer"],
    ],
    [
      "recontact: exactly N days after the last answer",
      { ...pageview, frequency: { recontactDays: 30 } },
      { ...noCooldown, ...shown("s", { answeredAt: NOW - 30 * DAY }) },
      [],
    ],
    [
      "closed: too soon to ask again",
      { ...pageview, frequency: { dismissDays: 7 } },
      { ...noCooldown, ...shown("s", { dismissedAt: NOW - 2 * DAY }) },
      ["frequency: 2 of 7 days passed since a close"],
    ],
    [
      "closed: exactly N days ago",
      { ...pageview, frequency: { dismissDays: 7 } },
      { ...noCooldown, ...shown("s", { dismissedAt: NOW - 7 * DAY }) },
      [],
    ],
    [
      "closed, without dismissDays: only the cooldown holds it back",
      pageview,
      { ...noCooldown, ...shown("s", { dismissedAt: NOW - DAY }) },
      [],
    ],
    [
      "shown the most times allowed",
      { ...pageview, frequency: { maxDisplays: 3 } },
      { ...noCooldown, ...shown("s", { displays: 3, shownAt: NOW - 100 * DAY }) },
      ["frequency: shown 3 of at most 3 times"],
    ],
    [
      "shown fewer times than allowed",
      { ...pageview, frequency: { maxDisplays: 3 } },
      { ...noCooldown, ...shown("s", { displays: 2, shownAt: NOW - 100 * DAY }) },
      [],
    ],
    [
      "cooldown after another survey's prompt",
      pageview,
      shown("other", { shownAt: NOW - 3 * DAY }),
      [`cooldown: 3 of ${DEFAULT_COOLDOWN_DAYS} days passed since the last prompt`],
    ],
    ["cooldown over after exactly 14 days", pageview, shown("other", { shownAt: NOW - 14 * DAY }), []],
    [
      "cooldown counts from the latest of shown, answered and closed",
      pageview,
      shown("other", { shownAt: NOW - 20 * DAY, answeredAt: NOW - 20 * DAY, dismissedAt: NOW - 5 * DAY }),
      ["cooldown: 5 of 14 days passed since the last prompt"],
    ],
    [
      "a longer cooldown from the input",
      pageview,
      { cooldownDays: 30, ...shown("other", { shownAt: NOW - 20 * DAY }) },
      ["cooldown: 20 of 30 days passed since the last prompt"],
    ],
    ["no cooldown when it is 0", pageview, { cooldownDays: 0, ...shown("other", { shownAt: NOW - 1 }) }, []],
    [
      "a survey may ignore the cooldown",
      { ...pageview, frequency: { ignoreCooldown: true } },
      shown("other", { shownAt: NOW - DAY }),
      [],
    ],
    ["history without times", pageview, shown("other", { displays: 0 }), []],
    [
      "one prompt per page view, even without a cooldown",
      { ...pageview, frequency: { ignoreCooldown: true } },
      {
        cooldownDays: 0,
        context: { url: "/", viewStartedAt: NOW - 10 * SECOND },
        ...shown("other", { shownAt: NOW - 5 * SECOND }),
      },
      ["page: one prompt per page view"],
    ],
    [
      "a prompt on an earlier page view does not count for this one",
      pageview,
      {
        cooldownDays: 0,
        context: { url: "/", viewStartedAt: NOW - 10 * SECOND },
        ...shown("other", { shownAt: NOW - 11 * SECOND }),
      },
      [],
    ],
    [
      "every rule that fails is listed",
      { ...pageview, frequency: { maxDisplays: 1 } },
      shown("s", { answeredAt: NOW - DAY, displays: 1 }),
      [
        "frequency: answered once already",
        "frequency: shown 1 of at most 1 times",
        "cooldown: 1 of 14 days passed since the last prompt",
      ],
    ],
  ];

  it.each(cases)("%s", (_, rules, over, reasons) => {
    expect(reasonsFor(rules, over), JSON.stringify({ rules, over })).toEqual(reasons);
  });
});

describe("schedule", () => {
  const schedule = { start: "2026-03-01T00:00:00Z", end: "2026-04-01T00:00:00Z" };
  it.each([
    ["before the start", Date.parse(schedule.start) - 1, ["schedule: starts 2026-03-01T00:00:00Z"]],
    ["at the start", Date.parse(schedule.start), []],
    ["just before the end", Date.parse(schedule.end) - 1, []],
    ["at the end", Date.parse(schedule.end), ["schedule: ended 2026-04-01T00:00:00Z"]],
  ] as const)("%s", (_, now, reasons) => {
    expect(reasonsFor(pageview, { now }, { schedule })).toEqual(reasons);
  });

  it("takes an open start or end", () => {
    expect(reasonsFor(pageview, {}, { schedule: { end: schedule.end } })).toEqual([]);
    expect(reasonsFor(pageview, {}, { schedule: { start: schedule.start } })).toEqual([]);
  });
});

describe("the decision", () => {
  it("shows nothing when there are no surveys", () => {
    expect(evaluate(base())).toEqual({ survey: null, delayMs: 0, verdicts: [] });
  });

  it("picks the highest priority, then the first listed, and gives a verdict for every survey in order", () => {
    const surveys = [
      survey("low", pageview, { priority: -1 }),
      survey("first", pageview),
      survey("second", pageview),
      survey("blocked", { triggers: [{ type: "exit" }] }, { priority: 10 }),
    ];
    const decision = evaluate(base({ surveys }));
    expect(decision.survey?.id).toBe("first");
    expect(decision.verdicts.map((v) => [v.surveyId, v.eligible])).toEqual([
      ["low", true],
      ["first", true],
      ["second", true],
      ["blocked", false],
    ]);
    const high = evaluate(base({ surveys: [...surveys, survey("high", pageview, { priority: 2 })] }));
    expect(high.survey?.id).toBe("high");
  });

  it("returns the delay in milliseconds, and none without a survey", () => {
    expect(evaluate(base({ surveys: [survey("s", { ...pageview, delay: 2.5 })] })).delayMs).toBe(2500);
    expect(evaluate(base({ surveys: [survey("s", { triggers: [{ type: "exit" }], delay: 5 })] })).delayMs).toBe(0);
  });

  it("shows a requested survey without its trigger and delay, and nothing else", () => {
    const surveys = [
      survey("feedback", { triggers: [{ type: "manual" }], delay: 5 }),
      survey("nps", pageview, { priority: 5 }),
    ];
    const decision = evaluate(base({ surveys, requested: "feedback" }));
    expect(decision.survey?.id).toBe("feedback");
    expect(decision.delayMs).toBe(0);
    expect(decision.verdicts[1]).toEqual({
      surveyId: "nps",
      eligible: false,
      reasons: ['manual: "feedback" was requested'],
    });
  });

  it("still applies audience, sampling, frequency and cooldown to a requested survey", () => {
    const surveys = [survey("feedback", { audience: { devices: ["mobile"] } })];
    const decision = evaluate(
      base({
        surveys,
        requested: "feedback",
        context: { url: "/", device: "desktop" },
        history: { surveys: { feedback: { answeredAt: NOW - DAY } } },
      }),
    );
    expect(decision.survey).toBeNull();
    expect(decision.verdicts[0]!.reasons).toEqual([
      "audience: device desktop, wanted mobile",
      "frequency: answered once already",
      "cooldown: 1 of 14 days passed since the last prompt",
    ]);
  });

  it("is a pure function of its input: same input, same decision, input untouched", () => {
    const input = base({
      surveys: [survey("a", { ...pageview, sampling: 50 }), survey("b", { triggers: [{ type: "time", seconds: 5 }] })],
      context: { url: "/pricing/", viewStartedAt: NOW - 3 * SECOND, events: [{ name: "x" }] },
      history: { surveys: { c: { shownAt: NOW - 20 * DAY, displays: 1 } } },
      person: { identified: true, attributes: { plan: "pro" }, visits: 4, firstSeenAt: NOW - 30 * DAY },
    });
    const copy = structuredClone(input);
    const first = evaluate(input);
    expect(evaluate(input)).toEqual(first);
    expect(input).toEqual(copy);
  });
});
