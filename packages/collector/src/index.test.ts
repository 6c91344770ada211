import { expect, it } from "vitest";
import * as collector from "./index.js";

// The public surface: adding or removing a name is an API change and must be deliberate.
it("exports exactly these names", () => {
  expect(Object.keys(collector).sort()).toEqual([
    "DEFAULT_RATE_LIMIT",
    "InvalidSurveysError",
    "alertRules",
    "computeComments",
    "computeResults",
    "corsPolicy",
    "createApp",
    "csvCell",
    "csvRow",
    "exportCsv",
    "hostPolicy",
    "loadSurveys",
    "openPgStore",
    "openSqliteStore",
    "parseCommentsQuery",
    "parseExportQuery",
    "parseResultsQuery",
    "parseSigningSecret",
    "responseLink",
    "seedResponses",
    "seedStore",
    "seededRandom",
    "signatureHeaders",
    "startCollector",
    "surveyList",
    "tokenBuckets",
    "webhookId",
    "webhookWorker",
    "withoutAlerts",
    "zoneDays",
  ]);
});
