/** Promoter, passive and detractor counts of NPS answers. */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/** An NPS result: counts, n, and the score in [−100, 100] (null when nobody answered). */
export interface NpsResult extends NpsCounts {
  n: number;
  score: number | null;
}

/** Counts 0–10 answers into promoters (9–10), passives (7–8) and detractors (0–6). */
export function countNps(scores: Iterable<number>): NpsCounts {
  const counts = { promoters: 0, passives: 0, detractors: 0 };
  for (const s of scores) {
    if (!Number.isInteger(s) || s < 0 || s > 10)
      throw new RangeError(`NPS score must be a whole number from 0 to 10 (got ${s})`);
    if (s >= 9) counts.promoters++;
    else if (s >= 7) counts.passives++;
    else counts.detractors++;
  }
  return counts;
}

/** The Net Promoter Score: % promoters − % detractors. */
export function npsFromCounts(counts: NpsCounts): NpsResult {
  const n = counts.promoters + counts.passives + counts.detractors;
  const score = n === 0 ? null : (100 * (counts.promoters - counts.detractors)) / n;
  return { ...counts, n, score };
}
