import type { QuestionStep } from "@sonde/core";
import { describe, expect, it } from "vitest";
import { type Draft, emptyDraft, problem, toAnswer } from "./draft.js";

const d = (patch: Partial<Draft>): Draft => ({ ...emptyDraft(), ...patch });
const q = { id: "q", question: "Q" };
const choices = [
  { id: "a", label: "A" },
  { id: "b", label: "B" },
];

describe("toAnswer and problem", () => {
  const cases: [string, QuestionStep, Draft, unknown, string | null][] = [
    ["nps pick", { kind: "nps", ...q }, d({ pick: 0 }), { kind: "nps", value: 0 }, null],
    ["nps empty is required", { kind: "nps", ...q }, d({}), undefined, "needPick"],
    ["optional nps may be skipped", { kind: "nps", ...q, required: false }, d({}), undefined, null],
    ["csat carries its scale", { kind: "csat", ...q }, d({ pick: 5 }), { kind: "csat", value: 5, scale: 5 }, null],
    ["ces carries its scale", { kind: "ces", ...q }, d({ pick: 7 }), { kind: "ces", value: 7, scale: 7 }, null],
    [
      "gap with both ratings",
      { kind: "gap", ...q, scale: 7 },
      d({ pick: 6, pick2: 3 }),
      { kind: "gap", expected: 6, experienced: 3, scale: 7 },
      null,
    ],
    ["half a gap is never sent", { kind: "gap", ...q, required: false }, d({ pick: 2 }), undefined, "needPick"],
    ["thumbs", { kind: "thumbs", ...q }, d({ pick: "down" }), { kind: "thumbs", value: "down" }, null],
    [
      "open text is trimmed",
      { kind: "open", ...q },
      d({ text: "  slow sync \n" }),
      { kind: "open", value: "slow sync" },
      null,
    ],
    ["open text is optional by default", { kind: "open", ...q }, d({ text: "   " }), undefined, null],
    ["required open text", { kind: "open", ...q, required: true }, d({}), undefined, "needText"],
    [
      "open text over its limit",
      { kind: "open", ...q, maxLength: 3 },
      d({ text: "four" }),
      { kind: "open", value: "four" },
      "tooLong",
    ],
    ["single", { kind: "single", ...q, choices }, d({ pick: "b" }), { kind: "single", value: "b" }, null],
    [
      "single other with text",
      { kind: "single", ...q, choices, other: true },
      d({ pick: "other", text: " Mobile " }),
      { kind: "single", value: "other", other: "Mobile" },
      null,
    ],
    [
      "multiple keeps the order picked",
      { kind: "multiple", ...q, choices, other: true },
      d({ picks: ["b", "other", "a"], text: "x" }),
      { kind: "multiple", value: ["b", "other", "a"], other: "x" },
      null,
    ],
    [
      "multiple text without other is dropped",
      { kind: "multiple", ...q, choices },
      d({ picks: ["a"], text: "x" }),
      { kind: "multiple", value: ["a"] },
      null,
    ],
    ["multiple empty is required", { kind: "multiple", ...q, choices }, d({}), undefined, "needPick"],
  ];
  for (const [name, step, draft, answer, error] of cases)
    it(`${name}: ${JSON.stringify(draft)}`, () => {
      expect(toAnswer(step, draft)).toEqual(answer);
      expect(problem(step, draft)).toBe(error);
    });
});
