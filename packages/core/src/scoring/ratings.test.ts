// CSAT, CES and gap scoring, worked by hand on small distributions.
import { describe, expect, it } from "vitest";
import { cesFromCounts } from "./ces.js";
import { csatFromCounts } from "./csat.js";
import { gapBand, gapFromCounts } from "./gap.js";
import { meanInterval, proportion } from "./intervals.js";

describe("csatFromCounts", () => {
  it("distribution 2/3/5/20/20 → top-box 40%, top-2-box 80%, mean 4.06", () => {
    const r = csatFromCounts([2, 3, 5, 20, 20]);
    expect(r.n).toBe(50);
    expect(r.topBox).toEqual(proportion(20, 50));
    expect(r.top2Box).toEqual(proportion(40, 50));
    expect(r.mean.mean).toBeCloseTo(203 / 50, 12);
    expect(r.mean.interval!.lower).toBeLessThan(4.06);
    expect(r.distribution).toEqual([2, 3, 5, 20, 20]);
    expect(r.small).toBe(false);
  });

  it("top-box tells apart what top-2-box hides: same 80% top-2-box, 10% vs 70% very satisfied", () => {
    const lukewarm = csatFromCounts([1, 1, 0, 7, 1]);
    const delighted = csatFromCounts([1, 1, 0, 1, 7]);
    expect(lukewarm.top2Box.share).toBe(delighted.top2Box.share);
    expect(lukewarm.topBox.share).toBe(0.1);
    expect(delighted.topBox.share).toBe(0.7);
  });

  it("n = 0: shares, mean and intervals are null, not NaN", () => {
    const r = csatFromCounts([0, 0, 0, 0, 0]);
    expect(r.topBox.share).toBeNull();
    expect(r.top2Box.interval).toBeNull();
    expect(r.mean).toEqual({ n: 0, mean: null, sd: null, se: null, interval: null });
    expect(r.small).toBe(true);
  });

  it.each([
    [[1, 2, 3, 4], /CSAT counts must hold 5 counts, one per point of the 5-point scale \(got 4 counts\)/],
    [[1, 2, 3, 4, 5, 6, 7], /\(got 7 counts\)/],
    [[1, 2, -3, 4, 5], /CSAT counts\[2\] \(answers of 3\) must be a whole number ≥ 0 \(got -3\)/],
    [[1, 2, 3, 4, 0.5], /\(got 0.5\)/],
  ])("bad distribution %o is refused, naming the problem", (counts, message) => {
    expect(() => csatFromCounts(counts)).toThrow(message);
  });
});

describe("cesFromCounts", () => {
  it("distribution 1/1/2/6/10/20/10 → 80% agree (5–7), mean 5.46", () => {
    const counts = [1, 1, 2, 6, 10, 20, 10];
    const r = cesFromCounts(counts);
    expect(r.n).toBe(50);
    expect(r.agree).toEqual(proportion(40, 50));
    const sum = counts.reduce((a, c, i) => a + c * (i + 1), 0);
    expect(r.mean.mean).toBeCloseTo(sum / 50, 12);
    expect(sum / 50).toBeCloseTo(5.46, 12);
  });

  it("refuses a 5-point CES distribution: the scale is kept with the data", () => {
    expect(() => cesFromCounts([1, 2, 3, 4, 5])).toThrow(
      /CES counts must hold 7 counts, one per point of the 7-point scale \(got 5 counts\)/,
    );
  });
});

describe("gapBand (rule of thumb)", () => {
  it.each([
    [4, 5, "delighted"],
    [1, 7, "delighted"],
    [3, 3, "met"],
    [5, 4, "tolerated"], // exactly 0.8
    [7, 6, "tolerated"], // 0.857
    [6, 4, "dissatisfied"], // 0.667
    [5, 3, "dissatisfied"], // 0.6
    [2, 1, "dissatisfied"], // 0.5
  ])("expected %d, experienced %d → %s", (expected, experienced, band) => {
    expect(gapBand(expected, experienced)).toBe(band);
  });
});

describe("gapFromCounts", () => {
  it("four answers (5→4, 4→5, 3→3, 5→3) on 5 points: mean difference −0.5, one answer per band, mean ratio 0.9125", () => {
    const counts = new Array<number>(25).fill(0);
    for (const [e, x] of [
      [5, 4],
      [4, 5],
      [3, 3],
      [5, 3],
    ] as const)
      counts[(e - 1) * 5 + (x - 1)]!++;
    const r = gapFromCounts(counts, 5);
    expect(r.n).toBe(4);
    // Differences −1, +1, 0, −2: mean −0.5, sd √(5/3).
    expect(r.difference).toEqual(meanInterval({ n: 4, mean: -0.5, sd: Math.sqrt(5 / 3) }));
    expect(r.expected.mean).toBe(4.25);
    expect(r.experienced.mean).toBe(3.75);
    expect(r.ratio).toBeCloseTo((0.8 + 1.25 + 1 + 0.6) / 4, 12);
    for (const band of ["delighted", "met", "tolerated", "dissatisfied"] as const)
      expect(r.bands[band].share, band).toBe(0.25);
    expect(r.small).toBe(true);
  });

  it("n = 0: ratio and means are null", () => {
    const r = gapFromCounts(new Array<number>(49).fill(0), 7);
    expect(r.ratio).toBeNull();
    expect(r.difference.mean).toBeNull();
    expect(r.bands.met.share).toBeNull();
  });

  it("names the matrix cell of a bad count", () => {
    const counts = new Array<number>(25).fill(0);
    counts[7] = -1;
    expect(() => gapFromCounts(counts, 5)).toThrow(
      /\[7\] \(expected 2, experienced 3\) must be a whole number ≥ 0 \(got -1\)/,
    );
  });

  it.each([
    [25, 6, /gap scale must be 5 or 7 — an unknown scale cannot be scored \(got 6\)/],
    [25, 7, /gap counts \(7×7 matrix\) must hold 49 counts, one per \(expected, experienced\) pair \(got 25 counts\)/],
  ])("refuses a matrix of %d counts on scale %d", (length, scale, message) => {
    expect(() => gapFromCounts(new Array<number>(length).fill(0), scale as 5 | 7)).toThrow(message);
  });
});
