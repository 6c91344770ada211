import { describe, expect, it } from "vitest";
import { compareMeans, compareNps, compareProportions, compareTallies } from "./compare.js";
import { summarizeCounts } from "./intervals.js";
import { emptyTally, tallyAnswers } from "./tally.js";

function summary(values: number[]) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  return { n, mean, sd };
}

describe("compareMeans (Welch)", () => {
  it("Student (1908) sleep data (Cushny & Peebles), as in R's t.test: pooled test t = −1.8608, df = 18, p = 0.07919; Welch's 95% CI [−3.3654832, 0.2054832]", () => {
    const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const r = compareMeans(summary(drug1), summary(drug2), { minN: 2 });
    expect(r.difference).toBeCloseTo(0.75 - 2.33, 12);
    expect(r.statistic).toBeCloseTo(-1.8608, 4);
    expect(r.df).toBe(18);
    expect(r.pValue).toBeCloseTo(0.079187, 5);
    expect(r.interval!.lower).toBeCloseTo(-3.3654832, 7);
    expect(r.interval!.upper).toBeCloseTo(0.2054832, 7);
    expect(r.small).toBe(true);
  });

  it("swapping the groups flips the difference and keeps the p-value", () => {
    const a = { n: 40, mean: 4.1, sd: 0.9 };
    const b = { n: 25, mean: 3.7, sd: 1.4 };
    const ab = compareMeans(a, b, { minN: 2 });
    const ba = compareMeans(b, a, { minN: 2 });
    expect(ba.difference).toBeCloseTo(-ab.difference, 12);
    expect(ba.pValue).toBeCloseTo(ab.pValue!, 12);
    expect(ba.df).toBeCloseTo(ab.df!, 12);
  });

  it.each([
    [{ n: 1, mean: 3, sd: 0 }, { n: 5, mean: 3, sd: 1 }, /at least 2 answers in each group \(got n = 1 and n = 5\)/],
    [{ n: 5, mean: 3, sd: -1 }, { n: 5, mean: 3, sd: 1 }, /first sample.sd must be a finite number ≥ 0 \(got -1\)/],
  ])("refuses %o vs %o, naming the problem", (a, b, message) => {
    expect(() => compareMeans(a, b)).toThrow(message);
  });

  it("no spread in either group: the test is undefined, so p and interval are null, not NaN", () => {
    const r = compareMeans({ n: 5, mean: 4, sd: 0 }, { n: 5, mean: 3, sd: 0 });
    expect(r).toMatchObject({ difference: 1, se: 0, pValue: null, statistic: null, interval: null });
  });
});

describe("compareProportions", () => {
  it("Agresti (2002), Categorical Data Analysis §2.2, Physicians' Health Study: 189/11034 vs 104/11037 → difference 0.0077, 95% CI (0.005, 0.011), X² = 25.01", () => {
    const r = compareProportions({ count: 189, n: 11034 }, { count: 104, n: 11037 });
    expect(r.difference).toBeCloseTo(0.0077, 4);
    expect(r.se).toBeCloseTo(0.0015, 4);
    expect(r.interval!.lower).toBeCloseTo(0.005, 3);
    expect(r.interval!.upper).toBeCloseTo(0.011, 3);
    expect(r.statistic! ** 2).toBeCloseTo(25.01, 2);
    expect(r.pValue).toBeLessThan(0.0001);
    expect(r.small).toBe(false);
  });

  it("Agresti & Caffo (2000): with 0 of 10 vs 0 of 10 the interval still has width; the test is undefined", () => {
    const r = compareProportions({ count: 0, n: 10 }, { count: 0, n: 10 });
    expect(r.difference).toBe(0);
    expect(r.interval!.lower).toBeLessThan(0);
    expect(r.interval!.upper).toBeGreaterThan(0);
    expect(r.pValue).toBeNull();
  });

  it.each([
    [{ count: 0, n: 0 }, { count: 1, n: 2 }, /first proportion needs at least one answer to compare \(got n = 0\)/],
    [{ count: 3, n: 2 }, { count: 1, n: 2 }, /first proportion.count must not exceed n \(got 3 of 2\)/],
    [{ count: 1, n: 2 }, { count: -1, n: 2 }, /second proportion.count must be a whole number ≥ 0 \(got -1\)/],
  ])("refuses %o vs %o, naming the value", (a, b, message) => {
    expect(() => compareProportions(a, b)).toThrow(message);
  });
});

