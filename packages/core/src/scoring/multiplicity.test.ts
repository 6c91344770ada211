import { describe, expect, it } from "vitest";
import { holmAdjust } from "./multiplicity.js";

describe("holmAdjust", () => {
  it.each([
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") → 0.03 0.06 0.06 0.02
    [
      [0.01, 0.04, 0.03, 0.005],
      [0.03, 0.06, 0.06, 0.02],
    ],
    // Ties and the cap at 1: p.adjust(c(0.5, 0.5, 0.01), "holm") → 1 1 0.03
    [
      [0.5, 0.5, 0.01],
      [1, 1, 0.03],
    ],
    // A single test is left as it is.
    [[0.049], [0.049]],
    // Tests not run stay null and do not count: m = 2 here.
    [
      [null, 0.02, null, 0.03],
      [null, 0.04, null, 0.04],
    ],
    [[], []],
  ])("adjusts %j to %j (as R's p.adjust)", (input, expected) => {
    const got = holmAdjust(input);
    expect(got.length).toBe(expected.length);
    got.forEach((p, i) => {
      if (expected[i] === null) expect(p, `[${i}] of ${JSON.stringify(input)}`).toBeNull();
      else expect(p!, `[${i}] of ${JSON.stringify(input)}`).toBeCloseTo(expected[i]!, 12);
    });
  });

  it("refuses a p-value outside [0, 1], naming where", () => {
    expect(() => holmAdjust([0.2, 1.5])).toThrow("p-values must lie in [0, 1] (got 1.5 at [1])");
    expect(() => holmAdjust([Number.NaN])).toThrow("(got NaN at [0])");
  });
});
