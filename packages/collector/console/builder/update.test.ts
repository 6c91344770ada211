import { parseSurvey, unknownFieldIssues } from "@sonde/core";
import { afterEach, describe, expect, test, vi } from "vitest";
import {
  addStep,
  addTrigger,
  changeKind,
  changeTrigger,
  conditionValue,
  freshId,
  isoFromLocal,
  type Json,
  languagesOf,
  localInput,
  moveIn,
  removeIn,
  setIn,
  setTranslation,
  textIn,
} from "./update.js";

const survey = (): Json => ({
  id: "s",
  steps: [
    { kind: "nps", id: "score", question: "How likely?" },
    { kind: "thanks", id: "thanks", question: "Thanks!" },
  ],
  rules: { triggers: [{ type: "pageview", url: [{ match: "startsWith", value: "/" }] }] },
});
const valid = (d: unknown) => {
  const parsed = parseSurvey(d, { unknownFields: unknownFieldIssues });
  return parsed.ok ? [] : parsed.errors;
};

describe("setIn", () => {
  test("copies along the path only and leaves the input alone", () => {
    const before = survey();
    const after = setIn(before, ["steps", 0, "question"], "Would you?") as Json;
    expect((after.steps as Json[])[0]!.question).toBe("Would you?");
    expect((before.steps as Json[])[0]!.question).toBe("How likely?");
    expect((after.steps as Json[])[1]).toBe((before.steps as Json[])[1]);
    expect(after.rules).toBe(before.rules);
  });
  test("undefined removes a key, and an object emptied that way goes too", () => {
    const d = setIn({ id: "s", appearance: { theme: { brand: "red" } } }, ["appearance", "theme", "brand"], undefined);
    expect(d).toEqual({ id: "s" });
  });
  test("creates the objects and lists a path needs", () => {
    expect(setIn({}, ["rules", "triggers", 0, "type"], "exit")).toEqual({ rules: { triggers: [{ type: "exit" }] } });
  });
});

describe("steps", () => {
  test("a new question goes before the closing thank-you, with a fresh id, and stays valid", () => {
    const d = addStep(addStep(survey(), "single", "Which?", ["A", "B"]), "single", "Which else?", ["C"]);
    const steps = d.steps as Json[];
    expect(steps.map((s) => s.id)).toEqual(["score", "single", "single-2", "thanks"]);
    expect(steps[1]!.choices).toEqual([
      { id: "choice-1", label: "A" },
      { id: "choice-2", label: "B" },
    ]);
    expect(valid(d)).toEqual([]);
  });
  test("a thank-you goes last; a fresh id skips taken ones", () => {
    expect((addStep(survey(), "thanks", "Bye").steps as Json[]).map((s) => s.id)).toEqual([
      "score",
      "thanks",
      "thanks-2",
    ]);
    expect(freshId("nps", ["nps", "nps-2"])).toBe("nps-3");
  });
  test("moving a step swaps it with its neighbour; at either end nothing changes", () => {
    const d = survey();
    expect(((moveIn(d, ["steps"], 0, 1) as Json).steps as Json[]).map((s) => s.id)).toEqual(["thanks", "score"]);
    expect(moveIn(d, ["steps"], 0, -1)).toBe(d);
    expect(moveIn(d, ["steps"], 1, 1)).toBe(d);
  });
  test("removing the last item of a list removes the list", () => {
    const d = setIn(survey(), ["steps", 0, "branches"], [{ when: { max: 6 }, goto: "end" }]);
    expect(getBranches(removeIn(d, ["steps", 0, "branches"], 0))).toBeUndefined();
  });
  test("changing the kind keeps the question and flow, drops what the new kind has not", () => {
    const nps = { kind: "nps", id: "q", question: "Q", lowLabel: "No", branches: [{ when: { max: 6 }, goto: "end" }] };
    expect(changeKind(nps, "csat")).toEqual({ kind: "csat", id: "q", question: "Q", branches: nps.branches });
    expect(changeKind(nps, "single", ["A"])).toEqual({
      kind: "single",
      id: "q",
      question: "Q",
      choices: [{ id: "choice-1", label: "A" }],
    });
    expect(changeKind(nps, "thanks")).toEqual({ kind: "thanks", id: "q", question: "Q" });
  });
});
const getBranches = (d: unknown) => ((d as Json).steps as Json[])[0]!.branches;

