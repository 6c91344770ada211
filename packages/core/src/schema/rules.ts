import * as z from "zod/mini";
import { memo } from "./memo.js";

/** How a URL condition compares. */
export const URL_MATCHES = ["exact", "contains", "startsWith", "endsWith", "glob", "regex"] as const;

/** A condition on one part of the page URL; `not` negates it. */
export const urlConditionSchema = memo(() =>
  z.object({
    match: z.enum(URL_MATCHES),
    value: z.string(),
    /** Which part of the URL to test (default `path`). */
    part: z.optional(z.enum(["href", "path", "query", "hash"])),
    not: z.optional(z.boolean()),
  }),
);

export type UrlCondition = z.infer<ReturnType<typeof urlConditionSchema>>;

/** A page view whose URL passes the conditions (all of them by default, or any). */
export const pageviewTriggerSchema = memo(() =>
  z.object({
    type: z.literal("pageview"),
    url: z.optional(z.array(urlConditionSchema())),
    urlMatch: z.optional(z.enum(["all", "any"])),
  }),
);

/** When a survey may show. */
export const triggerSchema = memo(() => z.discriminatedUnion("type", [pageviewTriggerSchema()]));

export type Trigger = z.infer<ReturnType<typeof triggerSchema>>;

/** The rules that decide whether a survey shows now. */
export const rulesSchema = memo(() =>
  z.object({
    triggers: z.optional(z.array(triggerSchema())),
  }),
);

export type Rules = z.infer<ReturnType<typeof rulesSchema>>;
