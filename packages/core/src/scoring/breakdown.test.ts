import { describe, expect, it } from "vitest";
import type { TallyRow } from "./aggregate.js";
import { breakdown } from "./breakdown.js";
import { compareTallies } from "./compare.js";
import { holmAdjust } from "./multiplicity.js";
import type { Tally } from "./tally.js";

/** An NPS tally with `counts[s]` answers of s. */
const nps = (counts: Record<number, number>): Tally => ({
  kind: "nps",
  counts: Array.from({ length: 11 }, (_, s) => counts[s] ?? 0),
});
const row = (segment: string | null, tally: Tally): TallyRow => ({
  surveyId: "s",
  stepId: "q",
  period: null,
  segment,
  tally,
});
const npsOf = (c: unknown) => (c as { kind: "nps"; nps: import("./compare.js").Comparison }).nps;

describe("breakdown's segment-vs-rest tests", () => {
  it("the 7-day case: a language with one +100 answer is not marked significant, it is too few to compare", () => {
    const rows = [
      row("ja-JP", nps({ 10: 1 })),
      row("zh-CN", nps({ 8: 2 })),
      row("en-US", nps({ 10: 5, 9: 2, 8: 4, 7: 2, 5: 1, 3: 1 })),
      row("da-DK", nps({ 10: 4, 9: 1, 7: 2 })),
    ];
    const [b] = breakdown(rows);
    for (const s of b!.segments) {
      const c = npsOf(s.versusRest);
      expect(c, String(s.segment)).toMatchObject({ tooFew: true, significant: false, pValue: null, pAdjusted: null });
    }
  });

  it("corrects the tests of one question for their number (Holm) and returns raw and adjusted p", () => {
    // Five segments of 60: two clearly better, the others alike.
    const good = nps({ 10: 40, 9: 10, 8: 5, 3: 5 });
    const usual = nps({ 10: 15, 9: 5, 8: 15, 7: 10, 5: 10, 2: 5 });
    const rows = [row("a", good), row("b", good), row("c", usual), row("d", usual), row("e", usual)];
    const [b] = breakdown(rows);
    expect(b!.adjustment).toBe("holm");
    const raw = b!.segments.map((s) => npsOf(s.versusRest).pValue);
    const adjusted = holmAdjust(raw);
    b!.segments.forEach((s, i) => {
      const c = npsOf(s.versusRest);
      expect(c.adjustment).toBe("holm");
      expect(c.pAdjusted).toBeCloseTo(adjusted[i]!, 12);
      expect(c.pAdjusted!).toBeGreaterThanOrEqual(c.pValue!);
      expect(c.significant).toBe(c.pAdjusted! < 0.05);
    });
    // The raw p is the plain test of the segment against the rest.
    const rest = nps({ 10: 85, 9: 25, 8: 50, 7: 30, 5: 30, 2: 15, 3: 5 });
    expect(npsOf(b!.segments.find((s) => s.segment === "a")!.versusRest).pValue).toBeCloseTo(
      npsOf(compareTallies(good, rest)).pValue!,
      12,
    );
  });

  it("a segment with raw p ≈ 0.02 among five is not significant once corrected", () => {
    const better = nps({ 10: 45, 8: 35, 3: 20 });
    const usual = nps({ 10: 35, 8: 35, 3: 30 });
    const [b] = breakdown(["a", "b", "c", "d", "e"].map((k) => row(k, k === "a" ? better : usual)));
    const a = npsOf(b!.segments.find((s) => s.segment === "a")!.versusRest);
    expect(a.pValue!).toBeLessThan(0.05);
    expect(a.pAdjusted!).toBeGreaterThan(0.05);
    expect(a.significant).toBe(false);
  });

  it("two segments are one hypothesis, not two: no correction", () => {
    const [b] = breakdown([row("x", nps({ 10: 30, 9: 10 })), row("y", nps({ 3: 20, 8: 20 }))]);
    const [x, y] = b!.segments.map((s) => npsOf(s.versusRest));
    expect(x!.pAdjusted).toBe(x!.pValue);
    expect(y!.pAdjusted).toBe(y!.pValue);
    expect(x!.adjustment).toBe("none");
  });

  it("segments too small to test are left out of the family", () => {
    const big = nps({ 10: 20, 8: 20, 4: 20 });
    const [b] = breakdown([row("a", big), row("b", big), row("tiny", nps({ 10: 2 }))]);
    const tested = b!.segments.filter((s) => !npsOf(s.versusRest).tooFew).map((s) => npsOf(s.versusRest));
    expect(tested).toHaveLength(2);
    const adjusted = holmAdjust(tested.map((c) => c.pValue));
    tested.forEach((c, i) => {
      expect(c.pAdjusted).toBeCloseTo(adjusted[i]!, 12);
    });
  });
});
