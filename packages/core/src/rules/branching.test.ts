import { describe, expect, it } from "vitest";
import type { Step } from "../schema/steps.js";
import type { Answer } from "../schema/wire.js";
import { nextStep, pathProgress } from "./branching.js";

const steps: Step[] = [
  {
    kind: "nps",
    id: "score",
    question: "How likely…?",
    branches: [
      { when: { max: 6 }, goto: "disappointed" },
      { when: { min: 9 }, goto: "liked" },
    ],
    next: "thanks",
  },
  { kind: "open", id: "disappointed", question: "What disappointed you?", next: "thanks" },
  { kind: "open", id: "liked", question: "What do you like most?", next: "thanks" },
  {
    kind: "single",
    id: "reason",
    question: "Main reason?",
    choices: [
      { id: "price", label: "Price" },
      { id: "speed", label: "Speed" },
    ],
    branches: [{ when: { choices: ["price"] }, goto: "end" }],
  },
  {
    kind: "thumbs",
    id: "helpful",
    question: "Helpful?",
    branches: [{ when: { choices: ["down"] }, goto: "disappointed" }],
  },
  { kind: "thanks", id: "thanks", question: "Thanks!" },
];
const at = (id: string) => steps.find((s) => s.id === id)!;

describe("nextStep", () => {
  it.each<[string, string, Answer | undefined, string | null]>([
    ["detractor band (0–6) at its lower edge", "score", { kind: "nps", value: 0 }, "disappointed"],
    ["detractor band at its upper edge", "score", { kind: "nps", value: 6 }, "disappointed"],
    ["passive: no branch, so `next`", "score", { kind: "nps", value: 7 }, "thanks"],
    ["passive at 8", "score", { kind: "nps", value: 8 }, "thanks"],
    ["promoter band (9–10) at its lower edge", "score", { kind: "nps", value: 9 }, "liked"],
    ["promoter at 10", "score", { kind: "nps", value: 10 }, "liked"],
    ["no answer: no branch matches", "score", undefined, "thanks"],
    ["a choice branch to end", "reason", { kind: "single", value: "price" }, null],
    ["an unlisted choice falls through to the following step", "reason", { kind: "single", value: "speed" }, "helpful"],
    ["thumbs down branches by its value", "helpful", { kind: "thumbs", value: "down" }, "disappointed"],
    ["thumbs up goes on in order", "helpful", { kind: "thumbs", value: "up" }, "thanks"],
    ["a thank-you step ends the survey", "thanks", undefined, null],
  ])("%s", (_, from, answer, expected) => {
    expect(nextStep(steps, at(from), answer)?.id ?? null, JSON.stringify({ from, answer })).toBe(expected);
  });

  it("follows the order of steps when a step says nothing, and ends after the last", () => {
    const plain: Step[] = [
      { kind: "csat", id: "a", question: "A?" },
      { kind: "open", id: "b", question: "B?" },
    ];
    expect(nextStep(plain, plain[0]!, { kind: "csat", value: 4, scale: 5 })?.id).toBe("b");
    expect(nextStep(plain, plain[1]!, { kind: "open", value: "fine" })).toBeNull();
  });

  it("bands a gap answer by its experience rating", () => {
    const gap: Step[] = [
      { kind: "gap", id: "g", question: "?", branches: [{ when: { max: 2 }, goto: "low" }] },
      { kind: "thanks", id: "t", question: "Thanks" },
      { kind: "open", id: "low", question: "Why?" },
    ];
    expect(nextStep(gap, gap[0]!, { kind: "gap", expected: 5, experienced: 2, scale: 5 })?.id).toBe("low");
    expect(nextStep(gap, gap[0]!, { kind: "gap", expected: 2, experienced: 4, scale: 5 })?.id).toBe("t");
  });
});

describe("pathProgress", () => {
  // Default routes: a → b → c → d → the thank-you, and a branches past b and c to d. x ends
  // (`next: end`) unless it branches to y, which goes on to z. p and q point at each other.
  const route: Step[] = [
    { kind: "nps", id: "a", question: "?", branches: [{ when: { min: 9 }, goto: "d" }] },
    { kind: "open", id: "b", question: "?" },
    {
      kind: "single",
      id: "c",
      question: "?",
      choices: [{ id: "no", label: "No" }],
      branches: [{ when: { choices: ["no"] }, goto: "end" }],
    },
    { kind: "csat", id: "d", question: "?", next: "thanks" },
    { kind: "thanks", id: "thanks", question: "Thanks!" },
    { kind: "nps", id: "x", question: "?", next: "end", branches: [{ when: { min: 9 }, goto: "y" }] },
    { kind: "open", id: "y", question: "?" },
    { kind: "open", id: "z", question: "?", next: "end" },
    { kind: "thumbs", id: "p", question: "?", next: "q" },
    { kind: "thumbs", id: "q", question: "?", next: "p" },
    { kind: "open", id: "last", question: "?" },
  ];

  it.each<[string, string[], { n: number; total: number }]>([
    ["the first question: the default route ahead, branch targets not followed", ["a"], { n: 1, total: 4 }],
    ["one along the default route", ["a", "b"], { n: 2, total: 4 }],
    ["a branch that skipped b and c: the total shrinks", ["a", "d"], { n: 2, total: 2 }],
    ["the last question before the thank-you, which does not count", ["a", "b", "c", "d"], { n: 4, total: 4 }],
    ["`next: end` ends the route: a total of 1", ["x"], { n: 1, total: 1 }],
    ["a branch that opens more questions: the total grows", ["x", "y"], { n: 2, total: 3 }],
    ["a route back to a question counted already stops there", ["p"], { n: 1, total: 2 }],
    ["… and to one taken already", ["p", "q"], { n: 2, total: 2 }],
    ["the last step of all ends the route", ["last"], { n: 1, total: 1 }],
    ["nothing shown yet", [], { n: 0, total: 0 }],
  ])("%s", (_, path, expected) => {
    expect(pathProgress(route, path), JSON.stringify(path)).toEqual(expected);
  });

  it("counts every question of a survey without branches, and no thank-you", () => {
    const plain: Step[] = [
      { kind: "nps", id: "a", question: "?" },
      { kind: "open", id: "b", question: "?" },
      { kind: "thumbs", id: "c", question: "?" },
      { kind: "thanks", id: "t", question: "Thanks!" },
    ];
    expect(["a", "b", "c"].map((_, i, ids) => pathProgress(plain, ids.slice(0, i + 1)))).toEqual([
      { n: 1, total: 3 },
      { n: 2, total: 3 },
      { n: 3, total: 3 },
    ]);
  });
});
