import type { ScoredAnswerRow } from "./store/store.js";

/**
 * The counts one question's summary is computed from. Counts merge by adding them up, so any
 * period or segment can be put together from smaller ones.
 * - nps: 11 counts, of 0 … 10; csat: 5 counts, of 1 … 5; ces: 7 counts, of 1 … 7
 * - gap: `scale × scale` counts, index (expected − 1) × scale + (experienced − 1)
 */
export type QuestionCounts =
  | { kind: "nps"; counts: number[] }
  | { kind: "csat"; counts: number[] }
  | { kind: "ces"; counts: number[] }
  | { kind: "gap"; scale: 5 | 7; counts: number[] };

/** Counts per question, keyed by step id, plus the responses they came from. */
export interface Tally {
  questions: Map<string, QuestionCounts>;
  responses: Set<string>;
}

/** An empty tally. */
export function emptyTally(): Tally {
  return { questions: new Map(), responses: new Set() };
}

/** Zero counts of a kind of question. */
export function emptyCounts(kind: QuestionCounts["kind"], scale: 5 | 7 = 7): QuestionCounts {
  switch (kind) {
    case "nps":
      return { kind: "nps", counts: new Array(11).fill(0) };
    case "csat":
      return { kind: "csat", counts: new Array(5).fill(0) };
    case "ces":
      return { kind: "ces", counts: new Array(7).fill(0) };
    case "gap":
      return { kind: "gap", scale, counts: new Array(scale * scale).fill(0) };
  }
}

/**
 * The key a row is counted under: its step id, unless that step was seen with another kind or
 * scale (a survey edited over time) — then `stepId.kind` or `stepId.gap5`, so scales never mix.
 */
export function questionKey(tally: Tally, row: ScoredAnswerRow): string {
  const scale = row.scale ?? 7;
  const first = tally.questions.get(row.stepId);
  if (!first || (first.kind === row.kind && (first.kind !== "gap" || first.scale === scale))) return row.stepId;
  return row.kind === "gap" ? `${row.stepId}.gap${scale}` : `${row.stepId}.${row.kind}`;
}

/** Adds one scored answer under `key` (from `questionKey` on the overall tally, so that every tally agrees). */
export function addRow(tally: Tally, row: ScoredAnswerRow, key: string): void {
  let q = tally.questions.get(key);
  if (!q) {
    q = emptyCounts(row.kind, row.scale ?? 7);
    tally.questions.set(key, q);
  }
  tally.responses.add(row.responseId);
  switch (q.kind) {
    case "nps":
      q.counts[row.value!]! += 1;
      break;
    case "csat":
    case "ces":
      q.counts[row.value! - 1]! += 1;
      break;
    case "gap":
      q.counts[(row.expected! - 1) * q.scale + (row.experienced! - 1)]! += 1;
      break;
  }
}

/** How many answers the counts hold. */
export function answersIn(q: QuestionCounts): number {
  let n = 0;
  for (const c of q.counts) n += c;
  return n;
}
