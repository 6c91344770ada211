import type { Alert, AlertCondition } from "../schema/alerts.js";
import type { Answer } from "../schema/wire.js";
import { explainConditions } from "./conditions.js";

/** What alerts read of a response: its answers, and the attributes of the person who gave them. */
export interface AlertInput {
  answers: Readonly<Record<string, Answer>>;
  attributes?: Readonly<Record<string, unknown>>;
}

/** An alert that a response fires, and why, one line per condition that held (`score: NPS 3, a detractor`). */
export interface FiredAlert {
  alert: Alert;
  reasons: string[];
}

/** The NPS category of a score: 0–6 detractor, 7–8 passive, 9–10 promoter. */
export function npsCategory(score: number): "detractor" | "passive" | "promoter" {
  return score <= 6 ? "detractor" : score <= 8 ? "passive" : "promoter";
}

/** Lower case without accents, so that "Équipe" holds "equipe". */
const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

const inBand = (value: number, c: { min?: number; max?: number }) =>
  (c.min === undefined || value >= c.min) && (c.max === undefined || value <= c.max);

/** Why one answer passes a condition, or undefined when it does not (or is of another kind). */
function answerReason(c: AlertCondition, a: Answer): string | undefined {
  switch (c.type) {
    case "nps": {
      if (a.kind !== "nps" || !inBand(a.value, c)) return undefined;
      const category = npsCategory(a.value);
      const wanted = c.category === undefined || (typeof c.category === "string" ? [c.category] : c.category);
      return wanted === true || wanted.includes(category) ? `NPS ${a.value}, a ${category}` : undefined;
    }
    case "csat":
    case "ces":
      return a.kind === c.type && inBand(a.value, c) ? `${c.type.toUpperCase()} ${a.value} of ${a.scale}` : undefined;
    case "gap":
      return a.kind === "gap" && a.expected - a.experienced >= (c.by ?? 1)
        ? `experienced ${a.experienced}, expected ${a.expected} (of ${a.scale})`
        : undefined;
    case "thumbs":
      return a.kind === "thumbs" && a.value === (c.value ?? "down") ? `thumbs ${a.value}` : undefined;
    case "comment": {
      if (a.kind !== "open" || a.value.trim() === "") return undefined;
      if (!c.words) return "a comment";
      const text = fold(a.value);
      const word = c.words.find((w) => text.includes(fold(w)));
      return word === undefined ? undefined : `a comment with "${word}"`;
    }
  }
}

/** Why a condition holds for a response (`score: NPS 3, a detractor`), or undefined. */
function conditionReason(c: AlertCondition, answers: Readonly<Record<string, Answer>>): string | undefined {
  if (c.step !== undefined) {
    const answer = Object.hasOwn(answers, c.step) ? answers[c.step] : undefined;
    const why = answer && answerReason(c, answer);
    return why && `${c.step}: ${why}`;
  }
  for (const [stepId, answer] of Object.entries(answers)) {
    const why = answerReason(c, answer);
    if (why) return `${stepId}: ${why}`;
  }
  return undefined;
}

/** Why an alert fires for a response, a line per condition that held; null when it does not fire. */
export function alertReasons(alert: Alert, response: AlertInput): string[] | null {
  const reasons: string[] = [];
  for (const c of alert.when) {
    const why = conditionReason(c, response.answers);
    if (why) reasons.push(why);
    else if (alert.match !== "any") return null;
  }
  if (reasons.length === 0) return null;
  if (alert.attributes && explainConditions(alert.attributes, response.attributes, alert.attributesMatch) !== undefined)
    return null;
  return reasons;
}

/** The alerts a stored response fires, in the order they are defined. Pure: the collector calls it as it stores. */
export function firedAlerts(alerts: readonly Alert[] | undefined, response: AlertInput): FiredAlert[] {
  const fired: FiredAlert[] = [];
  for (const alert of alerts ?? []) {
    const reasons = alertReasons(alert, response);
    if (reasons) fired.push({ alert, reasons });
  }
  return fired;
}
