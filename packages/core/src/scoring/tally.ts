import type { Answer } from "../schema/wire.js";
import { type CesResult, cesFromCounts } from "./ces.js";
import { type CsatResult, checkDistribution, csatFromCounts } from "./csat.js";
import { checkGapScale, type GapResult, gapFromCounts, gapLayout } from "./gap.js";
import { checkNpsScore, type NpsResult, npsFromCounts, type ScoringOptions } from "./nps.js";

/**
 * Mergeable counts of one question's answers: add two tallies of the same kind and scale and you
 * get the tally of both samples, so running totals per period and segment can answer any range.
 * Plain JSON, safe to store.
 */
export type Tally =
  /** `counts[s]` answers of s, s = 0…10. */
  | { kind: "nps"; counts: number[] }
  /** `counts[v − 1]` answers of v, v = 1…5. */
  | { kind: "csat"; scale: 5; counts: number[] }
  /** `counts[v − 1]` answers of v, v = 1…7. */
  | { kind: "ces"; scale: 7; counts: number[] }
  /** `counts[(expected − 1)·scale + (experienced − 1)]`. */
  | { kind: "gap"; scale: 5 | 7; counts: number[] };

/** The answer kinds that have a score. */
export type ScoredKind = Tally["kind"];

/** An NPS result with its full 0–10 distribution, as scored from a tally. */
export interface NpsScore extends NpsResult {
  kind: "nps";
  /** `distribution[s]` answers of s, s = 0…10. */
  distribution: number[];
}

/** What a tally scores into, by kind. */
export type ScoreResult = NpsScore | CsatResult | CesResult | GapResult;

/** Whether answers of this kind are scored (NPS, CSAT, CES, gap); throws on a kind the wire format lacks. */
export function isScoredKind(kind: unknown, where = "answer kind"): kind is ScoredKind {
  switch (kind) {
    case "nps":
    case "csat":
    case "ces":
    case "gap":
      return true;
    case "thumbs":
    case "open":
    case "single":
    case "multiple":
      return false;
  }
  throw new TypeError(
    `sonde: ${where} must be one of nps, csat, ces, gap, thumbs, open, single, multiple (got ${JSON.stringify(kind)})`,
  );
}

function scaleLabel(t: { kind: string; scale?: number }): string {
  return t.kind === "nps" ? "0–10 NPS" : `${t.scale}-point ${t.kind.toUpperCase()}`;
}

/** An empty tally for a kind and scale; throws on a scale Sonde does not score for that kind. */
export function emptyTally(kind: ScoredKind, scale?: number): Tally {
  switch (kind) {
    case "nps":
      if (scale !== undefined && scale !== 10)
        throw new RangeError(`sonde: NPS is asked on 0–10; an NPS scale must be 10 or left out (got ${scale})`);
      return { kind, counts: new Array<number>(11).fill(0) };
    case "csat":
      if (scale !== 5)
        throw new RangeError(`sonde: unknown CSAT scale ${String(scale)}: Sonde scores CSAT on the 5-point scale`);
      return { kind, scale, counts: new Array<number>(5).fill(0) };
    case "ces":
      if (scale !== 7)
        throw new RangeError(
          `sonde: unknown CES scale ${String(scale)}: Sonde scores CES on the 7-point agreement scale, and a 1–5 effort scale runs the other way`,
        );
      return { kind, scale, counts: new Array<number>(7).fill(0) };
    case "gap":
      checkGapScale(scale, "gap scale");
      return { kind, scale, counts: new Array<number>(scale * scale).fill(0) };
    default:
      throw new TypeError(`sonde: cannot tally answers of kind ${JSON.stringify(kind)}: only nps, csat, ces, gap`);
  }
}

/** The empty tally that `answer` would be counted into. */
export function tallyFor(answer: Answer, where = "answer"): Tally {
  const a = answer as { kind: ScoredKind; scale?: number };
  try {
    return emptyTally(a.kind, a.kind === "nps" ? undefined : a.scale);
  } catch (e) {
    throw relocate(e, where);
  }
}

function relocate(e: unknown, where: string): unknown {
  if (!(e instanceof Error)) return e;
  const Ctor = e instanceof TypeError ? TypeError : RangeError;
  return new Ctor(e.message.replace(/^sonde: /, `sonde: ${where}: `));
}

