import { describe, expect, it } from "vitest";
import { countNps, npsFromCounts } from "./nps.js";

describe("npsFromCounts", () => {
  it("issue #4 worked check: 50 promoters, 30 passives, 20 detractors → 30, SE ≈ 7.8, adjusted-Wald 95% ≈ [14.1, 44.2]", () => {
    const r = npsFromCounts({ promoters: 50, passives: 30, detractors: 20 });
    expect(r.n).toBe(100);
    expect(r.score).toBe(30);
    expect(r.se).toBeCloseTo(7.81, 2); // 100·√(0.61/100)
    expect(r.interval!.lower).toBeCloseTo(14.1, 1);
    expect(r.interval!.upper).toBeCloseTo(44.2, 1);
    expect(r.shares).toEqual({ promoters: 0.5, passives: 0.3, detractors: 0.2 });
    expect(r.small).toBe(false);
  });

  it("Rocks (2016) adjusted-Wald: the interval is centred on the adjusted score, not the raw one", () => {
    // 10 promoters of 10: raw score 100, SE 0 — a Wald interval would claim certainty.
    const r = npsFromCounts({ promoters: 10, passives: 0, detractors: 0 });
    expect(r.score).toBe(100);
    expect(r.se).toBe(0);
    // Adjusted by hand: p = 10.75/13, d = 0.75/13, σ² = p + d − (p − d)² = 0.2929, SE = √(σ²/13) = 0.1501;
    // 76.9 ± 1.96·15.01 = [47.5, 106.3], clamped to 100.
    expect(r.interval!.lower).toBeCloseTo(47.5, 1);
    expect(r.interval!.upper).toBe(100); // clamped
  });

  it("a wider confidence gives a wider interval around the same score", () => {
    const counts = { promoters: 40, passives: 35, detractors: 25 };
    const i90 = npsFromCounts(counts, { confidence: 0.9 }).interval!;
    const i99 = npsFromCounts(counts, { confidence: 0.99 }).interval!;
    expect(i99.lower).toBeLessThan(i90.lower);
    expect(i99.upper).toBeGreaterThan(i90.upper);
  });

  it.each([
    // [promoters, passives, detractors, score, se]
    [0, 0, 0, null, null],
    [1, 0, 0, 100, 0],
    [0, 0, 1, -100, 0],
    [0, 5, 0, 0, 0],
    [5, 0, 5, 0, 100 / Math.sqrt(10)],
    [3, 4, 3, 0, 100 * Math.sqrt(0.6 / 10)],
    [29, 0, 0, 100, 0],
  ])("edge case: %d promoters, %d passives, %d detractors → score %s, SE %s", (p, pa, d, score, se) => {
    const r = npsFromCounts({ promoters: p, passives: pa, detractors: d });
    expect(r.score).toBe(score);
    if (se === null) expect(r.se).toBeNull();
    else expect(r.se).toBeCloseTo(se, 10);
    expect(r.small).toBe(r.n < 30);
    if (r.n === 0) {
      expect(r.interval).toBeNull();
      expect(r.shares).toBeNull();
    } else {
      expect(r.interval!.lower).toBeGreaterThanOrEqual(-100);
      expect(r.interval!.upper).toBeLessThanOrEqual(100);
      expect(r.interval!.lower).toBeLessThan(r.interval!.upper);
    }
  });

  it.each([
    [{ promoters: -1, passives: 0, detractors: 0 }, /promoters must be a whole number ≥ 0 \(got -1\)/],
    [{ promoters: 1.5, passives: 0, detractors: 0 }, /promoters must be a whole number ≥ 0 \(got 1.5\)/],
    [{ promoters: 1, passives: Number.NaN, detractors: 0 }, /passives must be a whole number ≥ 0 \(got NaN\)/],
    [{ promoters: 1, passives: 0, detractors: Number.POSITIVE_INFINITY }, /detractors .* \(got Infinity\)/],
  ])("bad counts %o are refused, naming the count", (counts, message) => {
    expect(() => npsFromCounts(counts)).toThrow(RangeError);
    expect(() => npsFromCounts(counts)).toThrow(message);
  });

  it.each([0, 1, 95, -0.1, Number.NaN])("confidence %d is refused, naming it", (confidence) => {
    expect(() => npsFromCounts({ promoters: 1, passives: 0, detractors: 0 }, { confidence })).toThrow(
      new RegExp(`confidence must be between 0 and 1, e.g. 0.95 \\(got ${confidence}\\)`),
    );
  });
});

describe("countNps", () => {
  it("puts 9–10 in promoters, 7–8 in passives and 0–6 in detractors", () => {
    expect(countNps([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ promoters: 2, passives: 2, detractors: 7 });
    expect(countNps([])).toEqual({ promoters: 0, passives: 0, detractors: 0 });
  });

  it.each([
    [[10, 11], RangeError, /NPS score \[1\] must be a whole number from 0 to 10 \(got 11\)/],
    [[-1], RangeError, /\[0\] .* \(got -1\)/],
    [[7.5], RangeError, /\(got 7.5\)/],
    [[Number.NaN], RangeError, /\(got NaN\)/],
    [["9" as unknown as number], TypeError, /NPS score \[0\] must be a number from 0 to 10 \(got 9\)/],
  ])("bad score in %o is refused with the offending value", (scores, Type, message) => {
    expect(() => countNps(scores)).toThrow(Type);
    expect(() => countNps(scores)).toThrow(message);
  });
});
