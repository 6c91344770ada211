import type { Answer, QuestionStep } from "@sonde/core";

/** What the person has entered on the current step so far. */
export interface Draft {
  /** The picked point of a rating, `up`/`down`, or the picked choice id; the expected rating of a gap step. */
  pick: number | string | null;
  /** The experienced rating of a gap step. */
  pick2: number | null;
  /** The picked choice ids of a multiple-choice step. */
  picks: string[];
  /** Open text, or the text that goes with "Other". */
  text: string;
}

/** The choice id an "Other" answer is stored under. */
export const OTHER = "other";

/** Open text is capped at the wire format's limit unless the step sets a lower one. */
export const MAX_TEXT = 5000;

/** A draft with nothing entered. */
export const emptyDraft = (): Draft => ({ pick: null, pick2: null, picks: [], text: "" });

/** The character limit of an open-text step. */
export const textLimit = (step: QuestionStep): number => (step.kind === "open" && step.maxLength) || MAX_TEXT;

/** The answer a draft makes for a step, or `undefined` while nothing is entered. */
export function toAnswer(step: QuestionStep, d: Draft): Answer | undefined {
  const v = d.pick;
  const other = d.text.trim();
  switch (step.kind) {
    case "open":
      return other ? { kind: "open", value: other } : undefined;
    case "multiple":
      return d.picks.length
        ? { kind: "multiple", value: d.picks, ...(d.picks.includes(OTHER) && other ? { other } : {}) }
        : undefined;
    case "single":
      return typeof v === "string"
        ? { kind: "single", value: v, ...(v === OTHER && other ? { other } : {}) }
        : undefined;
    case "thumbs":
      return v === "up" || v === "down" ? { kind: "thumbs", value: v } : undefined;
  }
  if (typeof v !== "number") return undefined;
  if (step.kind === "gap")
    return d.pick2 === null ? undefined : { kind: "gap", expected: v, experienced: d.pick2, scale: step.scale ?? 5 };
  return step.kind === "nps"
    ? { kind: "nps", value: v }
    : ({ kind: step.kind, value: v, scale: step.kind === "csat" ? 5 : 7 } as Answer);
}

/** Why a draft may not be submitted yet (a locale string's name). */
export type Problem = "needPick" | "needText" | "tooLong";

/** The message that stops a draft from being submitted, or null when it may go. */
export function problem(step: QuestionStep, d: Draft): Problem | null {
  if (step.kind === "open" && d.text.trim().length > textLimit(step)) return "tooLong";
  const required = step.required ?? step.kind !== "open";
  // Half a gap answer is never sent: both ratings or none.
  const partial = step.kind === "gap" && (d.pick === null) !== (d.pick2 === null);
  if (partial || (required && !toAnswer(step, d))) return step.kind === "open" ? "needText" : "needPick";
  return null;
}
