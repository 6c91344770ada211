import * as z from "zod/mini";
import { memo } from "./memo.js";

/** How a URL condition compares. */
export const URL_MATCHES = ["exact", "contains", "startsWith", "endsWith", "glob", "regex"] as const;

/** The parts of a URL a condition can test. */
export const URL_PARTS = ["href", "path", "query", "hash"] as const;

/** A condition on one part of the page URL (`path` by default); `not` negates it. */
export const urlConditionSchema = memo(() =>
  z
    .object({
      match: z.enum(URL_MATCHES),
      value: z.string(),
      part: z.optional(z.enum(URL_PARTS)),
      not: z.optional(z.boolean()),
    })
    .check(
      z.superRefine((c, ctx) => {
        // A path always starts with "/", a query with "?", a hash with "#": `exact: "docs"` never matches.
        const lead = c.part === "query" ? "?" : c.part === "hash" ? "#" : c.part === "href" ? "" : "/";
        const anchored = c.match === "exact" || c.match === "startsWith" || (c.match === "glob" && c.value[0] !== "*");
        if (lead && anchored && c.value[0] !== lead && (lead === "/" || c.value)) {
          ctx.addIssue({
            code: "custom",
            message: `must start with "${lead}" (got ${JSON.stringify(c.value)}); did you mean "${lead}${c.value}"?`,
            path: ["value"],
          });
        }
        if (c.match !== "regex") return;
        try {
          new RegExp(c.value);
        } catch (e) {
          // The engine's reason ("Unterminated group") is the useful part of its message.
          const why = String((e as Error).message).replace(/^.*: /, "");
          ctx.addIssue({ code: "custom", message: `is not a valid regular expression: ${why}`, path: ["value"] });
        }
      }),
    ),
);

export type UrlCondition = z.infer<ReturnType<typeof urlConditionSchema>>;

/** The operators of attribute and event-property conditions. */
export const OPERATORS = ["eq", "neq", "gt", "gte", "lt", "lte", "contains", "in", "exists"] as const;

const scalar = memo(() => z.union([z.string(), z.number(), z.boolean()]));

/**
 * A condition on one user attribute or event property, told apart by `op`:
 * `eq`/`neq` compare with `===`; `gt`…`lte` need numbers; `contains` tests a substring;
 * `in` a list of values; `exists` (default `true`) whether the key has a non-null value.
 */
export const conditionSchema = memo(() => {
  const key = z.string().check(z.minLength(1));
  return z.discriminatedUnion("op", [
    z.object({ key, op: z.literal(["eq", "neq"]), value: scalar() }),
    z.object({ key, op: z.literal(["gt", "gte", "lt", "lte"]), value: z.number() }),
    z.object({ key, op: z.literal("contains"), value: z.string() }),
    z.object({
      key,
      op: z.literal("in"),
      value: z.array(scalar()).check(z.minLength(1, { error: "must list at least one value" })),
    }),
    z.object({ key, op: z.literal("exists"), value: z.optional(z.boolean()) }),
  ]);
});

export type Condition = z.infer<ReturnType<typeof conditionSchema>>;
export type Operator = Condition["op"];
