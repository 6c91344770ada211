import { describe, expect, it } from "vitest";
import { formatIssues } from "./format-issues.js";
import { parseConfig, parseSurvey, parseSurveys } from "./parse.js";
import { checkSurveyOutlines } from "./validate.js";
import { checkSurvey } from "./validate-survey.js";

/** A valid survey; `over` replaces top-level fields, `rules` replaces the rules. */
const survey = (over: Record<string, unknown> = {}) => ({
  id: "nps-pricing",
  steps: [
    { kind: "nps", id: "score", question: "How likely are you to recommend us?" },
    { kind: "thanks", id: "thanks", question: "Thank you!" },
  ],
  rules: { triggers: [{ type: "pageview", url: [{ match: "startsWith", value: "/pricing" }] }] },
  ...over,
});

const withRules = (rules: Record<string, unknown>) => survey({ rules });

const firstErrors = (input: unknown) => {
  const result = parseSurveys([input]);
  return result.ok ? [] : result.errors;
};

describe("parseSurveys rejects bad definitions with a line naming the path", () => {
  // [what, survey, expected error line]
  const cases: [string, unknown, string][] = [
    [
      "an invalid regex",
      withRules({ triggers: [{ type: "pageview", url: [{ match: "regex", value: "^/(pricing" }] }] }),
      "surveys[0].rules.triggers[0].url[0].value: is not a valid regular expression: Unterminated group",
    ],
    [
      "an unknown prompt kind",
      survey({ steps: [{ kind: "stars", id: "s", question: "?" }] }),
      'surveys[0].steps[0].kind: must be one of "nps", "csat", "ces", "gap", "thumbs", "open", "single", "multiple", "thanks" (got "stars")',
    ],
    [
      "a missing prompt kind",
      survey({ steps: [{ id: "s", question: "?" }] }),
      'surveys[0].steps[0].kind: must be one of "nps", "csat", "ces", "gap", "thumbs", "open", "single", "multiple", "thanks" (got nothing)',
    ],
    ["a sampling of 150", withRules({ sampling: 150 }), "surveys[0].rules.sampling: must be at most 100 (got 150)"],
    ["a negative sampling", withRules({ sampling: -1 }), "surveys[0].rules.sampling: must be at least 0 (got -1)"],
    ["a negative delay", withRules({ delay: -5 }), "surveys[0].rules.delay: must be at least 0 (got -5)"],
    ["a delay as text", withRules({ delay: "5" }), 'surveys[0].rules.delay: must be a number (got "5")'],
    [
      "a thank-you that would close at once",
      survey({ steps: [{ kind: "thanks", id: "thanks", question: "Thanks", closeAfter: 0 }] }),
      "surveys[0].steps[0].closeAfter: must be at least 1 (got 0)",
    ],
    [
      "a thank-you told to close with true",
      survey({ steps: [{ kind: "thanks", id: "thanks", question: "Thanks", closeAfter: true }] }),
      "surveys[0].steps[0].closeAfter: must be a number of seconds from 1 to 600, or false to keep the thank-you open",
    ],
    [
      "empty choices",
      survey({ steps: [{ kind: "single", id: "why", question: "Why?", choices: [] }] }),
      "surveys[0].steps[0].choices: must offer at least one choice (got an array)",
    ],
    [
      "duplicate step ids",
      survey({
        steps: [
          { kind: "nps", id: "score", question: "?" },
          { kind: "open", id: "score", question: "Why?" },
        ],
      }),
      'surveys[0].steps[1].id: duplicate step id "score"',
    ],
    [
      "a branch to a missing step",
      survey({
        steps: [
          { kind: "nps", id: "score", question: "?", branches: [{ when: { max: 6 }, goto: "sad" }] },
          { kind: "thanks", id: "thanks", question: "Thanks" },
        ],
      }),
      'surveys[0].steps[0].branches[0].goto: goes to a step that does not exist ("sad"); use a step id or "end"',
    ],
    [
      "a next to a missing step",
      survey({ steps: [{ kind: "nps", id: "score", question: "?", next: "nowhere" }] }),
      'surveys[0].steps[0].next: goes to a step that does not exist ("nowhere"); use a step id or "end"',
    ],
    [
      "an unknown trigger type",
      withRules({ triggers: [{ type: "hover" }] }),
      'surveys[0].rules.triggers[0].type: must be one of "pageview", "event", "time", "scroll", "exit", "click", "manual" (got "hover")',
    ],
    [
      "an unknown URL match",
      withRules({ triggers: [{ type: "pageview", url: [{ match: "like", value: "/x" }] }] }),
      'surveys[0].rules.triggers[0].url[0].match: must be one of "exact", "contains", "startsWith", "endsWith", "glob", "regex" (got "like")',
    ],
    [
      "a URL part that does not exist",
      withRules({ triggers: [{ type: "pageview", url: [{ match: "exact", value: "x", part: "host" }] }] }),
      'surveys[0].rules.triggers[0].url[0].part: must be one of "href", "path", "query", "hash" (got "host")',
    ],
    [
      "a scroll beyond 100 %",
      withRules({ triggers: [{ type: "scroll", percent: 120 }] }),
      "surveys[0].rules.triggers[0].percent: must be at most 100 (got 120)",
    ],
    [
      "negative seconds on page",
      withRules({ triggers: [{ type: "time", seconds: -1 }] }),
      "surveys[0].rules.triggers[0].seconds: must be at least 0 (got -1)",
    ],
    [
      "an event without a name",
      withRules({ triggers: [{ type: "event" }] }),
      "surveys[0].rules.triggers[0].name: is required (a string)",
    ],
    [
      "a click without a selector",
      withRules({ triggers: [{ type: "click", selector: "" }] }),
      'surveys[0].rules.triggers[0].selector: must not be empty (got "")',
    ],
    [
      "an unknown operator",
      withRules({ audience: { attributes: [{ key: "plan", op: "like", value: "pro" }] } }),
      'surveys[0].rules.audience.attributes[0].op: must be one of "eq", "neq", "gt", "gte", "lt", "lte", "contains", "in", "exists" (got "like")',
    ],
    [
      "gt with a text value",
      withRules({ audience: { attributes: [{ key: "seats", op: "gt", value: "10" }] } }),
      'surveys[0].rules.audience.attributes[0].value: must be a number (got "10")',
    ],
    [
      "in with an empty list",
      withRules({ audience: { attributes: [{ key: "plan", op: "in", value: [] }] } }),
      "surveys[0].rules.audience.attributes[0].value: must list at least one value (got an array)",
    ],
    [
      "in with a single value",
      withRules({ audience: { attributes: [{ key: "plan", op: "in", value: "pro" }] } }),
      'surveys[0].rules.audience.attributes[0].value: must be an array (got "pro")',
    ],
    [
      "an event property condition without a key",
      withRules({ triggers: [{ type: "event", name: "checkout", properties: [{ op: "exists" }] }] }),
      "surveys[0].rules.triggers[0].properties[0].key: is required (a string)",
    ],
    [
      "an unknown device",
      withRules({ audience: { devices: ["watch"] } }),
      'surveys[0].rules.audience.devices[0]: must be one of "mobile", "tablet", "desktop" (got "watch")',
    ],
    [
      "an empty device list",
      withRules({ audience: { devices: [] } }),
      "surveys[0].rules.audience.devices: must not be empty (got an array)",
    ],
    [
      "a bad locale",
      withRules({ audience: { locales: ["english"] } }),
      'surveys[0].rules.audience.locales[0]: must be a language tag such as en, pt-BR or zh-Hans (got "english")',
    ],
    [
      "fractional visits",
      withRules({ audience: { minVisits: 2.5 } }),
      "surveys[0].rules.audience.minVisits: must be a whole number (got 2.5)",
    ],
    [
      "zero max displays",
      withRules({ frequency: { maxDisplays: 0 } }),
      "surveys[0].rules.frequency.maxDisplays: must be at least 1 (got 0)",
    ],
    [
      "negative recontact days",
      withRules({ frequency: { recontactDays: -30 } }),
      "surveys[0].rules.frequency.recontactDays: must be at least 0 (got -30)",
    ],
    [
      "a schedule that is not a date",
      survey({ schedule: { start: "next monday" } }),
      'surveys[0].schedule.start: must be an ISO 8601 date-time such as 2026-01-31T09:00:00Z (got "next monday")',
    ],
    [
      "a URL path without its leading slash",
      withRules({ triggers: [{ type: "pageview", url: [{ match: "startsWith", value: "docs" }] }] }),
      'surveys[0].rules.triggers[0].url[0].value: must start with "/" (got "docs"); did you mean "/docs"?',
    ],
    [
      "an exact path without its leading slash, on an event trigger",
      withRules({
        triggers: [{ type: "event", name: "x", url: [{ match: "exact", value: "pricing", part: "path" }] }],
      }),
      'surveys[0].rules.triggers[0].url[0].value: must start with "/" (got "pricing"); did you mean "/pricing"?',
    ],
    [
      "a path glob that cannot match",
      withRules({ triggers: [{ type: "pageview", url: [{ match: "glob", value: "docs/**" }] }] }),
      'surveys[0].rules.triggers[0].url[0].value: must start with "/" (got "docs/**"); did you mean "/docs/**"?',
    ],
    [
      "a query without its question mark",
      withRules({ triggers: [{ type: "pageview", url: [{ match: "startsWith", value: "plan=pro", part: "query" }] }] }),
      'surveys[0].rules.triggers[0].url[0].value: must start with "?" (got "plan=pro"); did you mean "?plan=pro"?',
    ],
    [
      "a hash without its #",
      withRules({ triggers: [{ type: "pageview", url: [{ match: "exact", value: "faq", part: "hash" }] }] }),
      'surveys[0].rules.triggers[0].url[0].value: must start with "#" (got "faq"); did you mean "#faq"?',
    ],
    [
      "a brand colour that is not a CSS colour",
      survey({ appearance: { theme: { brand: "blue-ish" } } }),
      'surveys[0].appearance.theme.brand: must be a CSS colour such as #4f46e5, rgb(79 70 229) or indigo (got "blue-ish")',
    ],
    [
      "a background colour with a bad hex",
      survey({ appearance: { theme: { background: "#12345" } } }),
      'surveys[0].appearance.theme.background: must be a CSS colour such as #4f46e5, rgb(79 70 229) or indigo (got "#12345")',
    ],
    [
      "more steps than a response may answer",
      survey({ steps: Array.from({ length: 101 }, (_, i) => ({ kind: "thumbs", id: `s${i}`, question: "?" })) }),
      "surveys[0].steps: must have at most 100 steps (got an array)",
    ],
    [
      "more choices than an answer may list",
      survey({
        steps: [
          {
            kind: "multiple",
            id: "m",
            question: "?",
            choices: Array.from({ length: 101 }, (_, i) => ({ id: `c${i}`, label: "x" })),
          },
        ],
      }),
      "surveys[0].steps[0].choices: must offer at most 100 choices (got an array)",
    ],
  ];

  it.each(cases)("%s", (_, input, line) => {
    const errors = firstErrors(input);
    expect(errors, `input: ${JSON.stringify(input)}`).toContain(line);
  });

  it("rejects two surveys with the same id, naming the second", () => {
    const result = parseSurveys({ surveys: [survey(), survey()] });
    expect(result.ok ? [] : result.errors).toEqual(['surveys[1].id: duplicate survey id "nps-pricing"']);
  });

  it("lists every problem, not only the first", () => {
    const result = parseSurveys([withRules({ sampling: 150, delay: -1 })]);
    expect(result.ok ? [] : result.errors).toEqual([
      "surveys[0].rules.sampling: must be at most 100 (got 150)",
      "surveys[0].rules.delay: must be at least 0 (got -1)",
    ]);
  });
});

