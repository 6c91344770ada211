import type { core } from "zod/mini";
import * as z from "zod/mini";
import { type WidgetConfig, widgetConfigSchema } from "./config.js";
import { type SurveyOutline, surveyOutlineListSchema } from "./outline.js";
import { formatPath } from "./path.js";
import { type Batch, batchSchema } from "./wire.js";

/**
 * The outcome of validating untrusted input: the parsed value, or readable errors.
 * Unknown fields are dropped from `value` and listed in `warnings`, so that an older SDK
 * still works with definitions written for a newer one.
 */
export type Validated<T> = { ok: true; value: T; warnings: string[] } | { ok: false; errors: string[] };

// Parsing drops fields the schema does not know; whatever is in the input but not in the
// output was dropped. Records keep their keys and unions keep their branch, so this is exact.
function dropped(input: unknown, output: unknown, path: PropertyKey[], out: string[]): string[] {
  if (input && output && typeof input === "object" && typeof output === "object")
    for (const key of Object.keys(input)) {
      const at = [...path, Array.isArray(input) ? Number(key) : key];
      if (key in output) dropped((input as never)[key], (output as never)[key], at, out);
      else out.push(`${formatPath(at)}: unknown field, ignored`);
    }
  return out;
}

/**
 * Like `Validated`, but a failure keeps zod's issues unformatted: `formatIssues(issues, root)`
 * turns them into lines. The browser formats only when something is wrong, in a lazy chunk.
 */
export type Checked<T> =
  | { ok: true; value: T; warnings: string[] }
  | { ok: false; issues: core.$ZodIssue[]; root: PropertyKey[] };

/** How a check treats input; by default unknown fields are dropped with a warning. */
export interface CheckOptions {
  /**
   * Makes unknown fields errors: pass `unknownFieldIssues` from `@sonde/core`, which names each one
   * with the key it was probably meant to be. The entrances (collector, CLI) do; pages do not.
   */
  unknownFields?: (schema: z.ZodMiniType, input: unknown, root: readonly PropertyKey[]) => core.$ZodIssue[];
}

export function check<T>(
  schema: z.ZodMiniType<T>,
  input: unknown,
  root: PropertyKey[],
  options: CheckOptions = {},
): Checked<T> {
  const result = z.safeParse(schema, input, { reportInput: true });
  const unknown = options.unknownFields?.(schema, input, root) ?? [];
  if (!result.success || unknown.length) {
    return { ok: false, issues: [...(result.success ? [] : result.error.issues), ...unknown], root };
  }
  return { ok: true, value: result.data, warnings: dropped(input, result.data, root, []) };
}

/** The list inside survey definitions: a bare array or `{ "surveys": [...] }`. */
export function surveyList(input: unknown): unknown {
  return input && typeof input === "object" && !Array.isArray(input) && "surveys" in input
    ? (input as { surveys: unknown }).surveys
    : input;
}

/**
 * Checks survey definitions as far as the rules need them (see `surveyOutlineSchema`): steps
 * and appearance are checked, with `checkSurvey`, once a survey is about to show.
 */
export function checkSurveyOutlines(input: unknown): Checked<SurveyOutline[]> {
  return check(surveyOutlineListSchema(), surveyList(input), ["surveys"]);
}

/** `parseBatch` with unformatted issues. */
export function checkBatch(input: unknown, options?: CheckOptions): Checked<Batch> {
  return check(batchSchema(), input, [], options);
}

/** `parseConfig` with unformatted issues. */
export function checkConfig(input: unknown, options?: CheckOptions): Checked<WidgetConfig> {
  return check(widgetConfigSchema(), input, ["config"], options);
}
