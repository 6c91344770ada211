// Turning zod issues into lines that name the path and say what was wrong. A module of its own:
// the browser needs it only when something is invalid, and then loads it lazily.
import type { core } from "zod/mini";
import { formatPath } from "./path.js";

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
    case "invalid_key": {
      // A record's key: say what is wrong with it, not only that it is.
      const inner = issue.issues[0];
      return inner ? `key ${describe(inner)}` : `has an invalid key${got}`;
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
