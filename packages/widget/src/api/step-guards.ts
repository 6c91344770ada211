import type { Survey } from "@sonde/core";
import { isObject, own } from "./guards.js";

// The steps' guard loads with the prompt's code: a page where no survey is due needs none of it.

const isText = (v: unknown) => typeof v === "string" || isObject(v);

// The kinds the prompt has a body for.
const KINDS = ["nps", "csat", "ces", "gap", "thumbs", "open", "single", "multiple", "thanks"];

function usableStep(step: unknown): boolean {
  if (!isObject(step)) return false;
  const kind = own(step, "kind");
  const choices = own(step, "choices");
  return (
    typeof own(step, "id") === "string" &&
    KINDS.includes(kind as string) &&
    isText(own(step, "question")) &&
    ((kind !== "single" && kind !== "multiple") || (Array.isArray(choices) && choices.length > 0)) &&
    (own(step, "branches") === undefined || Array.isArray(own(step, "branches")))
  );
}

/** Whether each step has what the prompt reads: an id, a kind it has a body for, a question, choices where it lists them. */
export function usableSteps(survey: Survey): boolean {
  return survey.steps.every(usableStep);
}