describe("URL values and theme colours that are fine as written", () => {
  it.each([
    ["contains", "docs", undefined],
    ["endsWith", ".html", undefined],
    ["regex", "^/docs", undefined],
    ["glob", "**/docs", undefined],
    ["glob", "/docs/*", undefined],
    ["exact", "", "query"],
    ["startsWith", "https://", "href"],
    ["exact", "/", "path"],
  ])("%s %j on %s", (match, value, part) => {
    const condition = { match, value, ...(part ? { part } : {}) };
    expect(firstErrors(withRules({ triggers: [{ type: "pageview", url: [condition] }] }))).toEqual([]);
  });

  it("takes the colours a designer writes", () => {
    const theme = { brand: "#4f46e5", text: "rebeccapurple", background: "oklch(0.98 0.01 250 / 90%)" };
    expect(firstErrors(survey({ appearance: { theme } }))).toEqual([]);
  });
});

describe("parseSurveys accepts the whole rule language", () => {
  it("takes every trigger kind, audience, sampling, frequency and delay", () => {
    const input = withRules({
      triggers: [
        { type: "pageview", url: [{ match: "glob", value: "/docs/**" }], urlMatch: "any" },
        {
          type: "event",
          name: "checkout",
          properties: [
            { key: "amount", op: "gte", value: 100 },
            { key: "coupon", op: "exists", value: false },
          ],
        },
        { type: "time", seconds: 30 },
        { type: "scroll", percent: 50, url: [{ match: "regex", value: "^/blog/\\d+$" }] },
        { type: "exit" },
        { type: "click", selector: "#upgrade" },
        { type: "manual" },
      ],
      audience: {
        identified: true,
        devices: ["desktop", "tablet"],
        locales: ["en", "pt-BR"],
        minVisits: 3,
        minDaysSinceFirstSeen: 7,
        attributes: [
          { key: "plan", op: "in", value: ["pro", "team"] },
          { key: "seats", op: "lt", value: 50 },
          { key: "email", op: "contains", value: "@" },
          { key: "beta", op: "eq", value: true },
          { key: "churned", op: "neq", value: true },
        ],
        attributesMatch: "all",
      },
      sampling: 12.5,
      frequency: { recontactDays: 90, dismissDays: 7, maxDisplays: 3, ignoreCooldown: false },
      delay: 2,
    });
    const result = parseSurveys([input]);
    expect(result).toEqual({ ok: true, value: [input], warnings: [] });
  });

  it("takes a bare array and { surveys } alike, ignoring $schema", () => {
    expect(parseSurveys([survey()]).ok).toBe(true);
    const file = parseSurveys({ $schema: "./survey.schema.json", surveys: [survey()] });
    expect(file).toEqual({ ok: true, value: [survey()], warnings: [] });
  });
});

