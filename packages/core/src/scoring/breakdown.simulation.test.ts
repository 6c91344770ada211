// Significance judged by simulation, not by examples: how often a breakdown flags a segment when
// nothing differs (false positives), and how often it finds a real difference (power).
import { describe, expect, it } from "vitest";
import type { TallyRow } from "./aggregate.js";
import { breakdown } from "./breakdown.js";
import { type Comparison, compareTallies, type TallyComparison } from "./compare.js";
import { seededRandom } from "./seeded-random.js";
import { mergeTallies, type Tally } from "./tally.js";

/** Draws `n` answers from `probs` (probability of each answer index) into a tally of `template`'s kind. */
function draw(random: () => number, template: Tally, probs: readonly number[], n: number): Tally {
  const counts = probs.map(() => 0);
  for (let i = 0; i < n; i++) {
    let u = random();
    let k = 0;
    while (k < probs.length - 1 && u >= probs[k]!) u -= probs[k++]!;
    counts[k]!++;
  }
  return { ...template, counts };
}

/** The metric a dashboard marks ▲/▼ on, by kind. */
function headline(c: TallyComparison | null): Comparison | null {
  if (!c) return null;
  if (c.kind === "nps") return c.nps;
  if (c.kind === "csat") return c.topBox;
  if (c.kind === "ces") return c.mean;
  return c.difference;
}

/**
 * Share of simulated breakdowns in which `flagged` holds for any segment, `runs` of them split
 * evenly over the streams of `seeds` (one stream's quirks then weigh less in the figure).
 */
function simulate(
  seeds: readonly number[],
  runs: number,
  make: (random: () => number) => Tally[],
  flagged: (c: Comparison | null, segment: number) => boolean,
): number {
  let hits = 0;
  for (let r = 0; r < runs; r++) {
    const random = streams(seeds)[r % seeds.length]!;
    const rows: TallyRow[] = make(random).map((tally, i) => ({
      surveyId: "s",
      stepId: "q",
      period: null,
      segment: String(i),
      tally,
    }));
    const [b] = breakdown(rows);
    if (b!.segments.some((s) => flagged(headline(s.versusRest), Number(s.segment)))) hits++;
  }
  return hits / runs;
}

const opened = new Map<string, (() => number)[]>();
/** One generator per seed, the same ones for every call with the same seeds. */
function streams(seeds: readonly number[]): (() => number)[] {
  const key = seeds.join();
  let found = opened.get(key);
  if (!found) {
    found = seeds.map(seededRandom);
    opened.set(key, found);
  }
  return found;
}

// Runs per null scenario (≥ 2,000; more runs, less simulation error) and per power scenario.
const NULL_RUNS = 6000;
const RUNS = 2000;
// 5% plus the simulation error: the upper end of a 95% band around 5% estimated from NULL_RUNS runs.
const ALPHA_BOUND = 0.05 + 1.96 * Math.sqrt((0.05 * 0.95) / NULL_RUNS);
// Each simulation takes a few seconds alone, many more on a machine under load.
const SLOW = 180_000;
const sizes = (random: () => number) => Array.from({ length: 10 }, () => 1 + Math.floor(random() * 500));

// Answer distributions, each summing to 1. NPS: index = score 0–10.
const NPS_TYPICAL = [0.02, 0.01, 0.02, 0.03, 0.03, 0.06, 0.08, 0.15, 0.2, 0.17, 0.23]; // 40/35/25, NPS +15
const NPS_DELIGHTED = [0.01, 0, 0, 0, 0.01, 0.02, 0.03, 0.05, 0.08, 0.2, 0.6]; // 80/13/7: many one-category groups
const CSAT = [0.06, 0.09, 0.2, 0.35, 0.3];
const CES = [0.04, 0.06, 0.1, 0.15, 0.25, 0.25, 0.15];
const TEMPLATES: Record<string, Tally> = {
  nps: { kind: "nps", counts: [] },
  csat: { kind: "csat", scale: 5, counts: [] },
  ces: { kind: "ces", scale: 7, counts: [] },
};

const significant = (c: Comparison | null) => !!c?.significant;

