import type { core } from "zod/mini";
import * as z from "zod/mini";
import { type WidgetConfig, widgetConfigSchema } from "./config.js";
import { type Survey, surveyListSchema, surveySchema } from "./survey.js";
import { type Batch, batchSchema } from "./wire.js";

/**
 * The outcome of validating untrusted input: the parsed value, or readable errors.
 * Unknown fields are dropped from `value` and listed in `warnings`, so that an older SDK
 * still works with definitions written for a newer one.
 */
export type Validated<T> = { ok: true; value: T; warnings: string[] } | { ok: false; errors: string[] };

/** `["surveys", 2, "rules"]` → `surveys[2].rules`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

const TYPE_NAMES: Record<string, string> = {
  int: "a whole number",
  object: "an object",
  record: "an object",
  array: "an array",
};

/** `must be one of "a", "b" (got "c")`, or `must be 1 (got 2)` for a single value. */
function oneOf(values: readonly unknown[], input: unknown): string {
  return `must be ${values.length > 1 ? "one of " : ""}${values.map((v) => JSON.stringify(v)).join(", ")} (got ${show(input)})`;
}

// What a length counts, by what was measured.
const UNITS: Record<string, string> = { string: " characters", array: " items" };

function describe(issue: core.$ZodIssue): string {
  const got = "input" in issue ? ` (got ${show(issue.input)})` : "";
  // Our own checks carry a sentence; zod's built-in ones say only "Invalid input".
  const custom = issue.message && !/^Invalid/.test(issue.message) ? issue.message : undefined;
  switch (issue.code) {
    case "invalid_type": {
      const expected = TYPE_NAMES[issue.expected] ?? `a ${issue.expected}`;
      if (custom) return custom + got;
      return "input" in issue && issue.input === undefined ? `is required (${expected})` : `must be ${expected}${got}`;
    }
    case "invalid_value":
      return oneOf(issue.values, issue.input);
    case "too_small": {
      const unit = UNITS[issue.origin] ?? "";
      return (
        (custom ?? (unit && issue.minimum === 1 ? "must not be empty" : `must be at least ${issue.minimum}${unit}`)) +
        got
      );
    }
    case "too_big":
      return (custom ?? `must be at most ${issue.maximum}${UNITS[issue.origin] ?? ""}`) + got;
    case "unrecognized_keys":
      return `has unknown field(s) ${issue.keys.join(", ")}`;
    case "invalid_union": {
      const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
      if (discriminator && options) return oneOf(options, (issue.input as Record<string, unknown>)?.[discriminator]);
      if ("input" in issue && issue.input === undefined) return "is required";
      return custom ?? `does not match any allowed form${got}`;
    }
    case "custom":
      // A cross-field check says what it saw; the input zod reports for it is the whole object.
      return (custom ?? "is invalid") + (typeof issue.input === "object" ? "" : got);
    default:
      return (custom ?? "is invalid") + got;
  }
}

/** Turns zod issues into lines such as `surveys[2].steps[0].kind: has an unknown kind (got "stars")`. */
export function formatIssues(issues: readonly core.$ZodIssue[], root: readonly PropertyKey[] = []): string[] {
  return issues.map((issue) => {
    const path = formatPath([...root, ...issue.path]);
    return `${path || "(root)"}: ${describe(issue)}`;
  });
}

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

function validate<T>(schema: z.ZodMiniType<T>, input: unknown, root: PropertyKey[]): Validated<T> {
  const result = z.safeParse(schema, input, { reportInput: true });
  return result.success
    ? { ok: true, value: result.data, warnings: dropped(input, result.data, root, []) }
    : { ok: false, errors: formatIssues(result.error.issues, root) };
}

/**
 * Validates a survey list: a bare array or `{ "surveys": [...] }`, as in `surveys.json`
 * (other top-level keys of that object, such as `$schema`, are ignored).
 */
export function parseSurveys(input: unknown): Validated<Survey[]> {
  const list =
    input && typeof input === "object" && !Array.isArray(input) && "surveys" in input
      ? (input as { surveys: unknown }).surveys
      : input;
  return validate(surveyListSchema(), list, ["surveys"]);
}

/** Validates one survey definition. */
export function parseSurvey(input: unknown): Validated<Survey> {
  return validate(surveySchema(), input, ["survey"]);
}

/** Validates a batch of responses as the endpoint receives it. */
export function parseBatch(input: unknown): Validated<Batch> {
  return validate(batchSchema(), input, []);
}

/** Validates the widget configuration given to `init()`. */
export function parseConfig(input: unknown): Validated<WidgetConfig> {
  return validate(widgetConfigSchema(), input, ["config"]);
}
