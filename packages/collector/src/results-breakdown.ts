import { baseLanguage, breakdown, MIN_COMPARE_N, type ScoreResult, type TallyRow } from "@sonde/core";
import type { Breakdown, BreakdownGroup } from "./api.js";
import { regionsOf } from "./results-fields.js";

/**
 * Groups of one breakdown, each with every question's score and the headline question's
 * comparison with the rest (Holm-adjusted across the groups; no test under the minimum n).
 */
function groupsBy(rows: readonly TallyRow[], headline: string | null): Map<string | null, BreakdownGroup> {
  const groups = new Map<string | null, BreakdownGroup>();
  const group = (key: string | null) => {
    let g = groups.get(key);
    if (!g) {
      g = { key, small: true, questions: {}, versusRest: null };
      groups.set(key, g);
    }
    return g;
  };
  // The headline's segments first, largest first, as core orders them.
  const byStep = breakdown(rows).sort((a, b) => Number(b.stepId === headline) - Number(a.stepId === headline));
  for (const question of byStep) {
    for (const segment of question.segments) {
      const g = group(segment.segment);
      g.questions[question.stepId] = segment.score;
      if (question.stepId === headline) {
        g.small = segment.score.small;
        g.versusRest = segment.versusRest;
      }
    }
  }
  return groups;
}

/**
 * The language tags inside each language group (`en` holds `en-US`, `en-GB`, `en`), largest
 * first, with their answers to the headline question: one row per language, its regions told.
 */
function regionsByLanguage(
  rows: readonly TallyRow[],
  headline: string | null,
): Map<string, { key: string; n: number }[]> {
  const out = new Map<string, { key: string; n: number }[]>();
  for (const g of groupsBy(rows, headline).values()) {
    if (g.key === null) continue;
    const n = headline ? (g.questions[headline]?.n ?? 0) : 0;
    const language = baseLanguage(g.key);
    out.set(language, [...(out.get(language) ?? []), { key: g.key, n }]);
  }
  for (const tags of out.values()) tags.sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : 1));
  return out;
}

/** The fields whose segment tallies the breakdowns of `by` read: each field, and the language tags of a language. */
export function breakdownFields(by: readonly string[]): string[] {
  const out = new Set<string>();
  for (const field of by) {
    out.add(field);
    const tags = regionsOf(field);
    if (tags) out.add(tags);
  }
  return [...out];
}

/**
 * Breakdowns of a period's responses by each field asked for, from their tallies by segment of
 * each of `breakdownFields(fields)`: the `top` largest groups (by answers to the headline
 * question), every question's score in each, filled with `empty` scores where a group has no
 * answer to a question.
 */
export function computeBreakdowns(
  tallied: (field: string) => readonly TallyRow[],
  fields: readonly string[],
  headline: string | null,
  top: number,
  fill: (scores: Record<string, ScoreResult>) => Record<string, ScoreResult>,
): Breakdown[] {
  return fields.map((by) => {
    const tags = regionsOf(by);
    const regions = tags ? regionsByLanguage(tallied(tags), headline) : null;
    const all = [...groupsBy(tallied(by), headline).values()].map(
      (g): BreakdownGroup => ({
        ...g,
        questions: fill(g.questions),
        ...(regions && g.key !== null ? { regions: regions.get(g.key) ?? [] } : {}),
      }),
    );
    return {
      by,
      groups: all.slice(0, top),
      hidden: Math.max(0, all.length - top),
      adjustment: "holm",
      minN: MIN_COMPARE_N,
    };
  });
}