describe("compareNps", () => {
  it("adjusted-Wald by hand (Rocks 2016: ¾ promoter and ¾ detractor more, n + 3 per group): 50/30/20 vs 40/30/30 → observed +20, centre +19.42, SE 11.21, t = 1.732 on 203.3 df, p = 0.0847 (scipy)", () => {
    const r = compareNps(
      { promoters: 50, passives: 30, detractors: 20 },
      { promoters: 40, passives: 30, detractors: 30 },
    );
    // p′ = 50.75/103, d′ = 20.75/103 and p′ = 40.75/103, d′ = 30.75/103; σ′² = p′ + d′ − (p′ − d′)².
    const adj = (p: number, d: number) => [(p + 0.75) / 103, (d + 0.75) / 103] as const;
    const [[pa, da], [pb, db]] = [adj(50, 20), adj(40, 30)];
    const se = 100 * Math.sqrt((pa + da - (pa - da) ** 2) / 103 + (pb + db - (pb - db) ** 2) / 103);
    const centre = 100 * (pa - da - (pb - db));
    expect(r.difference).toBeCloseTo(20, 10);
    expect(r.se).toBeCloseTo(se, 10);
    expect(r.se).toBeCloseTo(11.2089, 4);
    expect(r.statistic).toBeCloseTo(centre / se, 10);
    expect(r.df).toBeCloseTo(203.3097, 3);
    expect(r.pValue).toBeCloseTo(0.084732, 5);
    expect(r.interval!.lower).toBeCloseTo(-2.68315, 4);
    expect(r.interval!.upper).toBeCloseTo(41.5181, 4);
    expect(r).toMatchObject({ tooFew: false, minN: 30, adjustment: "none", significant: false });
    expect(r.pAdjusted).toBe(r.pValue);
  });

  it("at large n the adjustment vanishes: Agresti's aspirin data without passives give z ≈ 5.00, the unpooled two-proportion z", () => {
    const r = compareNps(
      { promoters: 189, passives: 0, detractors: 10845 },
      { promoters: 104, passives: 0, detractors: 10933 },
    );
    const p = compareProportions({ count: 189, n: 11034 }, { count: 104, n: 11037 });
    expect(r.difference).toBeCloseTo(200 * p.difference, 10);
    expect(r.se).toBeCloseTo(200 * p.se, 2);
    expect(r.statistic).toBeCloseTo(4.985, 3);
    expect(r.significant).toBe(true);
  });

  it("identical groups: difference 0, p = 1", () => {
    const g = { promoters: 32, passives: 9, detractors: 4 };
    const r = compareNps(g, g);
    expect(r.difference).toBe(0);
    expect(r.pValue).toBeCloseTo(1, 12);
    expect(r.significant).toBe(false);
  });

  it("one answer of 10 is never infinitely precise: SE > 0 even when every answer is a promoter", () => {
    const one = { promoters: 1, passives: 0, detractors: 0 };
    const rest = { promoters: 10, passives: 10, detractors: 10 };
    // Even with the minimum lowered to 1, +100 from one answer is far from significant.
    const r = compareNps(one, rest, { minN: 1 });
    expect(r.difference).toBe(100);
    expect(r.se).toBeCloseTo(40.046, 3);
    expect(r.df).toBeCloseTo(3.894, 3);
    expect(r.pValue).toBeCloseTo(0.56715, 4);
    expect(r.significant).toBe(false);
    const all = compareNps(
      { promoters: 40, passives: 0, detractors: 0 },
      { promoters: 0, passives: 0, detractors: 40 },
    );
    expect(all.se).toBeGreaterThan(0);
    expect(all.pValue).toBeLessThan(1e-6);
  });

  it("below the minimum n per group no test is reported: too few answers to compare", () => {
    const one = { promoters: 1, passives: 0, detractors: 0 };
    const many = { promoters: 10, passives: 100, detractors: 300 };
    const r = compareNps(one, many);
    expect(r).toMatchObject({ difference: 100 + (290 / 410) * 100, tooFew: true, minN: 30, significant: false });
    expect(r.pValue).toBeNull();
    expect(r.pAdjusted).toBeNull();
    expect(r.statistic).toBeNull();
    expect(r.interval).not.toBeNull();
    // 29 vs 30 is still too few; 30 vs 30 is tested.
    const g = (n: number) => ({ promoters: n, passives: 0, detractors: 0 });
    const h = (n: number) => ({ promoters: 0, passives: 0, detractors: n });
    expect(compareNps(g(29), h(30)).tooFew).toBe(true);
    expect(compareNps(g(30), h(30))).toMatchObject({ tooFew: false, significant: true });
    expect(compareNps(g(5), h(5), { minN: 5 })).toMatchObject({ tooFew: false, significant: true });
  });

  it.each([0, 2.5, -1])("refuses minN %s, naming it", (minN) => {
    const g = { promoters: 40, passives: 0, detractors: 0 };
    expect(() => compareNps(g, g, { minN })).toThrow(`minN must be a whole number ≥ 1, e.g. 30 (got ${minN})`);
  });

  it("refuses an empty group, naming both sizes", () => {
    expect(() =>
      compareNps({ promoters: 0, passives: 0, detractors: 0 }, { promoters: 1, passives: 0, detractors: 0 }),
    ).toThrow(/needs answers in both groups \(got n = 0 and n = 1\)/);
  });
});