function checkRating(v: unknown, min: number, max: number, where: string): asserts v is number {
  if (typeof v !== "number")
    throw new TypeError(`sonde: ${where} must be a number from ${min} to ${max} (got ${String(v)})`);
  if (!Number.isInteger(v) || v < min || v > max)
    throw new RangeError(`sonde: ${where} must be a whole number from ${min} to ${max} (got ${v})`);
}

/**
 * Counts one answer (`times` times: identical answers counted at once) into a tally of its kind and
 * scale. Throws, naming `where` and the value, on an out-of-range or fractional value, or when the
 * answer's kind or scale differs from the tally's.
 */
export function addAnswer(tally: Tally, answer: Answer, where = "answer", times = 1): void {
  const a = answer as { kind: string; scale?: number; value?: unknown; expected?: unknown; experienced?: unknown };
  if (a.kind !== tally.kind || (tally.kind !== "nps" && a.scale !== tally.scale)) {
    const got = a.kind === "nps" ? "0–10 NPS" : `${String(a.scale)}-point ${String(a.kind).toUpperCase()}`;
    throw new TypeError(
      `sonde: ${where} is a ${got} answer, but this aggregate holds ${scaleLabel(tally)} answers — different kinds and scales are never mixed; score them separately`,
    );
  }
  switch (tally.kind) {
    case "nps":
      checkNpsScore(a.value, `${where}.value`);
      tally.counts[a.value]! += times;
      return;
    case "csat":
    case "ces":
      checkRating(a.value, 1, tally.scale, `${where}.value`);
      tally.counts[a.value - 1]! += times;
      return;
    case "gap":
      checkRating(a.expected, 1, tally.scale, `${where}.expected`);
      checkRating(a.experienced, 1, tally.scale, `${where}.experienced`);
      tally.counts[(a.expected - 1) * tally.scale + (a.experienced - 1)]! += times;
  }
}

/** Tallies answers to one question (all of one kind and scale; unscored kinds are refused). */
export function tallyAnswers(answers: Iterable<Answer>): Tally {
  let tally: Tally | undefined;
  let i = 0;
  for (const answer of answers) {
    const where = `answers[${i++}]`;
    if (!isScoredKind((answer as { kind?: unknown }).kind, `${where}.kind`))
      throw new TypeError(`sonde: ${where} is a ${answer.kind} answer, which has no score`);
    tally ??= tallyFor(answer, where);
    addAnswer(tally, answer, where);
  }
  if (!tally) throw new RangeError("sonde: tallyAnswers needs at least one answer to know the kind and scale");
  return tally;
}

/** Throws unless `t` is a well-formed tally (known kind and scale, right number of whole counts). */
export function checkTally(t: Tally, what = "tally"): void {
  const shape = emptyTally((t as { kind: ScoredKind }).kind, t.kind === "nps" ? undefined : t.scale);
  const layout =
    shape.kind === "gap"
      ? gapLayout(shape.scale)
      : shape.kind === "nps"
        ? { entries: "one per score 0–10", entry: (i: number) => `answers of ${i}` }
        : undefined;
  checkDistribution(t.counts, shape.counts.length, `${what}.counts`, layout);
}

/** Adds two tallies of the same kind and scale; throws when they differ (scales are never mixed). */
export function mergeTallies(a: Tally, b: Tally): Tally {
  checkTally(a, "first tally");
  checkTally(b, "second tally");
  if (a.kind !== b.kind || (a.kind !== "nps" && a.scale !== (b as { scale: number }).scale))
    throw new TypeError(
      `sonde: cannot merge ${scaleLabel(a)} counts with ${scaleLabel(b)} counts — kinds and scales are never mixed`,
    );
  return { ...a, counts: a.counts.map((c, i) => c + b.counts[i]!) };
}

/** Scores a tally: NPS, CSAT, CES or gap by its kind, each with intervals and a small-sample flag. */
export function scoreTally(tally: Tally, options: ScoringOptions = {}): ScoreResult {
  checkTally(tally);
  switch (tally.kind) {
    case "nps": {
      const c = tally.counts;
      let detractors = 0;
      for (let s = 0; s <= 6; s++) detractors += c[s]!;
      const counts = { promoters: c[9]! + c[10]!, passives: c[7]! + c[8]!, detractors };
      return { kind: "nps", ...npsFromCounts(counts, options), distribution: [...c] };
    }
    case "csat":
      return csatFromCounts(tally.counts, options);
    case "ces":
      return cesFromCounts(tally.counts, options);
    case "gap":
      return gapFromCounts(tally.counts, tally.scale, options);
  }
}
