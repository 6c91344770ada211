import { describe, expect, it } from "vitest";
import { parseBatch, parseConfig, parseSurvey, parseSurveys } from "./parse.js";
import { closestKey, unknownFieldIssues } from "./unknown-fields.js";

const strict = { unknownFields: unknownFieldIssues };

const survey = (over: Record<string, unknown> = {}) => ({
  id: "nps-pricing",
  steps: [{ kind: "nps", id: "score", question: "How likely are you to recommend us?" }],
  rules: { triggers: [{ type: "pageview", url: [{ match: "startsWith", value: "/pricing" }] }] },
  ...over,
});

const errors = (input: unknown) => {
  const result = parseSurveys(input, strict);
  return result.ok ? [] : result.errors;
};

describe("unknown fields as errors, where definitions enter", () => {
  // [what, input, every error line]
  const cases: [string, unknown, string[]][] = [
    [
      "a misspelled rules key",
      [survey({ rules: { trigers: [{ type: "manual" }] } })],
      ['surveys[0].rules.trigers: unknown field; did you mean "triggers"?'],
    ],
    [
      "schedule under rules",
      [survey({ rules: { schedule: { start: "2026-01-01T00:00:00Z" } } })],
      ['surveys[0].rules.schedule: unknown field here; "schedule" belongs to surveys[0]'],
    ],
    [
      "a misspelled field of one step kind",
      [survey({ steps: [{ kind: "nps", id: "s", question: "?", lowLable: "No" }] })],
      ['surveys[0].steps[0].lowLable: unknown field; did you mean "lowLabel"?'],
    ],
    [
      "a field in a trigger's URL condition",
      [survey({ rules: { triggers: [{ type: "pageview", url: [{ match: "exact", value: "/", negate: true }] }] } })],
      ["surveys[0].rules.triggers[0].url[0].negate: unknown field; known here: match, value, part, not"],
    ],
    [
      "a field of a branch condition (a union of forms)",
      [
        survey({
          steps: [
            {
              kind: "single",
              id: "s",
              question: "?",
              choices: [{ id: "a", label: "A" }],
              branches: [{ when: { choices: ["a"], mni: 1 }, goto: "end" }],
            },
          ],
        }),
      ],
      ["surveys[0].steps[0].branches[0].when.mni: unknown field; known here: choices"],
    ],
    [
      "a misspelled top-level key of the file",
      { survey: [survey()] },
      ["surveys: is required (an array)", 'survey: unknown field; did you mean "surveys"?'],
    ],
    [
      "an unknown field beside a real error, both reported",
      [survey({ priority: "high", colour: "teal" })],
      [
        'surveys[0].priority: must be a number (got "high")',
        "surveys[0].colour: unknown field; known here: id, version, name, defaultLocale, priority, schedule, rules, steps, appearance, alerts",
      ],
    ],
  ];

  it.each(cases)("%s", (_, input, lines) => {
    expect(errors(input), `input: ${JSON.stringify(input)}`).toEqual(lines);
  });

  it("leaves data keys alone: translations, answers, attributes", () => {
    const text = { en: "How likely…?", "pt-BR": "Qual a probabilidade…?" };
    expect(
      errors({
        $schema: "./survey.schema.json",
        surveys: [survey({ steps: [{ kind: "nps", id: "s", question: text }] })],
      }),
    ).toEqual([]);
    const response = {
      id: "resp-000001",
      surveyId: "s",
      revision: 1,
      completed: true,
      answers: { anyStepId: { kind: "nps", value: 9 } },
      createdAt: 1,
      updatedAt: 1,
      anonymousId: "a",
      context: { url: "/", attributes: { plan: "pro" } },
      schemaVersion: 1,
    };
    const batch = parseBatch({ responses: [response] }, strict);
    expect(batch.ok).toBe(true);
    const extra = parseBatch({ responses: [{ ...response, extra: 1 }] }, strict);
    expect(extra.ok ? [] : extra.errors).toEqual([
      "responses[0].extra: unknown field; known here: id, surveyId, surveyVersion, revision, completed, answers, createdAt, updatedAt, anonymousId, userId, context, schemaVersion",
    ]);
  });

  it("applies to a single survey and to the config", () => {
    const one = parseSurvey(survey({ rules: { sampleing: 50 } }), strict);
    expect(one.ok ? [] : one.errors).toEqual(['survey.rules.sampleing: unknown field; did you mean "sampling"?']);
    const config = parseConfig({ endpoint: "/v1/responses", surveysUrl: "/s.json", debgu: true }, strict);
    expect(config.ok ? [] : config.errors).toEqual(['config.debgu: unknown field; did you mean "debug"?']);
  });

  it("keeps the default for pages: unknown fields dropped with a warning", () => {
    const result = parseSurveys({ surveys: [survey({ rules: { trigers: [] } })], extra: 1 });
    expect(result).toMatchObject({ ok: true, warnings: ["surveys[0].rules.trigers: unknown field, ignored"] });
  });
});

describe("closestKey", () => {
  it.each([
    ["trigers", ["triggers", "audience"], "triggers"],
    ["Triggers", ["triggers"], "triggers"],
    ["smapling", ["sampling", "delay"], "sampling"],
    ["devcies", ["devices", "locales"], "devices"],
    ["colour", ["brand", "text", "background"], undefined],
    ["x", ["a", "b"], undefined],
  ])("%s among %j → %s", (key, known, expected) => {
    expect(closestKey(key, known)).toBe(expected);
  });
});
