import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { surveysJsonSchema } from "./json-schema.js";
import { parseSurveys } from "./parse.js";

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));

describe("survey.schema.json", () => {
  it("is what the zod schemas generate (run `npm run schema` in packages/core to update it)", () => {
    expect(read("../../survey.schema.json")).toEqual(surveysJsonSchema());
  });

  it("names the parts editors show, with descriptions", () => {
    const schema = surveysJsonSchema() as { $defs: Record<string, { description?: string }> };
    for (const name of ["Survey", "Rules", "Trigger", "EventTrigger", "Audience", "Frequency", "Condition", "Step"]) {
      expect(schema.$defs[name]?.description, name).toBeTruthy();
    }
  });

  it("describes the demo's surveys.json, which the zod schema also accepts without warnings", () => {
    const demo = read("../../../../demo/surveys.json");
    expect(demo.$schema).toBe("../packages/core/survey.schema.json");
    expect(parseSurveys(demo)).toMatchObject({ ok: true, warnings: [] });
  });
});
