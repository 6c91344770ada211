import { END } from "../schema/step-constants.js";
import type { Step } from "../schema/steps.js";
import type { Answer } from "../schema/wire.js";

/** The number a score band tests: the rating, or for a gap the experience rating. */
function score(answer: Answer): number | undefined {
  if (answer.kind === "gap") return answer.experienced;
  return typeof answer.value === "number" ? answer.value : undefined;
}

/** The choice ids a choice branch tests: the picked choices, or `up`/`down` for thumbs. */
function picked(answer: Answer): readonly string[] {
  if (answer.kind === "single" || answer.kind === "thumbs") return [answer.value];
  return answer.kind === "multiple" ? answer.value : [];
}

/**
 * The step after `step` given its answer: the first matching branch (score band `min`..`max`
 * inclusive, or any of the listed choices), else `next`, else the following step. Null ends the
 * survey (`"end"`, the last step, or a thank-you step).
 */
export function nextStep(steps: readonly Step[], step: Step, answer: Answer | undefined): Step | null {
  if (step.kind === "thanks") return null;
  const byId = (id: string) => (id === END ? null : (steps.find((s) => s.id === id) ?? null));
  for (const { when, goto } of step.branches ?? []) {
    if (!answer) break;
    if ("choices" in when) {
      if (picked(answer).some((id) => when.choices.includes(id))) return byId(goto);
    } else {
      const value = score(answer);
      if (value !== undefined && value >= (when.min ?? -Infinity) && value <= (when.max ?? Infinity)) return byId(goto);
    }
  }
  if (step.next) return byId(step.next);
  return steps[steps.indexOf(step) + 1] ?? null;
}

/**
 * How far along its path a survey is. `path` holds the ids of the questions shown so far, the
 * current one last: `n` is its number, and `total` adds the questions still ahead on the default
 * route from it (`next` or the following step, as when the current step is skipped; not branch
 * targets), up to `end` or a thank-you step, which does not count. A route that comes back to a
 * question counted already stops there. Recompute on each step: a branch can shorten or lengthen it.
 */
export function pathProgress(steps: readonly Step[], path: readonly string[]): { n: number; total: number } {
  const n = path.length;
  const seen = new Set(path);
  let ahead = 0;
  let step = steps.find((s) => s.id === path[n - 1]) ?? null;
  while (step) {
    step = nextStep(steps, step, undefined);
    if (!step || step.kind === "thanks" || seen.has(step.id)) break;
    seen.add(step.id);
    ahead++;
  }
  return { n, total: n + ahead };
}
