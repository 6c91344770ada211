import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as core from "./index.js";

// The public surface of @sonde/core. Adding, renaming or removing a name is an API change:
// update this list in the same commit, on purpose.
const VALUES = [
  "CES_SCALE",
  "CSAT_SCALE",
  "DEFAULT_CONFIDENCE",
  "DEFAULT_COOLDOWN_DAYS",
  "DEVICES",
  "END",
  "GAP_SCALES",
  "MAX_BATCH_RESPONSES",
  "OPERATORS",
  "POSITIONS",
  "SCALES",
  "SMALL_SAMPLE",
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
  "breakdown",
  "cesFromCounts",
  "checkConfig",
  "checkSurvey",
  "checkSurveyOutlines",
  "checkSurveys",
  "choiceSchema",
  "coarsenPeriod",
  "compareMeans",
  "compareNps",
  "compareProportions",
  "compareTallies",
  "conditionSchema",
  "contextSchema",
  "countNps",
  "csatFromCounts",
  "emptyTally",
  "evaluate",
  "formatIssues",
  "formatPath",
  "frequencySchema",
  "gapBand",
  "gapFromCounts",
  "globToRegExp",
  "idSchema",
  "localeTagSchema",
  "matchCondition",
  "matchUrlCondition",
  "meanInterval",
  "mergeRows",
  "mergeTallies",
  "nextPeriod",
  "nextStep",
  "normalCdf",
  "normalQuantile",
  "npsFromCounts",
  "parseBatch",
  "parseConfig",
  "parseSurvey",
  "parseSurveys",
  "pathProgress",
  "periodKeyer",
  "proportion",
  "resolveText",
  "responseSchema",
  "rulesSchema",
  "samplingBucket",
  "scoreRows",
  "scoreTally",
  "seededRandom",
  "stepSchema",
  "studentTCdf",
  "studentTQuantile",
  "surveyList",
  "surveyListSchema",
  "surveyOutlineListSchema",
  "surveyOutlineSchema",
  "surveySchema",
  "tallyAnswers",
  "tallyResponses",
  "textSchema",
  "themeSchema",
  "trend",
  "triggerSchema",
  "urlConditionSchema",
  "urlParts",
  "watchedSignals",
  "widgetConfigSchema",
  "zCritical",
];

const TYPES = [
  "Answer",
  "Attributes",
  "Audience",
  "Batch",
  "Branch",
  "Breakdown",
  "CesResult",
  "Checked",
  "Choice",
  "Comparison",
  "Condition",
  "CsatResult",
  "Decision",
  "DeviceClass",
  "EvaluationInput",
  "Frequency",
  "GapBand",
  "GapResult",
  "Grouping",
  "History",
  "Interval",
  "MeanEstimate",
  "NpsCounts",
  "NpsResult",
  "NpsScore",
  "NpsShares",
  "Operator",
  "PageContext",
  "PageEvent",
  "PeriodUnit",
  "Person",
  "Proportion",
  "ProportionSample",
  "QuestionStep",
  "RollUp",
  "Rules",
  "SampleSummary",
  "ScorableResponse",
  "ScoreResult",
  "ScoredKind",
  "ScoredRow",
  "ScoringOptions",
  "Segment",
  "SegmentScore",
  "Step",
  "StepKind",
  "Survey",
  "SurveyHistory",
  "SurveyOutline",
  "SurveyResponse",
  "SurveyVerdict",
  "Tally",
  "TallyComparison",
  "TallyRow",
  "Text",
  "Theme",
  "TrendOptions",
  "TrendSeries",
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
