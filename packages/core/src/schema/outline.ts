import * as z from "zod/mini";
import { idSchema } from "./id.js";
import { memo } from "./memo.js";
import { wholeNumber } from "./number.js";
import { rulesSchema } from "./rules.js";
import { localeTagSchema } from "./text.js";

// A plain pattern plus Date.parse instead of z.iso: zod's format machinery costs the browser bundle ~1 KB.
const isoDateTime = () =>
  z.string().check(
    z.refine(
      (v) => /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(v) && !Number.isNaN(Date.parse(v)),
      {
        error: "must be an ISO 8601 date-time such as 2026-01-31T09:00:00Z",
      },
    ),
  );

// What the rules need of a survey: everything but its steps and appearance.
export const outlineFields = () => ({
  id: idSchema(),
  version: z.optional(wholeNumber().check(z.gte(1, { error: "must be 1 or more" }))),
  name: z.optional(z.string()),
  defaultLocale: z.optional(localeTagSchema()),
  priority: z.optional(wholeNumber()),
  schedule: z.optional(
    z.object({
      start: z.optional(isoDateTime()),
      end: z.optional(isoDateTime()),
    }),
  ),
  rules: z.optional(rulesSchema()),
});

/**
 * A survey as the rules see it: its id, schedule, priority and rules checked in full, its steps
 * and appearance left as given. A browser checks a survey's steps only when it is about to show
 * (`surveySchema`): a page where no survey is due never builds the step schemas.
 */
export const surveyOutlineSchema = memo(() =>
  z.object({
    ...outlineFields(),
    steps: z.array(z.unknown()).check(z.minLength(1, { error: "must have at least one step" })),
    appearance: z.optional(z.unknown()),
  }),
);

export type SurveyOutline = z.infer<ReturnType<typeof surveyOutlineSchema>>;

// Display history is kept per survey id, so ids must be unique in a list.
export const uniqueIds = <T extends { id: string }>(item: z.ZodMiniType<T>) =>
  z.array(item).check(
    z.superRefine((surveys, ctx) => {
      const seen = new Set<string>();
      surveys.forEach((s, i) => {
        if (seen.has(s.id)) ctx.addIssue({ code: "custom", message: `duplicate survey id "${s.id}"`, path: [i, "id"] });
        seen.add(s.id);
      });
    }),
  );

/** A list of survey outlines (see `surveyOutlineSchema`), ids unique. */
export const surveyOutlineListSchema = memo(() => uniqueIds(surveyOutlineSchema()));
