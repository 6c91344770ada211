import { describe, expect, it } from "vitest";
import { parseSurveys } from "./parse.js";
import { checkShownSurvey, checkSurvey } from "./validate-survey.js";

const steps = [
  { kind: "nps", id: "score", question: "How likely are you to recommend us?" },
  { kind: "csat", id: "sat", question: "How satisfied are you?" },
  { kind: "open", id: "why", question: "Why?", required: false },
  { kind: "thanks", id: "thanks", question: "Thank you!" },
];

const webhook = { url: "https://hooks.example.com/sonde" };

/** A survey with these alerts. */
const withAlerts = (alerts: unknown) => ({ id: "nps-app", steps, alerts });

/** A survey with one alert made of these fields over a valid one. */
const withAlert = (over: Record<string, unknown>) =>
  withAlerts([{ id: "detractors", when: [{ type: "nps", category: "detractor" }], webhook, ...over }]);

const errorsOf = (input: unknown) => {
  const result = parseSurveys([input]);
  return result.ok ? [] : result.errors;
};

describe("alerts in survey definitions", () => {
  it("accepts each kind of condition, attributes, both formats", () => {
    const result = parseSurveys([
      withAlerts([
        {
          id: "unhappy",
          name: "Unhappy customer",
          match: "any",
          when: [
            { type: "nps", category: ["detractor", "passive"] },
            { type: "nps", step: "score", min: 0, max: 4 },
            { type: "csat", max: 2 },
            { type: "comment", words: ["cancel", "refund"] },
            { type: "comment", step: "why" },
          ],
          attributes: [{ key: "plan", op: "in", value: ["team", "enterprise"] }],
          attributesMatch: "all",
          webhook: { url: "https://hooks.slack.com/services/T0/B0/x", format: "slack" },
        },
        { id: "all-detractors", when: [{ type: "nps", category: "detractor" }], webhook },
      ]),
    ]);
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  // [what, survey, expected error line]
  const cases: [string, unknown, string][] = [
    [
      "an unknown condition",
      withAlert({ when: [{ type: "stars", max: 2 }] }),
      'surveys[0].alerts[0].when[0].type: must be one of "nps", "csat", "ces", "gap", "thumbs", "comment" (got "stars")',
    ],
    [
      "an NPS condition with nothing to test",
      withAlert({ when: [{ type: "nps" }] }),
      "surveys[0].alerts[0].when[0]: needs a category, or a score band with min and/or max",
    ],
    [
      "an unknown NPS category",
      withAlert({ when: [{ type: "nps", category: "critic" }] }),
      'surveys[0].alerts[0].when[0].category: does not match any allowed form (got "critic")',
    ],
    [
      "a CSAT band outside the scale",
      withAlert({ when: [{ type: "csat", max: 6 }] }),
      "surveys[0].alerts[0].when[0].max: must be a whole number from 1 to 5 (got 6)",
    ],
    [
      "a band upside down",
      withAlert({ when: [{ type: "nps", min: 7, max: 3 }] }),
      "surveys[0].alerts[0].when[0].min: min must not be above max",
    ],
    [
      "no condition",
      withAlert({ when: [] }),
      "surveys[0].alerts[0].when: must list at least one condition (got an array)",
    ],
    [
      "a step that does not exist",
      withAlert({ when: [{ type: "nps", step: "scroe", category: "detractor" }] }),
      'surveys[0].alerts[0].when[0].step: names a step that does not exist ("scroe")',
    ],
    [
      "a step of another kind",
      withAlert({ when: [{ type: "csat", step: "score", max: 2 }] }),
      'surveys[0].alerts[0].when[0].step: names step "score", a nps step; a csat condition reads a csat step',
    ],
    [
      "a kind the survey never asks",
      withAlert({ when: [{ type: "thumbs" }] }),
      "surveys[0].alerts[0].when[0].type: can never hold: the survey has no thumbs step",
    ],
    [
      "an empty word",
      withAlert({ when: [{ type: "comment", words: ["refund", ""] }] }),
      'surveys[0].alerts[0].when[0].words[1]: must not be empty (got "")',
    ],
    [
      "a bad attribute condition",
      withAlert({ attributes: [{ key: "seats", op: "gt", value: "10" }] }),
      'surveys[0].alerts[0].attributes[0].value: must be a number (got "10")',
    ],
    [
      "a webhook URL that is not http(s)",
      withAlert({ webhook: { url: "ftp://files.example.com/in" } }),
      'surveys[0].alerts[0].webhook.url: must be an http(s) URL such as https://hooks.example.com/sonde, without a user name or password (got "ftp://files.example.com/in")',
    ],
    [
      "a webhook URL with a password",
      withAlert({ webhook: { url: "https://me:secret@hooks.example.com/" } }),
      'surveys[0].alerts[0].webhook.url: must be an http(s) URL such as https://hooks.example.com/sonde, without a user name or password (got "https://me:secret@hooks.example.com/")',
    ],
    [
      "an unknown format",
      withAlert({ webhook: { ...webhook, format: "teams" } }),
      'surveys[0].alerts[0].webhook.format: must be one of "standard", "slack" (got "teams")',
    ],
    ["no webhook", withAlert({ webhook: undefined }), "surveys[0].alerts[0].webhook: is required (an object)"],
    [
      "two alerts with one id",
      withAlerts([
        { id: "a", when: [{ type: "comment" }], webhook },
        { id: "a", when: [{ type: "csat", max: 1 }], webhook },
      ]),
      'surveys[0].alerts[1].id: duplicate alert id "a"',
    ],
  ];

  it.each(cases)("rejects %s, naming the path", (_, input, expected) => {
    expect(errorsOf(input)).toContain(expected);
  });

  it("a page checks a survey with its alerts left unchecked; the collector does not", () => {
    const broken = withAlert({ when: [{ type: "stars" }] });
    expect(checkShownSurvey(broken)).toMatchObject({ ok: true, warnings: [] });
    expect(checkSurvey(broken).ok).toBe(false);
  });
});