describe(`under the null: ${NULL_RUNS} breakdowns of 10 segments sized 1–500, all drawn alike`, () => {
  it.each([
    ["NPS 40/35/25", "nps", NPS_TYPICAL, [11, 12, 13]],
    ["NPS 80/13/7", "nps", NPS_DELIGHTED, [21, 22, 23]],
    ["CSAT top-box", "csat", CSAT, [31, 32, 33]],
    ["CES mean", "ces", CES, [41, 42, 43]],
  ] as const)(
    "%s: the share flagging any segment stays ≤ 5% + simulation error",
    (name, kind, probs, seeds) => {
      const make = (random: () => number) => sizes(random).map((n) => draw(random, TEMPLATES[kind]!, probs, n));
      const rate = simulate(seeds, NULL_RUNS, make, significant);
      console.log(`false-positive rate, ${name}: ${(100 * rate).toFixed(2)}% of ${NULL_RUNS} breakdowns`);
      expect(rate).toBeLessThanOrEqual(ALPHA_BOUND);
    },
    SLOW,
  );

  it(
    "the same data read naively (every raw p < 0.05, whatever n) flags a segment far more often",
    () => {
      // What the dashboard did before: no minimum n, no correction. The guard above is what prevents this.
      const make = (random: () => number) => sizes(random).map((n) => draw(random, TEMPLATES.nps!, NPS_TYPICAL, n));
      const naive = (c: Comparison | null) => c !== null && c.pValue !== null && c.pValue < 0.05;
      const random = seededRandom(11);
      let hits = 0;
      for (let r = 0; r < RUNS; r++) {
        const tallies = make(random);
        const total = tallies.reduce((t, x) => mergeTallies(t, x));
        const flagged = tallies.some((t) => {
          const rest = { ...t, counts: total.counts.map((c, i) => c - t.counts[i]!) };
          return naive(headline(compareTallies(t, rest, { minN: 1 })));
        });
        if (flagged) hits++;
      }
      console.log(`naive false-positive rate (raw p, no minimum n): ${((100 * hits) / RUNS).toFixed(1)}%`);
      expect(hits / RUNS).toBeGreaterThan(0.25);
    },
    SLOW,
  );
});

/** An NPS distribution with `shift` of the answers moved from detractors (score 3) to promoters (score 10). */
const shifted = (probs: readonly number[], shift: number) =>
  probs.map((p, s) => (s === 3 ? p - shift : s === 10 ? p + shift : p));

describe("power: a real difference of 20 NPS points with 200 answers per group", () => {
  // Moving 10% of answers from detractor to promoter raises the NPS by exactly 20 points.
  const MODERATE = [0.01, 0.01, 0.02, 0.12, 0.03, 0.03, 0.03, 0.2, 0.3, 0.1, 0.15]; // 25/50/25, NPS 0
  // NPS_TYPICAL with its detractors gathered at 3, so that 10% of them can move: 40/35/25, NPS +15.
  const TYPICAL_LOW = [0.02, 0.01, 0.02, 0.1, 0, 0.02, 0.08, 0.15, 0.2, 0.17, 0.23];
  it.each([
    ["passives 50% (25/50/25 → 35/50/15)", 0.8, MODERATE, [51]],
    ["passives 35% (40/35/25 → 50/35/15)", 0.7, TYPICAL_LOW, [52]],
  ] as const)(
    "10 segments of 200, one of them 20 points higher, %s: found ≥ %s of the time",
    (name, floor, base, seeds) => {
      const better = shifted(base, 0.1);
      const make = (random: () => number) =>
        Array.from({ length: 10 }, (_, i) => draw(random, TEMPLATES.nps!, i === 0 ? better : base, 200));
      const power = simulate(seeds, RUNS, make, (c, segment) => segment === 0 && !!c?.significant && c.difference > 0);
      console.log(`power, breakdown, ${name}: ${(100 * power).toFixed(1)}% of ${RUNS}`);
      expect(power).toBeGreaterThanOrEqual(floor);
    },
    SLOW,
  );

  it.each([
    ["passives 50% (25/50/25 → 35/50/15)", 0.8, MODERATE, 53],
    ["passives 35% (40/35/25 → 50/35/15)", 0.7, TYPICAL_LOW, 54],
  ] as const)(
    "two periods of 200 (the single period-over-period test), %s: found ≥ %s of the time",
    (name, floor, base, seed) => {
      const random = seededRandom(seed);
      const better = shifted(base, 0.1);
      let found = 0;
      for (let r = 0; r < RUNS; r++) {
        const c = compareTallies(draw(random, TEMPLATES.nps!, better, 200), draw(random, TEMPLATES.nps!, base, 200));
        if (c.kind === "nps" && c.nps?.significant && c.nps.difference > 0) found++;
      }
      console.log(`power, two periods, ${name}: ${((100 * found) / RUNS).toFixed(1)}% of ${RUNS}`);
      expect(found / RUNS).toBeGreaterThanOrEqual(floor);
    },
    SLOW,
  );
});