describe("translated text", () => {
  test.each([
    // [text, locale, value, result]
    ["Hello", "da", "Hej", { en: "Hello", da: "Hej" }],
    ["Hello", "en", "Hi", "Hi"],
    [{ en: "Hello", da: "Hej" }, "da", "", "Hello"],
    [{ en: "Hello", da: "Hej" }, "en", "", { da: "Hej" }],
    ["Hello", "en", "", undefined],
    [undefined, "en", "Note", "Note"],
    [undefined, "da", "Note", { da: "Note" }],
  ] as const)("%j with %s set to %j gives %j", (text, locale, value, result) => {
    expect(setTranslation(text as never, locale, "en", value)).toEqual(result);
  });
  test("a plain string is the default language's text", () => {
    expect(textIn("Hello", "en", "en")).toBe("Hello");
    expect(textIn("Hello", "da", "en")).toBe("");
    expect(textIn({ da: "Hej" }, "da", "en")).toBe("Hej");
  });
  test("the languages in use are found in any text, the default first", () => {
    const d = setIn(survey(), ["steps", 1, "question"], { en: "Thanks", da: "Tak", "pt-BR": "Obrigado" });
    expect(languagesOf(d, "en")).toEqual(["en", "da", "pt-BR"]);
    expect(languagesOf(survey(), "fr")).toEqual(["fr"]);
  });
});

describe("triggers", () => {
  test("a new trigger has what its schema requires", () => {
    let d = survey();
    for (const type of ["event", "time", "scroll", "exit", "click", "manual"] as const) d = addTrigger(d, type);
    const types = (d.rules as Json).triggers as Json[];
    expect(types.map((x) => x.type)).toEqual(["pageview", "event", "time", "scroll", "exit", "click", "manual"]);
    // Event name and click selector are still empty: the live check names them.
    expect(valid(d)).toEqual([
      'survey.rules.triggers[1].name: must not be empty (got "")',
      'survey.rules.triggers[5].selector: must not be empty (got "")',
    ]);
  });
  test("changing the type keeps the URL rules, except for manual", () => {
    const url = [{ match: "exact", value: "/pricing" }];
    expect(changeTrigger({ type: "pageview", url }, "scroll")).toEqual({ type: "scroll", percent: 50, url });
    expect(changeTrigger({ type: "pageview", url }, "manual")).toEqual({ type: "manual" });
  });
  test("condition values take the type their operator needs", () => {
    expect(conditionValue("gte", "3")).toBe(3);
    expect(conditionValue("in", "a, b,")).toEqual(["a", "b"]);
    expect(conditionValue("eq", "true")).toBe(true);
    expect(conditionValue("eq", "42")).toBe(42);
    expect(conditionValue("eq", "pro")).toBe("pro");
    expect(conditionValue("contains", "42")).toBe("42");
    expect(conditionValue("exists", "false")).toBe(false);
  });
});

describe("schedule fields: the browser's local time in the field, UTC in the definition", () => {
  // Node reads TZ again when it changes.
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  test("Copenhagen: 09:00 local is 08:00 UTC in winter and 07:00 in summer, and reads back as typed", () => {
    vi.stubEnv("TZ", "Europe/Copenhagen");
    expect(isoFromLocal("2026-01-31T09:00")).toBe("2026-01-31T08:00:00Z");
    expect(isoFromLocal("2026-07-01T09:00")).toBe("2026-07-01T07:00:00Z");
    expect(localInput("2026-01-31T08:00:00Z")).toBe("2026-01-31T09:00");
    expect(localInput("2026-07-01T09:00:00+02:00")).toBe("2026-07-01T09:00");
  });

  test("Tokyo: the day moves back across midnight", () => {
    vi.stubEnv("TZ", "Asia/Tokyo");
    expect(isoFromLocal("2026-03-01T06:30")).toBe("2026-02-28T21:30:00Z");
  });

  test("an emptied field removes the date; a value that is no date-time shows empty", () => {
    expect(isoFromLocal("")).toBeUndefined();
    expect(localInput(undefined)).toBe("");
    expect(localInput("next Tuesday")).toBe("");
  });

  test("what the field writes passes the schema's date-time check", () => {
    const survey = {
      id: "s",
      schedule: { start: isoFromLocal("2026-01-31T09:00"), end: isoFromLocal("2026-02-28T18:00") },
      steps: [{ kind: "nps", id: "score", question: "How likely?" }],
    };
    expect(parseSurvey(survey).ok).toBe(true);
  });
});
