import { npsFromCounts } from "@sonde/core";
import type { Difference, QuestionSummary, Share } from "./api.js";
import { answersIn, type QuestionCounts } from "./results-tally.js";

/**
 * What the results need from scoring: a summary from counts, and the differences between two
 * periods. The statistics (standard errors, intervals, p-values) belong to @sonde/core's scoring;
 * this adapter is the one place that calls it.
 */
export interface Scoring {
  summarize(q: QuestionCounts): QuestionSummary;
  compare(current: QuestionCounts, previous: QuestionCounts): Difference[];
}

const sum = (xs: readonly number[], from = 0, to = xs.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += xs[i]!;
  return s;
};

// Until core has intervals for proportions, a share is its count over n.
const share = (count: number, n: number): Share => ({ count, share: n === 0 ? null : count / n, interval: null });

/** Mean of a rating whose counts start at `lowest`. */
const meanOf = (counts: readonly number[], lowest: number) => {
  const n = sum(counts);
  if (n === 0) return null;
  let total = 0;
  counts.forEach((c, i) => {
    total += c * (i + lowest);
  });
  return total / n;
};

function summarize(q: QuestionCounts): QuestionSummary {
  const n = answersIn(q);
  switch (q.kind) {
    case "nps": {
      const c = q.counts;
      const nps = npsFromCounts({ detractors: sum(c, 0, 7), passives: sum(c, 7, 9), promoters: sum(c, 9, 11) });
      return { kind: "nps", ...nps, se: null, interval: null };
    }
    case "csat":
      return {
        kind: "csat",
        n,
        distribution: [...q.counts],
        topBox: share(q.counts[4]!, n),
        top2Box: share(q.counts[3]! + q.counts[4]!, n),
        mean: { value: meanOf(q.counts, 1), interval: null },
      };
    case "ces":
      return {
        kind: "ces",
        n,
        distribution: [...q.counts],
        mean: { value: meanOf(q.counts, 1), interval: null },
        agree: share(sum(q.counts, 4, 7), n),
      };
    case "gap": {
      const bands = { delighted: 0, met: 0, tolerated: 0, dissatisfied: 0 };
      let expected = 0;
      let experienced = 0;
      q.counts.forEach((c, i) => {
        if (c === 0) return;
        const e = Math.floor(i / q.scale) + 1;
        const x = (i % q.scale) + 1;
        expected += c * e;
        experienced += c * x;
        const ratio = x / e;
        if (ratio > 1) bands.delighted += c;
        else if (ratio === 1) bands.met += c;
        else if (ratio >= 0.8) bands.tolerated += c;
        else bands.dissatisfied += c;
      });
      const mean = (total: number) => ({ value: n === 0 ? null : total / n, interval: null });
      return {
        kind: "gap",
        n,
        expected: mean(expected),
        experienced: mean(experienced),
        difference: mean(experienced - expected),
        bands,
      };
    }
  }
}

/** The measures each kind is compared on, read from its summary. */
function measures(s: QuestionSummary): [string, number | null][] {
  switch (s.kind) {
    case "nps":
      return [["score", s.score]];
    case "csat":
      return [
        ["topBox", s.topBox.share],
        ["top2Box", s.top2Box.share],
        ["mean", s.mean.value],
      ];
    case "ces":
      return [
        ["mean", s.mean.value],
        ["agree", s.agree.share],
      ];
    case "gap":
      return [["difference", s.difference.value]];
  }
}

function compare(current: QuestionCounts, previous: QuestionCounts): Difference[] {
  const now = measures(summarize(current));
  const before = new Map(measures(summarize(previous)));
  return now.map(([measure, value]) => {
    const prior = before.get(measure) ?? null;
    return {
      measure,
      current: value,
      previous: prior,
      difference: value === null || prior === null ? null : value - prior,
      interval: null,
      p: null,
      significant: null,
    };
  });
}

/** The scoring the collector uses. */
export function defaultScoring(): Scoring {
  return { summarize, compare };
}
