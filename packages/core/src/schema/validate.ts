import type { core } from "zod/mini";
import * as z from "zod/mini";
import { type WidgetConfig, widgetConfigSchema } from "./config.js";
import { type Survey, surveySchema } from "./survey.js";
import { type Batch, batchSchema } from "./wire.js";

/** The outcome of validating untrusted input: the parsed value, or readable errors. */
export type Validated<T> = { ok: true; value: T } | { ok: false; errors: string[] };

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
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}${got}`;
    case "too_small":
      return (custom ?? `must be at least ${String(issue.minimum)}${issue.origin === "array" ? " long" : ""}`) + got;
    case "too_big":
      return (custom ?? `must be at most ${String(issue.maximum)}${issue.origin === "array" ? " long" : ""}`) + got;
    case "unrecognized_keys":
      return `has unknown field(s) ${issue.keys.join(", ")}`;
    case "invalid_union": {
      const note = (issue as { note?: string; discriminator?: string }).discriminator;
      if (note) return `has an unknown ${note}${got}`;
      if ("input" in issue && issue.input === undefined) return "is required";
      return custom ?? `does not match any allowed form${got}`;
    }
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

function validate<T>(schema: z.ZodMiniType<T>, input: unknown, root: PropertyKey[]): Validated<T> {
  const result = z.safeParse(schema, input, { reportInput: true });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: formatIssues(result.error.issues, root) };
}

/** Validates a survey list: a bare array or `{ "surveys": [...] }`, as in `surveys.json`. */
export function parseSurveys(input: unknown): Validated<Survey[]> {
  const list =
    input && typeof input === "object" && !Array.isArray(input) && "surveys" in input
      ? (input as { surveys: unknown }).surveys
      : input;
  return validate(z.array(surveySchema()), list, ["surveys"]);
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
