import { describe, expect, it } from "vitest";
import { meanInterval, proportion, summarizeCounts, zCritical } from "./intervals.js";

describe("proportion (Agresti–Coull)", () => {
  it("Agresti & Coull (1998) adjusted Wald, worked in Tullis & Albert, Measuring the User Experience, p. 69: 4 of 5 → [0.3596, 0.9796]", () => {
    const r = proportion(4, 5);
    expect(r.share).toBe(0.8);
    // The book rounds z to 1.96; with z = 1.959964 the limits move in the 5th decimal.
    expect(r.interval!.lower).toBeCloseTo(0.3596, 3);
    expect(r.interval!.upper).toBeCloseTo(0.9796, 3);
  });

  it("Agresti & Coull (1998): at 95% it is close to 'add two successes and two failures'", () => {
    for (const [x, n] of [
      [0, 20],
      [7, 10],
      [30, 100],
    ] as const) {
      const r = proportion(x, n);
      const p = (x + 2) / (n + 4);
      const half = 1.96 * Math.sqrt((p * (1 - p)) / (n + 4));
      expect(r.interval!.upper, `${x} of ${n}`).toBeCloseTo(Math.min(1, p + half), 2);
    }
  });

  it.each([
    // [count, n, share, lower, upper]
    [0, 0, null, null, null],
    [0, 10, 0, 0, "< 0.35"],
    [10, 10, 1, "> 0.65", 1],
    [1, 1, 1, "> 0", 1],
  ])("edge case: %d of %d → share %s, interval [%s, %s]", (count, n, share, lower, upper) => {
    const r = proportion(count, n);
    expect(r.share).toBe(share);
    if (lower === null) return expect(r.interval).toBeNull();
    const check = (got: number, want: number | string) => {
      if (typeof want === "number") expect(got).toBe(want);
      else if (want.startsWith("<")) expect(got).toBeLessThan(Number(want.slice(2)));
      else expect(got).toBeGreaterThan(Number(want.slice(2)));
    };
    check(r.interval!.lower, lower);
    check(r.interval!.upper, upper as number | string);
  });

  it.each([
    [6, 5, /count must not exceed n \(got count 6 of n 5\)/],
    [-1, 5, /count must be a whole number ≥ 0 \(got -1\)/],
    [1, 2.5, /n must be a whole number ≥ 0 \(got 2.5\)/],
  ])("%d of %d is refused, naming the value", (count, n, message) => {
    expect(() => proportion(count, n)).toThrow(message);
  });
});

describe("meanInterval (t-interval)", () => {
  it("NIST/SEMATECH e-Handbook §1.3.5.2 (ZARR13.DAT): n 195, mean 9.261460, sd 0.02278881 → 95% [9.258242, 9.264679]", () => {
    const r = meanInterval({ n: 195, mean: 9.26146, sd: 0.02278881 });
    expect(r.interval!.lower).toBeCloseTo(9.258242, 5); // inputs are published to 6–7 digits
    expect(r.interval!.upper).toBeCloseTo(9.264679, 5);
    expect(r.se).toBeCloseTo(0.02278881 / Math.sqrt(195), 12);
  });

  it.each([
    [
      { n: 0, mean: 0, sd: 0 },
      { mean: null, sd: null, se: null, interval: null },
    ],
    [
      { n: 1, mean: 4, sd: 0 },
      { mean: 4, sd: null, se: null, interval: null },
    ],
    [
      { n: 5, mean: 3, sd: 0 },
      { mean: 3, sd: 0, se: 0, interval: { lower: 3, upper: 3 } },
    ],
  ])("edge case %o", (summary, want) => {
    expect(meanInterval(summary)).toEqual({ n: summary.n, ...want });
  });

  it("n = 2 uses t with 1 df (12.706), not the normal 1.96", () => {
    const r = meanInterval({ n: 2, mean: 0, sd: Math.SQRT2 });
    expect(r.interval!.upper).toBeCloseTo(12.706204736174694, 9);
  });

  it.each([
    [{ n: -1, mean: 0, sd: 1 }, /summary.n must be a whole number ≥ 0 \(got -1\)/],
    [{ n: 3, mean: Number.NaN, sd: 1 }, /summary.mean must be a finite number \(got NaN\)/],
    [{ n: 3, mean: 1, sd: -1 }, /summary.sd must be a finite number ≥ 0 \(got -1\)/],
  ])("bad summary %o is refused, naming the field", (summary, message) => {
    expect(() => meanInterval(summary)).toThrow(message);
  });
});

describe("summarizeCounts", () => {
  it("equals the two-pass mean and sample SD of the expanded values", () => {
    const counts = [3, 0, 5, 1, 9];
    const values = counts.flatMap((c, i) => new Array<number>(c).fill(i + 1));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
    const s = summarizeCounts(counts, (i) => i + 1);
    expect(s.n).toBe(values.length);
    expect(s.mean).toBeCloseTo(mean, 12);
    expect(s.sd).toBeCloseTo(sd, 12);
  });

  it("keeps precision with a million identical answers (no catastrophic cancellation)", () => {
    const s = summarizeCounts([0, 0, 0, 0, 1_000_000], (i) => i + 1);
    expect(s.mean).toBe(5);
    expect(s.sd).toBe(0);
  });
});

describe("zCritical", () => {
  it.each([
    [0.9, 1.6448536269514722],
    [0.95, 1.959963984540054],
    [0.99, 2.5758293035489004],
  ])("confidence %d → z %d", (c, z) => {
    expect(zCritical(c)).toBeCloseTo(z, 12);
  });
});
