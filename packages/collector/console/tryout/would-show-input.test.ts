import { evaluate, type SurveyOutline } from "@sonde/core";
import { describe, expect, it } from "vitest";
import {
  emptyForm,
  evaluationInput,
  parseAttributes,
  parseEvents,
  type TryForm,
  usedFacts,
} from "./would-show-input.js";

const NOW = Date.UTC(2026, 11, 5, 10);

const pricing: SurveyOutline = {
  id: "pricing",
  steps: [],
  rules: { triggers: [{ type: "pageview", url: [{ match: "startsWith", value: "/pricing" }] }] },
};
const pros: SurveyOutline = {
  id: "pros",
  steps: [],
  rules: {
    triggers: [{ type: "pageview" }],
    audience: {
      attributes: [
        { key: "plan", op: "eq", value: "pro" },
        { key: "seats", op: "gte", value: 10 },
      ],
    },
  },
};
const checkout: SurveyOutline = {
  id: "checkout",
  steps: [],
  rules: { triggers: [{ type: "event", name: "checkout", properties: [{ key: "plan", op: "eq", value: "pro" }] }] },
};

/** The decision for one survey and a form, as the panel shows it. */
function decide(survey: SurveyOutline, patch: Partial<TryForm>) {
  const { input, problems } = evaluationInput(survey, { ...emptyForm(), ...patch }, NOW);
  const [verdict] = evaluate(input).verdicts;
  return { shows: verdict!.eligible, reasons: verdict!.reasons, problems };
}

describe("would it show", () => {
  it.each([
    ["https://example.com/pricing", true, []],
    ["https://example.com/pricing/teams?x=1", true, []],
    ["https://example.com/other", false, ["trigger: page /other does not match"]],
    ["/other#pricing", false, ["trigger: page /other does not match"]],
  ])("a survey on /pricing at %s: shows %s", (url, shows, reasons) => {
    expect(decide(pricing, { url })).toEqual({ shows, reasons, problems: [] });
  });

  it.each([
    ["plan=pro\nseats=12", true],
    ["plan = pro\nseats=10", true],
    ["plan=free\nseats=12", false],
    ['plan=pro\nseats="12"', false],
    ["plan=pro", false],
  ])("an audience of pro plans with 10+ seats, attributes %j: shows %s", (attributes, shows) => {
    const got = decide(pros, { attributes });
    expect(got.shows, JSON.stringify(got)).toBe(shows);
    if (!shows) expect(got.reasons[0]).toMatch(/^audience: /);
  });

  it("says which attribute is off", () => {
    expect(decide(pros, { attributes: "plan=free\nseats=12" }).reasons).toEqual([
      'audience: plan "free", wanted eq "pro"',
    ]);
  });

  it.each([
    ["", false, 'trigger: no "checkout" event yet'],
    ["checkout", false, 'trigger: "checkout": plan unknown, wanted eq "pro"'],
    ['checkout {"plan":"free"}', false, 'trigger: "checkout": plan "free", wanted eq "pro"'],
    ['signup\ncheckout {"plan": "pro"}', true, undefined],
  ])("an event trigger, events %j: shows %s", (events, shows, reason) => {
    const got = decide(checkout, { events });
    expect(got.shows, JSON.stringify(got)).toBe(shows);
    expect(got.reasons[0]).toBe(reason);
  });

  it("reads seconds and scroll as the page's time and depth", () => {
    const timed: SurveyOutline = { id: "t", steps: [], rules: { triggers: [{ type: "time", seconds: 20 }] } };
    const scrolled: SurveyOutline = { id: "s", steps: [], rules: { triggers: [{ type: "scroll", percent: 50 }] } };
    expect(decide(timed, { seconds: "5" }).reasons).toEqual(["trigger: 5 of 20 s on the page"]);
    expect(decide(timed, { seconds: "20" }).shows).toBe(true);
    expect(decide(scrolled, { scroll: "49" }).shows).toBe(false);
    expect(decide(scrolled, { scroll: "75" }).shows).toBe(true);
  });

  it("passes visits, device, locale and identity to the audience", () => {
    const picky: SurveyOutline = {
      id: "p",
      steps: [],
      rules: {
        triggers: [{ type: "pageview" }],
        audience: { minVisits: 3, devices: ["mobile"], locales: ["de"], identified: true },
      },
    };
    expect(usedFacts(picky)).toEqual({
      visits: true,
      device: true,
      locale: true,
      identified: true,
      firstSeen: false,
      exit: false,
      clicks: [],
    });
    expect(decide(picky, { visits: "2", device: "desktop", locale: "en" }).reasons).toHaveLength(4);
    expect(decide(picky, { visits: "3", device: "mobile", locale: "de-AT", identified: true }).shows).toBe(true);
  });

  it("passes clicks and the first visit", () => {
    const clicky: SurveyOutline = {
      id: "c",
      steps: [],
      rules: { triggers: [{ type: "click", selector: "#buy" }], audience: { minDaysSinceFirstSeen: 7 } },
    };
    expect(usedFacts(clicky)).toMatchObject({ firstSeen: true, clicks: ["#buy"] });
    expect(decide(clicky, {}).reasons).toEqual([
      "trigger: no click on #buy yet",
      "audience: unknown of 7 days since the first visit",
    ]);
    expect(decide(clicky, { clicks: ["#buy"], daysSinceFirstSeen: "3" }).reasons).toEqual([
      "audience: 3 of 7 days since the first visit",
    ]);
    expect(decide(clicky, { clicks: ["#buy"], daysSinceFirstSeen: "7" }).shows).toBe(true);
  });

  it("names the lines it cannot read", () => {
    expect(parseAttributes("plan\n=x").problems).toEqual([
      'attributes, line 1: write key=value (got "plan")',
      'attributes, line 2: write key=value (got "=x")',
    ]);
    expect(parseEvents("checkout {plan}").problems).toEqual([
      'events, line 1: properties must be a JSON object, e.g. {"plan":"pro"}',
    ]);
    expect(decide(pricing, { url: "/pricing", seconds: "soon" }).problems).toEqual([
      'seconds on the page: "soon" is not a number',
    ]);
  });
});
