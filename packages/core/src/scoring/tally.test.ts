import { describe, expect, it } from "vitest";
import type { Answer } from "../schema/wire.js";
import { emptyTally, mergeTallies, scoreTally, tallyAnswers } from "./tally.js";

const a = (x: unknown) => x as Answer;

describe("tallyAnswers", () => {
  it("counts each kind into its own layout", () => {
    expect(tallyAnswers([a({ kind: "nps", value: 10 }), a({ kind: "nps", value: 0 })]).counts).toEqual([
      1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
    ]);
    expect(tallyAnswers([a({ kind: "csat", value: 4, scale: 5 })])).toEqual({
      kind: "csat",
      scale: 5,
      counts: [0, 0, 0, 1, 0],
    });
    const gap = tallyAnswers([a({ kind: "gap", expected: 2, experienced: 5, scale: 5 })]);
    expect(gap.counts[(2 - 1) * 5 + (5 - 1)]).toBe(1);
  });

  it.each([
    [[{ kind: "nps", value: 11 }], RangeError, /answers\[0\].value must be a whole number from 0 to 10 \(got 11\)/],
    [[{ kind: "nps", value: 8.5 }], RangeError, /\(got 8.5\)/],
    [[{ kind: "nps", value: "9" }], TypeError, /answers\[0\].value must be a number from 0 to 10 \(got 9\)/],
    [
      [{ kind: "csat", value: 0, scale: 5 }],
      RangeError,
      /answers\[0\].value must be a whole number from 1 to 5 \(got 0\)/,
    ],
    [[{ kind: "csat", value: 3, scale: 7 }], RangeError, /answers\[0\]: unknown CSAT scale 7/],
    [[{ kind: "csat", value: 3 }], RangeError, /unknown CSAT scale undefined/],
    [[{ kind: "ces", value: 3, scale: 5 }], RangeError, /unknown CES scale 5: .*1–5 effort scale runs the other way/],
    [[{ kind: "ces", value: 8, scale: 7 }], RangeError, /from 1 to 7 \(got 8\)/],
    [
      [{ kind: "gap", expected: 6, experienced: 3, scale: 5 }],
      RangeError,
      /answers\[0\].expected must be a whole number from 1 to 5 \(got 6\)/,
    ],
    [[{ kind: "gap", expected: 3, experienced: 3, scale: 6 }], RangeError, /gap scale must be 5 or 7 .* \(got 6\)/],
    [
      [
        { kind: "gap", expected: 3, experienced: 3, scale: 5 },
        { kind: "gap", expected: 3, experienced: 3, scale: 7 },
      ],
      TypeError,
      /answers\[1\] is a 7-point GAP answer, but this aggregate holds 5-point GAP answers/,
    ],
    [
      [
        { kind: "nps", value: 3 },
        { kind: "csat", value: 3, scale: 5 },
      ],
      TypeError,
      /answers\[1\] is a 5-point CSAT answer, but this aggregate holds 0–10 NPS answers/,
    ],
    [[{ kind: "open", value: "hi" }], TypeError, /answers\[0\] is a open answer, which has no score/],
    [[{ kind: "stars", value: 3 }], TypeError, /answers\[0\].kind must be one of .* \(got "stars"\)/],
    [[], RangeError, /needs at least one answer/],
  ])("refuses %j with a %s naming the offending value", (answers, Type, message) => {
    expect(() => tallyAnswers(answers.map(a))).toThrow(Type);
    expect(() => tallyAnswers(answers.map(a))).toThrow(message);
  });
});

describe("mergeTallies", () => {
  it("adds counts: the merge of two samples scores like the pooled sample", () => {
    const x = tallyAnswers([9, 10, 3, 7].map((value) => a({ kind: "nps", value })));
    const y = tallyAnswers([10, 0, 8].map((value) => a({ kind: "nps", value })));
    const both = tallyAnswers([9, 10, 3, 7, 10, 0, 8].map((value) => a({ kind: "nps", value })));
    expect(mergeTallies(x, y)).toEqual(both);
    expect(scoreTally(mergeTallies(x, y))).toEqual(scoreTally(both));
  });

  it.each([
    [emptyTally("gap", 5), emptyTally("gap", 7), /cannot merge 5-point GAP counts with 7-point GAP counts/],
    [emptyTally("nps"), emptyTally("csat", 5), /cannot merge 0–10 NPS counts with 5-point CSAT counts/],
    [
      { kind: "csat", scale: 5, counts: [1, 2, 3] } as never,
      emptyTally("csat", 5),
      /first tally.counts must hold 5 counts/,
    ],
    [
      emptyTally("ces", 7),
      { kind: "ces", scale: 7, counts: [0, 0, 0, -2, 0, 0, 0] } as never,
      /second tally.counts\[3\] \(answers of 4\) must be a whole number ≥ 0 \(got -2\)/,
    ],
    [{ kind: "ces", scale: 5, counts: [0, 0, 0, 0, 0] } as never, emptyTally("ces", 7), /unknown CES scale 5/],
  ])("refuses to merge %j with %j", (x, y, message) => {
    expect(() => mergeTallies(x, y)).toThrow(message);
  });
});

describe("scoreTally", () => {
  it("NPS from a tally keeps the 0–10 distribution beside the score", () => {
    const t = tallyAnswers([0, 6, 7, 8, 9, 10, 10].map((value) => a({ kind: "nps", value })));
    const r = scoreTally(t);
    expect(r).toMatchObject({ kind: "nps", promoters: 3, passives: 2, detractors: 2, n: 7 });
    if (r.kind === "nps") expect(r.distribution).toEqual([1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2]);
  });
});