describe("unknown fields are dropped with a warning, so old SDKs read newer definitions", () => {
  it("keeps the survey, drops the fields and lists their paths", () => {
    const input = survey({
      colour: "teal",
      steps: [{ kind: "nps", id: "score", question: "?", emoji: true }],
      rules: { triggers: [{ type: "pageview", hover: 2 }], futureRule: { x: 1 } },
    });
    const result = parseSurveys([input]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([
      "surveys[0].steps[0].emoji: unknown field, ignored",
      "surveys[0].rules.triggers[0].hover: unknown field, ignored",
      "surveys[0].rules.futureRule: unknown field, ignored",
      "surveys[0].colour: unknown field, ignored",
    ]);
    const parsed = result.value[0]!;
    expect("colour" in parsed).toBe(false);
    expect(parsed.steps[0]).toEqual({ kind: "nps", id: "score", question: "?" });
    expect(parsed.rules).toEqual({ triggers: [{ type: "pageview" }] });
  });

  it("does not warn about maps whose keys are data (translations), nor about fields set to undefined", () => {
    const input = survey({
      name: undefined,
      steps: [{ kind: "nps", id: "score", question: { en: "How likely…?", "pt-BR": "Qual a probabilidade…?" } }],
    });
    const result = parseSurveys([input]);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it("warns about unknown config fields too", () => {
    const result = parseConfig({ endpoint: "/v1/responses", surveys: [], theme: "dark" });
    expect(result.ok && result.warnings).toEqual(["config.theme: unknown field, ignored"]);
  });
});

describe("parseConfig", () => {
  it("takes a global cooldown in days", () => {
    const result = parseConfig({ endpoint: "/v1/responses", surveysUrl: "/surveys.json", cooldownDays: 0 });
    expect(result.ok && result.value.cooldownDays).toBe(0);
  });

  it("rejects a negative cooldown; inline surveys are left to parseSurveys", () => {
    const result = parseConfig({ endpoint: "/v1/responses", surveys: [survey(), survey()], cooldownDays: -1 });
    expect(result.ok ? [] : result.errors).toEqual(["config.cooldownDays: must be at least 0 (got -1)"]);
    const surveys = parseSurveys([survey(), survey()]);
    expect(surveys.ok ? [] : surveys.errors).toEqual(['surveys[1].id: duplicate survey id "nps-pricing"']);
  });
});

describe("parseSurvey", () => {
  it("names the root it was given", () => {
    const result = parseSurvey(survey({ priority: 1.5 }));
    expect(result.ok ? [] : result.errors).toEqual(["survey.priority: must be a whole number (got 1.5)"]);
  });
});

describe("branches", () => {
  const withBranch = (when: unknown) => ({
    id: "b",
    steps: [
      {
        kind: "single",
        id: "q",
        question: "Why?",
        choices: [{ id: "n", label: "No reason" }],
        branches: [{ when, goto: "end" }],
      },
    ],
  });

  it("keeps a choice branch's choices (a score band must not swallow it)", () => {
    const result = parseSurvey(withBranch({ choices: ["n"] }));
    expect(result.ok && result.value.steps[0]!.kind === "single" ? result.value.steps[0]!.branches : null).toEqual([
      { when: { choices: ["n"] }, goto: "end" },
    ]);
  });

  it("keeps a score band", () => {
    const result = parseSurvey(withBranch({ min: 0, max: 6 }));
    expect(result.ok ? result.value.steps[0]! : null).toMatchObject({ branches: [{ when: { min: 0, max: 6 } }] });
  });

  it("rejects an empty condition, which would match every answer", () => {
    const result = parseSurvey(withBranch({}));
    expect(result.ok ? [] : result.errors.join("\n")).toContain("survey.steps[0].branches[0].when");
  });
});

describe("checkSurveyOutlines checks what the rules need; checkSurvey checks the rest when a survey shows", () => {
  const brokenSteps = survey({ steps: [{ kind: "stars", id: "s", question: "?" }], appearance: { position: "left" } });

  it("keeps a survey whose steps are wrong, with its steps and appearance as given", () => {
    const result = checkSurveyOutlines({ surveys: [brokenSteps] });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value[0]!.steps).toEqual(brokenSteps.steps);
      expect(result.value[0]!.appearance).toEqual({ position: "left" });
    }
  });

  it("rejects what the rules read, naming the path", () => {
    const lines = (input: unknown) => {
      const result = checkSurveyOutlines(input);
      return result.ok ? [] : formatIssues(result.issues, result.root);
    };
    expect(lines([withRules({ sampling: 150 })])).toEqual(["surveys[0].rules.sampling: must be at most 100 (got 150)"]);
    expect(lines([survey({ steps: [] })])).toEqual(["surveys[0].steps: must have at least one step (got an array)"]);
    expect(lines([survey(), survey()])).toEqual(['surveys[1].id: duplicate survey id "nps-pricing"']);
  });

  it("warns about unknown top-level fields as the full check does", () => {
    const result = checkSurveyOutlines([survey({ colour: "red" })]);
    expect(result.ok && result.warnings).toEqual(["surveys[0].colour: unknown field, ignored"]);
  });

  it("checkSurvey then names the step under the survey's place in the list", () => {
    const result = checkSurvey(brokenSteps, ["surveys", 3]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(formatIssues(result.issues, result.root)[0]).toMatch(/^surveys\[3\]\.steps\[0\]\.kind: must be one of/);
  });
});