describe("minimum n for proportions and means", () => {
  it("gates proportions and means the same way: every field a test sets is null below minN", () => {
    const p = compareProportions({ count: 20, n: 20 }, { count: 0, n: 400 });
    expect(p).toMatchObject({ tooFew: true, pValue: null, statistic: null, significant: false });
    expect(compareProportions({ count: 20, n: 20 }, { count: 0, n: 400 }, { minN: 20 }).significant).toBe(true);
    const m = compareMeans({ n: 12, mean: 4.8, sd: 0.3 }, { n: 300, mean: 2.1, sd: 0.9 });
    expect(m).toMatchObject({ tooFew: true, pValue: null, statistic: null, significant: false });
    expect(compareMeans({ n: 12, mean: 4.8, sd: 0.3 }, { n: 300, mean: 2.1, sd: 0.9 }, { minN: 12 }).significant).toBe(
      true,
    );
  });
});

describe("compareTallies", () => {
  const csat = (values: number[]) => tallyAnswers(values.map((value) => ({ kind: "csat", value, scale: 5 }) as const));

  it("CSAT: compares top-box, top-2-box and mean with the tests above", () => {
    const a = csat([5, 5, 5, 4, 4, 3, 2, 5, 5, 4]);
    const b = csat([4, 4, 4, 4, 3, 3, 2, 1, 5, 4]);
    const r = compareTallies(a, b, { minN: 10 });
    if (r.kind !== "csat") throw new Error("expected a CSAT comparison");
    expect(r.topBox).toEqual(compareProportions({ count: 5, n: 10 }, { count: 1, n: 10 }, { minN: 10 }));
    expect(r.top2Box).toEqual(compareProportions({ count: 8, n: 10 }, { count: 6, n: 10 }, { minN: 10 }));
    const s = (t: typeof a) => summarizeCounts(t.counts, (i) => i + 1);
    expect(r.mean).toEqual(compareMeans(s(a), s(b), { minN: 10 }));
    expect(r.topBox!.pValue).not.toBeNull();
  });

  it("a metric without enough answers is null, the others still compare", () => {
    const r = compareTallies(csat([5]), csat([4, 3]));
    expect(r).toMatchObject({ kind: "csat", mean: null });
    if (r.kind === "csat") expect(r.topBox?.difference).toBe(1);
  });

  it("refuses to compare different scales", () => {
    expect(() => compareTallies(emptyTally("gap", 5), emptyTally("gap", 7))).toThrow(TypeError);
    expect(() => compareTallies(emptyTally("nps"), emptyTally("ces", 7))).toThrow(/never mixed/);
  });
});
