// Definitions are read safely: regular files only, bounded in size, and errors that say where
// the problem is without echoing what the file holds.
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InvalidSurveysError, loadSurveys } from "./surveys.js";
import { tempDir } from "./testing/fixtures.js";

const survey = (id: string) => ({ id, steps: [{ kind: "nps", id: "score", question: "How likely…?" }] });

/** The problems loadSurveys reports for `path`, or [] when it loads. */
function problems(path: string): string[] {
  try {
    loadSurveys(path);
    return [];
  } catch (error) {
    if (error instanceof InvalidSurveysError) return error.problems;
    throw error;
  }
}

describe("survey files are read safely", () => {
  it("refuses a FIFO named *.json instead of waiting on it forever", { timeout: 10_000 }, () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.json"), JSON.stringify([survey("a")]));
    execFileSync("mkfifo", [join(dir, "b.json")]);
    expect(problems(dir)).toEqual([`${join(dir, "b.json")}: is a FIFO; survey definitions must be a regular file`]);
    expect(problems(join(dir, "b.json"))).toHaveLength(1);
  });

  it("refuses a device", () => {
    expect(problems("/dev/null")).toEqual(["/dev/null: is a device; survey definitions must be a regular file"]);
  });

  it("refuses a file over 10 MB before reading it", { timeout: 10_000 }, () => {
    // Sparse: 700 MB that take no disk, and would take seconds and gigabytes to read whole.
    const file = join(tempDir(), "huge.json");
    writeFileSync(file, "");
    truncateSync(file, 700 * 1024 * 1024);
    const started = performance.now();
    expect(problems(file)).toEqual([
      `${file}: is larger than 10 MB, the limit for survey definitions; split it into a folder of files`,
    ]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("follows a symlink to a file that is not JSON, and never prints what it holds", () => {
    const dir = tempDir();
    const secret = join(dir, "secret.txt");
    writeFileSync(secret, "root:$6$s3cr3tHash:19000:0:99999:7:::\n");
    const link = join(dir, "surveys.json");
    symlinkSync(secret, link);
    const lines = problems(link);
    expect(lines).toEqual([`${link}: is not valid JSON: line 1, column 1: unexpected character`]);
    expect(lines.join("\n")).not.toContain("s3cr3t");
    expect(lines.join("\n")).not.toContain("root");
  });

  it("follows a symlink to a regular file of surveys (as mounted config maps are)", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "data"));
    writeFileSync(join(dir, "data", "real.json"), JSON.stringify([survey("linked")]));
    symlinkSync(join(dir, "data", "real.json"), join(dir, "surveys.json"));
    expect(loadSurveys(join(dir, "surveys.json")).map((s) => s.id)).toEqual(["linked"]);
  });

  it("says where a JSON syntax error is, line and column, in every bad file of a folder", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.json"), '{\n  "surveys": [\n    { "id": "x" "steps": [] }\n  ]\n}\n');
    writeFileSync(join(dir, "b.json"), '[\n  { "id": "y", },\n]');
    writeFileSync(join(dir, "c.json"), JSON.stringify([survey("fine")]));
    writeFileSync(join(dir, "d.json"), "");
    expect(problems(dir)).toEqual([
      `${join(dir, "a.json")}: is not valid JSON: line 3, column 17: expected ','`,
      `${join(dir, "b.json")}: is not valid JSON: line 2, column 16: expected a property name in double quotes`,
      `${join(dir, "d.json")}: is not valid JSON: line 1, column 1: expected a value`,
    ]);
  });

  it("refuses deeply nested invalid JSON with a message, not a stack overflow", () => {
    const file = join(tempDir(), "deep.json");
    writeFileSync(file, "[".repeat(50_000));
    expect(problems(file)).toEqual([`${file}: is not valid JSON: nested too deeply to say where`]);
  });

  it("refuses text that is not UTF-8, and reads UTF-8 with a byte-order mark", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "latin1.json"), Buffer.from([0x5b, 0x22, 0xe6, 0x22, 0x5d]));
    expect(problems(join(dir, "latin1.json"))).toEqual([`${join(dir, "latin1.json")}: is not UTF-8 text`]);
    writeFileSync(join(dir, "bom.json"), `\ufeff${JSON.stringify([survey("bom")])}`);
    expect(loadSurveys(join(dir, "bom.json")).map((s) => s.id)).toEqual(["bom"]);
  });

  it.each([
    ['"surveys"', "a string"],
    ["42", "a number"],
    ["null", "null"],
  ])("refuses definitions of the wrong top-level shape: %s", (text, kind) => {
    const file = join(tempDir(), "surveys.json");
    writeFileSync(file, text);
    expect(problems(file)).toEqual([
      `${file}: must be a list of surveys, { "surveys": [...] } or one survey (got ${kind})`,
    ]);
  });

  it("refuses an object that is neither a list nor a survey, suggesting the key it lacks", () => {
    const file = join(tempDir(), "surveys.json");
    writeFileSync(file, JSON.stringify({ survey: [survey("x")] }));
    expect(problems(file)).toEqual([
      `${file}: surveys: is required (an array)`,
      `${file}: survey: unknown field; did you mean "surveys"?`,
    ]);
  });
});
