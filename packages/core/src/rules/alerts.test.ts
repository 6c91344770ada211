import { describe, expect, it } from "vitest";
import type { Alert, AlertCondition } from "../schema/alerts.js";
import type { Answer } from "../schema/wire.js";
import { alertReasons, firedAlerts, npsCategory } from "./alerts.js";

const webhook = { url: "https://hooks.example.com/sonde" };
const alert = (when: AlertCondition[], over: Partial<Alert> = {}): Alert => ({ id: "a", when, webhook, ...over });

const nps = (value: number): Answer => ({ kind: "nps", value });
const csat = (value: number): Answer => ({ kind: "csat", value, scale: 5 });
const ces = (value: number): Answer => ({ kind: "ces", value, scale: 7 });
const open = (value: string): Answer => ({ kind: "open", value });

// [what, alert, answers, attributes, reasons (null: does not fire)]
const cases: [string, Alert, Record<string, Answer>, Record<string, unknown> | undefined, string[] | null][] = [
  [
    "detractor at 6",
    alert([{ type: "nps", category: "detractor" }]),
    { score: nps(6) },
    undefined,
    ["score: NPS 6, a detractor"],
  ],
  ["not a detractor at 7", alert([{ type: "nps", category: "detractor" }]), { score: nps(7) }, undefined, null],
  [
    "passive in a list",
    alert([{ type: "nps", category: ["passive", "detractor"] }]),
    { score: nps(8) },
    undefined,
    ["score: NPS 8, a passive"],
  ],
  [
    "promoter at 9",
    alert([{ type: "nps", category: "promoter" }]),
    { score: nps(9) },
    undefined,
    ["score: NPS 9, a promoter"],
  ],
  [
    "NPS band 0–4 at 4",
    alert([{ type: "nps", min: 0, max: 4 }]),
    { score: nps(4) },
    undefined,
    ["score: NPS 4, a detractor"],
  ],
  ["NPS band 0–4 at 5", alert([{ type: "nps", max: 4 }]), { score: nps(5) }, undefined, null],
  [
    "band and category both",
    alert([{ type: "nps", category: "detractor", min: 5 }]),
    { score: nps(4) },
    undefined,
    null,
  ],
  ["CSAT ≤ 2 at 2", alert([{ type: "csat", max: 2 }]), { sat: csat(2) }, undefined, ["sat: CSAT 2 of 5"]],
  ["CSAT ≤ 2 at 3", alert([{ type: "csat", max: 2 }]), { sat: csat(3) }, undefined, null],
  ["CES ≥ 5 at 5", alert([{ type: "ces", min: 5 }]), { effort: ces(5) }, undefined, ["effort: CES 5 of 7"]],
  ["CES ≥ 5 at 4", alert([{ type: "ces", min: 5 }]), { effort: ces(4) }, undefined, null],
  ["CSAT condition on a CES answer", alert([{ type: "csat", max: 5 }]), { effort: ces(1) }, undefined, null],
  [
    "gap: experienced below expected",
    alert([{ type: "gap" }]),
    { gap: { kind: "gap", expected: 5, experienced: 4, scale: 5 } },
    undefined,
    ["gap: experienced 4, expected 5 (of 5)"],
  ],
  [
    "gap: met",
    alert([{ type: "gap" }]),
    { gap: { kind: "gap", expected: 4, experienced: 4, scale: 5 } },
    undefined,
    null,
  ],
  [
    "gap: by 2, short by 1",
    alert([{ type: "gap", by: 2 }]),
    { gap: { kind: "gap", expected: 5, experienced: 4, scale: 7 } },
    undefined,
    null,
  ],
  ["thumbs down", alert([{ type: "thumbs" }]), { t: { kind: "thumbs", value: "down" } }, undefined, ["t: thumbs down"]],
  ["thumbs up, wanted down", alert([{ type: "thumbs" }]), { t: { kind: "thumbs", value: "up" } }, undefined, null],
  [
    "thumbs up, wanted up",
    alert([{ type: "thumbs", value: "up" }]),
    { t: { kind: "thumbs", value: "up" } },
    undefined,
    ["t: thumbs up"],
  ],
  ["any comment", alert([{ type: "comment" }]), { why: open("Too slow") }, undefined, ["why: a comment"]],
  ["blank comment", alert([{ type: "comment" }]), { why: open(" \n\t") }, undefined, null],
  [
    "comment with a word, case and accents aside",
    alert([{ type: "comment", words: ["equipe", "refund"] }]),
    { why: open("Trop cher pour une petite ÉQUIPE") },
    undefined,
    ['why: a comment with "equipe"'],
  ],
  [
    "comment without the words",
    alert([{ type: "comment", words: ["refund"] }]),
    { why: open("Great") },
    undefined,
    null,
  ],
  [
    "comment in Chinese",
    alert([{ type: "comment", words: ["太贵"] }]),
    { why: open("价格太贵了") },
    undefined,
    ['why: a comment with "太贵"'],
  ],
  [
    "a named step only",
    alert([{ type: "nps", step: "second", max: 6 }]),
    { first: nps(2), second: nps(9) },
    undefined,
    null,
  ],
  ["a named step that was not answered", alert([{ type: "comment", step: "why" }]), { score: nps(2) }, undefined, null],
  [
    "a step named like a prototype key",
    alert([{ type: "comment", step: "constructor" }]),
    { score: nps(2) },
    undefined,
    null,
  ],
  [
    "all conditions (default): one fails",
    alert([{ type: "nps", category: "detractor" }, { type: "comment" }]),
    { score: nps(3) },
    undefined,
    null,
  ],
  [
    "all conditions hold",
    alert([{ type: "nps", category: "detractor" }, { type: "comment" }]),
    { score: nps(3), why: open("Too expensive") },
    undefined,
    ["score: NPS 3, a detractor", "why: a comment"],
  ],
  [
    "any condition: one holds",
    alert(
      [
        { type: "csat", max: 2 },
        { type: "comment", words: ["cancel"] },
      ],
      { match: "any" },
    ),
    { sat: csat(4), why: open("I will cancel") },
    undefined,
    ['why: a comment with "cancel"'],
  ],
  ["any condition: none holds", alert([{ type: "csat", max: 2 }], { match: "any" }), { sat: csat(4) }, undefined, null],
  [
    "attributes hold",
    alert([{ type: "nps", category: "detractor" }], { attributes: [{ key: "plan", op: "in", value: ["team"] }] }),
    { score: nps(0) },
    { plan: "team" },
    ["score: NPS 0, a detractor"],
  ],
  [
    "attributes fail",
    alert([{ type: "nps", category: "detractor" }], { attributes: [{ key: "plan", op: "eq", value: "team" }] }),
    { score: nps(0) },
    { plan: "free" },
    null,
  ],
  [
    "attributes missing",
    alert([{ type: "nps", category: "detractor" }], { attributes: [{ key: "plan", op: "exists" }] }),
    { score: nps(0) },
    undefined,
    null,
  ],
  [
    "any attribute",
    alert([{ type: "nps", category: "detractor" }], {
      attributes: [
        { key: "plan", op: "eq", value: "enterprise" },
        { key: "seats", op: "gte", value: 50 },
      ],
      attributesMatch: "any",
    }),
    { score: nps(0) },
    { plan: "team", seats: 80 },
    ["score: NPS 0, a detractor"],
  ],
];

describe("alertReasons", () => {
  it.each(cases)("%s", (_, a, answers, attributes, expected) => {
    expect(alertReasons(a, { answers, attributes })).toEqual(expected);
  });
});

describe("firedAlerts", () => {
  it("lists every alert that fires, in definition order, with its reasons", () => {
    const detractors = alert([{ type: "nps", category: "detractor" }], { id: "detractors" });
    const comments = alert([{ type: "comment" }], { id: "comments" });
    const promoters = alert([{ type: "nps", category: "promoter" }], { id: "promoters" });
    const fired = firedAlerts([detractors, promoters, comments], { answers: { score: nps(1), why: open("Slow") } });
    expect(fired.map((f) => [f.alert.id, f.reasons])).toEqual([
      ["detractors", ["score: NPS 1, a detractor"]],
      ["comments", ["why: a comment"]],
    ]);
    expect(firedAlerts(undefined, { answers: { score: nps(1) } })).toEqual([]);
  });

  it("NPS categories split at 6/7 and 8/9", () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual([
      "detractor",
      "detractor",
      "passive",
      "passive",
      "promoter",
      "promoter",
    ]);
  });
});
