// Brute-force references on random data (seeded): every figure the count-based aggregates give
// is recomputed here the slow, obvious way from the raw answers, and interval coverage is
// checked by simulation.
import { describe, expect, it } from "vitest";
import type { Answer } from "../schema/wire.js";
import { mergeRows, type ScorableResponse, scoreRows, tallyResponses } from "./aggregate.js";
import { compareMeans, compareNps } from "./compare.js";
import { studentTCdf, studentTQuantile } from "./distributions.js";
import { proportion } from "./intervals.js";
import { npsFromCounts } from "./nps.js";
import { seededRandom } from "./seeded-random.js";
import { tallyAnswers } from "./tally.js";

const int = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: () => number, items: readonly T[]) => items[Math.floor(random() * items.length)]!;

function randomResponses(seed: number, count: number): ScorableResponse[] {
  const random = seededRandom(seed);
  const start = Date.parse("2023-12-20T00:00:00Z");
  const out: ScorableResponse[] = [];
  for (let i = 0; i < count; i++) {
    const answers: Record<string, Answer> = {};
    if (random() < 0.9) answers.ltr = { kind: "nps", value: int(random, 0, 10) };
    if (random() < 0.5) answers.sat = { kind: "csat", value: int(random, 1, 5), scale: 5 };
    if (random() < 0.4) answers.ease = { kind: "ces", value: int(random, 1, 7), scale: 7 };
    if (random() < 0.4)
      answers.exp = { kind: "gap", expected: int(random, 1, 7), experienced: int(random, 1, 7), scale: 7 };
    if (random() < 0.3) answers.why = { kind: "open", value: "because" };
    out.push({
      id: `r${i}`,
      surveyId: pick(random, ["onboarding", "checkout"]),
      createdAt: start + Math.floor(random() * 60 * 86_400_000),
      context: {
        url: pick(random, ["https://a.example/", "https://a.example/pricing?x=1"]),
        device: pick(random, ["mobile", "desktop", "tablet", undefined] as const),
      },
      answers,
    });
  }
  return out;
}

