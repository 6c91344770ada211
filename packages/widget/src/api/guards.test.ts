import { describe, expect, it } from "vitest";
import surveysFile from "../../../../demo/surveys.json";
import { checkDefinitions, configErrors } from "./diagnose.js";
import { usableConfig, usableSurvey } from "./guards.js";
import { usableSteps } from "./step-guards.js";

// The guards are no schema: they only keep Sonde's code from misbehaving. But they must never be
// stricter than the schema, or a valid config or survey would be refused with nothing to explain it.

const config = { endpoint: "/v1/responses", surveysUrl: "/v1/surveys" };

describe("the config guard", () => {
  it.each([
    [
      "valid, every field",
      {
        ...config,
        locale: "pt-BR",
        debug: true,
        cooldownDays: 0,
        userId: "u-1",
        attributes: { plan: "team" },
        nonce: "n",
        consent: "pending",
        honorPrivacySignals: true,
        captureQuery: false,
      },
    ],
    ["valid, inline surveys", { endpoint: "https://c.example/v1/responses", surveys: [] }],
  ])("lets through a config the schema accepts: %s", (_, input) => {
    expect(configErrors(input)).toEqual([]);
    expect(usableConfig(input)).toEqual(input);
  });

  it.each([
    ["endpoint a number", { ...config, endpoint: 42 }],
    ["endpoint empty", { ...config, endpoint: "" }],
    ["no surveys at all", { endpoint: "/v1/responses" }],
    ["consent out of range", { ...config, consent: "maybe" }],
    ["cooldownDays negative", { ...config, cooldownDays: -1 }],
    ["cooldownDays NaN (data-cooldown-days=soon)", { ...config, cooldownDays: Number.NaN }],
    ["debug a string", { ...config, debug: "yes" }],
    ["attributes a list", { ...config, attributes: ["a"] }],
    ["not an object", "https://c.example"],
  ])("refuses what the schema refuses too, so diagnose can say why: %s", (_, input) => {
    expect(usableConfig(input)).toBeNull();
    expect(configErrors(input).length).toBeGreaterThan(0);
  });

  it("reads own fields only: a key on Object.prototype is not a field", () => {
    const polluted = Object.create({ debug: "inherited", consent: "maybe" }) as Record<string, unknown>;
    Object.assign(polluted, config);
    expect(usableConfig(polluted)).toEqual(config);
  });
});

describe("the survey guards", () => {
  it("let every demo survey through, steps included", () => {
    const { surveys } = surveysFile as { surveys: unknown[] };
    expect(checkDefinitions(surveysFile).errors).toEqual([]);
    for (const survey of surveys) {
      expect(usableSurvey(survey), JSON.stringify(survey)).toBe(true);
      expect(usableSteps(survey as never), JSON.stringify(survey)).toBe(true);
    }
  });

  const nps = { id: "nps", steps: [{ kind: "nps", id: "score", question: "How likely?" }] };
  it.each([
    ["no id", { steps: nps.steps }],
    ["steps empty", { ...nps, steps: [] }],
    ["steps not a list", { ...nps, steps: {} }],
    ["rules a string", { ...nps, rules: "always" }],
    ["triggers not a list", { ...nps, rules: { triggers: { type: "pageview" } } }],
    ["sampling a string", { ...nps, rules: { sampling: "50" } }],
    ["schedule start a number", { ...nps, schedule: { start: 20260101 } }],
  ])("skip what the schema refuses too: %s", (_, survey) => {
    expect(usableSurvey(survey)).toBe(false);
    expect(checkDefinitions([survey]).errors.length).toBeGreaterThan(0);
  });

  it.each([
    ["a step without a question", [{ kind: "nps", id: "score" }]],
    ["an unknown kind", [{ kind: "slider", id: "s", question: "?" }]],
    ["choices missing", [{ kind: "single", id: "c", question: "?" }]],
  ])("steps: refuse %s, as the schema does", (_, steps) => {
    const survey = { ...nps, steps };
    expect(usableSurvey(survey)).toBe(true);
    expect(usableSteps(survey as never)).toBe(false);
    expect(checkDefinitions([survey]).errors.length).toBeGreaterThan(0);
  });
});
