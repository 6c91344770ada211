import type { Answer } from "@sonde/core";

/** The answers results score: NPS, CSAT, CES and gap. */
export type ScoredAnswer = Extract<Answer, { kind: "nps" | "csat" | "ces" | "gap" }>;

/** The scored answers of a response, as the JSON stored beside its body (`{}` when none). */
export function scoredJson(answers: Record<string, Answer>): string {
  const scored: Record<string, Answer> = {};
  for (const [stepId, a] of Object.entries(answers)) {
    if (a.kind === "nps" || a.kind === "csat" || a.kind === "ces" || a.kind === "gap") scored[stepId] = a;
  }
  return JSON.stringify(scored);
}
