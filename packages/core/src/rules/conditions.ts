import type { Condition } from "../schema/conditions.js";
import { wanted } from "./reasons.js";

/**
 * Whether a value passes a condition. A missing (undefined or null) value passes only
 * `exists: false`; every other operator, `neq` included, fails on it. Types are not coerced:
 * `"42"` is not greater than 30.
 */
export function matchCondition(condition: Condition, value: unknown): boolean {
  const { op, value: want } = condition;
  if (op === "exists") return (value != null) === (want ?? true);
  if (value == null) return false;
  if (op === "eq") return value === want;
  if (op === "neq") return value !== want;
  if (op === "in") return want.includes(value as never);
  if (op === "contains") return typeof value === "string" && value.includes(want);
  // gt, gte, lt, lte: the first letter picks the direction, a third letter ("e") admits equality.
  return (
    typeof value === "number" &&
    ((op[0] === "g" ? value > (want as number) : value < (want as number)) || (!!op[2] && value === want))
  );
}

/**
 * Why a group of conditions fails on the given values, in words (`plan "free", wanted eq "pro"`):
 * with `all` (default) the first failure, with `any` every failure as none holds. Undefined
 * when the group holds; an empty group holds.
 */
export function explainConditions(
  conditions: readonly Condition[],
  values: Readonly<Record<string, unknown>> | undefined,
  match?: "all" | "any",
): string | undefined {
  const failures: string[] = [];
  for (const c of conditions) {
    const value = values?.[c.key];
    if (matchCondition(c, value)) {
      if (match === "any") return undefined;
    } else
      failures.push(
        wanted(c.key, value == null ? value : JSON.stringify(value), `${c.op} ${JSON.stringify(c.value ?? true)}`),
      );
  }
  return match === "any" ? failures.join(" or ") || undefined : failures[0];
}