function isoWeek(ms: number): string {
  const date = new Date(ms);
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + 4 - (((d.getUTCDay() + 6) % 7) + 1));
  const week = Math.ceil(((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sampleSd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};
const populationVar = (xs: number[]) => {
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length;
};

describe("aggregates against brute force on 20,000 random responses", () => {
  const responses = randomResponses(7, 20_000);
  const rows = tallyResponses(responses, { period: "week", segment: "device" });
  const scored = scoreRows(rows);
  // The slow way: group the raw answers by survey, question, week and device.
  const groups = new Map<string, Answer[]>();
  for (const r of responses)
    for (const [stepId, a] of Object.entries(r.answers)) {
      if (a.kind === "open") continue;
      const key = [r.surveyId, stepId, isoWeek(r.createdAt), r.context.device ?? null].join("|");
      groups.set(key, [...(groups.get(key) ?? []), a]);
    }

  it("has exactly the groups the raw data has", () => {
    expect(scored.map((r) => [r.surveyId, r.stepId, r.period, r.segment].join("|")).sort()).toEqual(
      [...groups.keys()].sort(),
    );
  });

  it("matches every figure of every group", () => {
    for (const row of scored) {
      const key = [row.surveyId, row.stepId, row.period, row.segment].join("|");
      const answers = groups.get(key)!;
      const s = row.score;
      const ctx = `${key} (n ${answers.length})`;
      expect(s.n, ctx).toBe(answers.length);
      expect(s.small, ctx).toBe(answers.length < 30);
      const values = answers.map((a) => ("value" in a ? (a.value as number) : 0));
      const t = (n: number) => studentTQuantile(0.975, n - 1);
      switch (s.kind) {
        case "nps": {
          const recoded = values.map((v) => (v >= 9 ? 100 : v <= 6 ? -100 : 0));
          expect(s.score!, ctx).toBeCloseTo(mean(recoded), 9);
          expect(s.se!, ctx).toBeCloseTo(Math.sqrt(populationVar(recoded) / values.length), 9);
          expect(
            s.distribution.reduce((a, c, v) => a + c * v, 0),
            ctx,
          ).toBe(values.reduce((a, b) => a + b, 0));
          break;
        }
        case "csat":
          expect(s.topBox.share!, ctx).toBeCloseTo(values.filter((v) => v === 5).length / values.length, 12);
          expect(s.top2Box.share!, ctx).toBeCloseTo(values.filter((v) => v >= 4).length / values.length, 12);
          expect(s.mean.mean!, ctx).toBeCloseTo(mean(values), 12);
          expect(s.mean.sd!, ctx).toBeCloseTo(sampleSd(values), 12);
          expect(s.mean.interval!.upper - s.mean.mean!, ctx).toBeCloseTo(
            (t(values.length) * sampleSd(values)) / Math.sqrt(values.length),
            12,
          );
          break;
        case "ces":
          expect(s.agree.share!, ctx).toBeCloseTo(values.filter((v) => v >= 5).length / values.length, 12);
          expect(s.mean.mean!, ctx).toBeCloseTo(mean(values), 12);
          expect(s.mean.sd!, ctx).toBeCloseTo(sampleSd(values), 12);
          break;
        case "gap": {
          const pairs = answers.map((a) => a as Extract<Answer, { kind: "gap" }>);
          const diffs = pairs.map((p) => p.experienced - p.expected);
          const ratios = pairs.map((p) => p.experienced / p.expected);
          expect(s.difference.mean!, ctx).toBeCloseTo(mean(diffs), 12);
          expect(s.difference.sd!, ctx).toBeCloseTo(sampleSd(diffs), 12);
          expect(s.ratio!, ctx).toBeCloseTo(mean(ratios), 12);
          const share = (test: (r: number) => boolean) => ratios.filter(test).length / ratios.length;
          expect(s.bands.delighted.share!, ctx).toBeCloseTo(
            share((r) => r > 1),
            12,
          );
          expect(s.bands.met.share!, ctx).toBeCloseTo(
            share((r) => r === 1),
            12,
          );
          expect(s.bands.tolerated.share!, ctx).toBeCloseTo(
            share((r) => r >= 0.8 && r < 1),
            12,
          );
          expect(s.bands.dissatisfied.share!, ctx).toBeCloseTo(
            share((r) => r < 0.8),
            12,
          );
          expect(s.expected.mean!, ctx).toBeCloseTo(mean(pairs.map((p) => p.expected)), 12);
          break;
        }
      }
    }
  });

  it("merging tallies of random chunks, in any order, gives the tally of the whole", () => {
    const random = seededRandom(99);
    const chunks: ScorableResponse[][] = [[], [], [], [], []];
    for (const r of responses) chunks[Math.floor(random() * chunks.length)]!.push(r);
    const pieces = chunks.reverse().flatMap((c) => tallyResponses(c, { period: "week", segment: "device" }));
    expect(mergeRows(pieces)).toEqual(rows);
    expect(mergeRows(pieces, { period: false, segment: false })).toEqual(tallyResponses(responses));
  });
});

describe("comparisons against brute force", () => {
  it("compareNps is the z-test of the recoded ±100 answers plus ¾ promoter, ¾ detractor and 1½ passive per group", () => {
    const random = seededRandom(3);
    for (let trial = 0; trial < 50; trial++) {
      const a = Array.from({ length: int(random, 2, 400) }, () => int(random, 0, 10));
      const b = Array.from({ length: int(random, 2, 400) }, () => int(random, 0, 10));
      const recode = (xs: number[]) => xs.map((v) => (v >= 9 ? 100 : v <= 6 ? -100 : 0));
      const [ra, rb] = [recode(a), recode(b)];
      // Weighted moments of the answers with the pseudo-answers added (weights 1 and ¾, ¾, 1½).
      const adjusted = (rs: number[]) => {
        const w = rs.length + 3;
        const m = (rs.reduce((s, v) => s + v, 0) + 0.75 * 100 - 0.75 * 100) / w;
        const v =
          (rs.reduce((s, x) => s + (x - m) ** 2, 0) + 0.75 * (100 - m) ** 2 + 0.75 * (100 + m) ** 2 + 1.5 * m * m) / w;
        return { m, v: v / w };
      };
      const [adjA, adjB] = [adjusted(ra), adjusted(rb)];
      const t = (adjA.m - adjB.m) / Math.sqrt(adjA.v + adjB.v);
      const df = (adjA.v + adjB.v) ** 2 / (adjA.v ** 2 / (ra.length + 2) + adjB.v ** 2 / (rb.length + 2));
      const count = (xs: number[]) => npsFromCounts(tallyCounts(xs));
      const r = compareNps(count(a), count(b), { minN: 1 });
      const ctx = `a = [${a}], b = [${b}]`;
      expect(r.difference, ctx).toBeCloseTo(mean(ra) - mean(rb), 9);
      expect(r.df!, ctx).toBeCloseTo(df, 9);
      expect(r.pValue!, ctx).toBeCloseTo(2 * studentTCdf(-Math.abs(t), df), 12);
    }
  });

  it("compareMeans equals Student's pooled t-test on the raw values", () => {
    const random = seededRandom(4);
    for (let trial = 0; trial < 50; trial++) {
      const a = Array.from({ length: int(random, 2, 60) }, () => int(random, 1, 5));
      const b = Array.from({ length: int(random, 2, 60) }, () => int(random, 3, 5));
      if (sampleSd(a) === 0 && sampleSd(b) === 0) continue;
      const r = compareMeans(
        { n: a.length, mean: mean(a), sd: sampleSd(a) },
        { n: b.length, mean: mean(b), sd: sampleSd(b) },
        { minN: 2 },
      );
      const df = a.length + b.length - 2;
      const pooled = ((a.length - 1) * sampleSd(a) ** 2 + (b.length - 1) * sampleSd(b) ** 2) / df;
      const t = (mean(a) - mean(b)) / Math.sqrt(pooled * (1 / a.length + 1 / b.length));
      expect(r.df!, `a = [${a}], b = [${b}]`).toBe(df);
      expect(r.statistic!, `a = [${a}], b = [${b}]`).toBeCloseTo(t, 9);
      expect(r.pValue!, `a = [${a}], b = [${b}]`).toBeCloseTo(2 * studentTCdf(-Math.abs(t), df), 12);
    }
  });
});

function tallyCounts(xs: number[]) {
  return {
    promoters: xs.filter((v) => v >= 9).length,
    passives: xs.filter((v) => v === 7 || v === 8).length,
    detractors: xs.filter((v) => v <= 6).length,
  };
}

describe("coverage: a 95% interval should hold the truth ~95% of the time (seeded simulation or exact)", () => {
  const trials = 4000;

  it("NPS adjusted-Wald, n = 40, true shares 45% / 30% / 25% (true NPS 20)", () => {
    const random = seededRandom(11);
    let hits = 0;
    for (let t = 0; t < trials; t++) {
      const counts = { promoters: 0, passives: 0, detractors: 0 };
      for (let i = 0; i < 40; i++) {
        const u = random();
        if (u < 0.45) counts.promoters++;
        else if (u < 0.75) counts.passives++;
        else counts.detractors++;
      }
      const { interval } = npsFromCounts(counts);
      if (interval!.lower <= 20 && 20 <= interval!.upper) hits++;
    }
    expect(hits / trials).toBeGreaterThan(0.93);
    expect(hits / trials).toBeLessThan(0.97);
  });

  it("Agresti–Coull, exact binomial coverage over n ∈ {10, 25, 50, 100}, p ∈ {5%…50%}: ≥ 92.9% where plain Wald drops to 40%", () => {
    let worst = 1;
    let worstWald = 1;
    for (const n of [10, 25, 50, 100])
      for (const p of [0.05, 0.1, 0.2, 0.3, 0.5]) {
        let covered = 0;
        let wald = 0;
        let pmf = (1 - p) ** n;
        for (let x = 0; x <= n; x++) {
          const { interval } = proportion(x, n);
          if (interval!.lower <= p && p <= interval!.upper) covered += pmf;
          const half = 1.959964 * Math.sqrt(((x / n) * (1 - x / n)) / n);
          if (x / n - half <= p && p <= x / n + half) wald += pmf;
          pmf *= ((n - x) / (x + 1)) * (p / (1 - p));
        }
        worst = Math.min(worst, covered);
        worstWald = Math.min(worstWald, wald);
      }
    expect(worst).toBeGreaterThan(0.929);
    expect(worstWald).toBeLessThan(0.5);
  });

  it("CSAT mean t-interval, n = 30, skewed 5-point answers", () => {
    const random = seededRandom(13);
    const weights = [0.05, 0.05, 0.1, 0.4, 0.4];
    const truth = weights.reduce((a, w, i) => a + w * (i + 1), 0);
    let hits = 0;
    for (let t = 0; t < trials; t++) {
      const answers: Answer[] = [];
      for (let i = 0; i < 30; i++) {
        let u = random();
        let v = 0;
        while (u >= weights[v]!) u -= weights[v++]!;
        answers.push({ kind: "csat", value: v + 1, scale: 5 });
      }
      const score = scoreRows([
        { surveyId: "s", stepId: "q", period: null, segment: null, tally: tallyAnswers(answers) },
      ])[0]!.score;
      if (score.kind !== "csat") throw new Error("expected CSAT");
      const interval = score.mean.interval!;
      if (interval.lower <= truth && truth <= interval.upper) hits++;
    }
    expect(hits / trials).toBeGreaterThan(0.92);
    expect(hits / trials).toBeLessThan(0.97);
  });
});
