import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidSurveysError, loadSurveys } from "./surveys.js";
import { demoSurveys, type TestCollector, tempDir, testCollector } from "./testing/fixtures.js";

const survey = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  steps: [{ kind: "nps", id: "score", question: "How likely…?" }],
  ...over,
});

describe("GET /v1/surveys", () => {
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await testCollector({ surveys: demoSurveys, rateLimit: false });
  });
  afterAll(() => collector.close());

  it("serves the validated definitions with an ETag, and 304 when the client has them", async () => {
    const res = await fetch(`${collector.url}/v1/surveys`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { surveys: { id: string }[] };
    expect(body.surveys.map((s) => s.id)).toEqual(
      (JSON.parse(readFileSync(demoSurveys, "utf8")) as { surveys: { id: string }[] }).surveys.map((s) => s.id),
    );
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(res.headers.get("cache-control")).toContain("max-age=");

    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const again = await fetch(`${collector.url}/v1/surveys`, { headers: { "if-none-match": header } });
      expect(again.status, header).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect(await again.text()).toBe("");
    }
    const changed = await fetch(`${collector.url}/v1/surveys`, { headers: { "if-none-match": '"stale"' } });
    expect(changed.status).toBe(200);
  });
});

describe("survey definitions are validated at start", () => {
  it("reads a folder of files: lists, { surveys } and single surveys, in name order", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "b.json"), JSON.stringify(survey("second")));
    writeFileSync(join(dir, "a.json"), JSON.stringify({ surveys: [survey("first")] }));
    writeFileSync(join(dir, "c.json"), JSON.stringify([survey("third")]));
    writeFileSync(join(dir, "notes.txt"), "not a survey");
    expect(loadSurveys(dir).map((s) => s.id)).toEqual(["first", "second", "third"]);
  });

  it.each([
    [
      "a bad field, with its file and path",
      { "a.json": { surveys: [survey("ok"), survey("bad", { steps: [{ kind: "nps", id: "s" }] })] } },
      "a.json: surveys[1].steps[0].question",
    ],
    [
      "an id defined in two files",
      { "a.json": [survey("twice")], "b.json": [survey("twice")] },
      'b.json: surveys[0].id: "twice" is already defined in',
    ],
    ["a file that is not JSON", { "a.json": "{oops" }, "a.json"],
  ])("refuses %s", (_, files, message) => {
    const dir = tempDir();
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
    }
    expect(() => loadSurveys(dir)).toThrow(InvalidSurveysError);
    expect(() => loadSurveys(dir)).toThrow(message);
  });

  it("with allowUnknown, loads a definition with fields it does not know, and says which it ignored", () => {
    const file = join(tempDir(), "surveys.json");
    writeFileSync(file, JSON.stringify([survey("newer", { confetti: true })]));
    const warnings: string[] = [];
    expect(loadSurveys(file, { allowUnknown: true, warn: (w) => warnings.push(w) }).map((s) => s.id)).toEqual([
      "newer",
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${file}: `);
    expect(warnings[0]).toContain("confetti");
  });

  it("refuses a folder without survey files and a path that does not exist", () => {
    expect(() => loadSurveys(tempDir())).toThrow("holds no .json file");
    expect(() => loadSurveys(join(tempDir(), "missing.json"))).toThrow("cannot read surveys from");
  });

  it("keeps the collector from starting, naming every bad path", async () => {
    const file = join(tempDir(), "surveys.json");
    writeFileSync(file, JSON.stringify({ surveys: [survey("x", { priority: "high" }), { id: "y", steps: [] }] }));
    const started = testCollector({ surveys: file });
    await expect(started).rejects.toThrow(InvalidSurveysError);
    await expect(started).rejects.toThrow(/surveys\[0\]\.priority: must be a number[\s\S]*surveys\[1\]\.steps/);
  });
});
