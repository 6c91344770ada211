import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as core from "./index.js";

// The public surface of @sonde/core. Adding, renaming or removing a name is an API change:
// update this list in the same commit, on purpose.
const VALUES = [
  "DEFAULT_COOLDOWN_DAYS",
  "DEVICES",
  "END",
  "MAX_BATCH_RESPONSES",
  "OPERATORS",
  "POSITIONS",
  "SCALES",
  "URL_MATCHES",
  "URL_PARTS",
  "WIRE_SCHEMA_VERSION",
  "answerSchema",
  "appearanceSchema",
  "attributesSchema",
  "audienceSchema",
  "baseLanguage",
  "batchSchema",
  "branchSchema",
  "choiceSchema",
  "conditionSchema",
  "contextSchema",
  "countNps",
  "evaluate",
  "formatIssues",
  "formatPath",
  "frequencySchema",
  "globToRegExp",
  "idSchema",
  "localeTagSchema",
  "matchCondition",
  "matchUrlCondition",
  "npsFromCounts",
  "parseBatch",
  "parseConfig",
  "parseSurvey",
  "parseSurveys",
  "resolveText",
  "responseSchema",
  "rulesSchema",
  "samplingBucket",
  "stepSchema",
  "surveyListSchema",
  "surveySchema",
  "textSchema",
  "themeSchema",
  "triggerSchema",
  "urlConditionSchema",
  "urlParts",
  "watchedSignals",
  "widgetConfigSchema",
];

const TYPES = [
  "Answer",
  "Attributes",
  "Audience",
  "Batch",
  "Branch",
  "Choice",
  "Condition",
  "Decision",
  "DeviceClass",
  "EvaluationInput",
  "Frequency",
  "History",
  "NpsCounts",
  "NpsResult",
  "Operator",
  "PageContext",
  "PageEvent",
  "Person",
  "QuestionStep",
  "Rules",
  "Step",
  "StepKind",
  "Survey",
  "SurveyHistory",
  "SurveyResponse",
  "SurveyVerdict",
  "Text",
  "Theme",
  "Trigger",
  "UrlCondition",
  "UrlParts",
  "Validated",
  "WatchedSignals",
  "WidgetConfig",
];

/** The names in the `export type { … }` statements of index.ts. */
function typeExports(): string[] {
  const source = readFileSync(new URL("./index.ts", import.meta.url), "utf8");
  const blocks = [...source.matchAll(/export type \{([^}]*)\}/g)].map((m) => m[1]!);
  return blocks
    .flatMap((block) => block.replace(/\/\*\*.*?\*\//gs, "").split(","))
    .map((name) => name.trim())
    .filter(Boolean)
    .sort();
}

describe("@sonde/core exports", () => {
  it("exactly these values", () => {
    expect(Object.keys(core).sort()).toEqual(VALUES);
  });

  it("exactly these types", () => {
    expect(typeExports()).toEqual(TYPES);
  });

  it("does no work on import: schemas are functions that build on first use", () => {
    const schemas = Object.entries(core).filter(([name]) => name.endsWith("Schema"));
    expect(schemas.length).toBeGreaterThan(20);
    for (const [name, value] of schemas) expect(typeof value, name).toBe("function");
  });
});
