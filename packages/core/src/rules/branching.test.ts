import { describe, expect, it } from "vitest";
import type { Step } from "../schema/steps.js";
import type { Answer } from "../schema/wire.js";
import { nextStep } from "./branching.js";

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
