import * as z from "zod/mini";
import { alertListSchema, alertStepIssues } from "./alerts.js";
import { isCssColor } from "./css-color.js";
import { MAX_ANSWERS } from "./limits.js";
import { memo } from "./memo.js";
import { wholeNumber } from "./number.js";
import { outlineFields, uniqueIds } from "./outline.js";
import { END, stepSchema } from "./steps.js";

/** Where the prompt appears. `inline` renders into the element matched by `selector`. */
export const POSITIONS = ["bottom-right", "bottom-left", "center", "top-banner", "bottom-banner", "inline"] as const;

// `brand: "blue-ish"` would silently fall back to the default colour on the page.
const color = () =>
  z.optional(
    z
      .string()
      .check(
        z.maxLength(64),
        z.refine(isCssColor, { error: "must be a CSS colour such as #4f46e5, rgb(79 70 229) or indigo" }),
      ),
  );

/** Theme overrides; every value is a CSS value. */
export const themeSchema = memo(() =>
  z.object({
    mode: z.optional(z.enum(["light", "dark", "auto"])),
    brand: color(),
    text: color(),
    background: color(),
    radius: z.optional(z.string().check(z.maxLength(32))),
    font: z.optional(z.string().check(z.maxLength(256))),
    zIndex: z.optional(wholeNumber()),
  }),
);

export type Theme = z.infer<ReturnType<typeof themeSchema>>;

/** How and where the prompt looks. */
export const appearanceSchema = memo(() =>
  z
    .object({
      position: z.optional(z.enum(POSITIONS)),
      selector: z.optional(z.string().check(z.minLength(1))),
      theme: z.optional(themeSchema()),
    })
    .check(
      z.refine((a) => a.position !== "inline" || !!a.selector, {
        error: "an inline survey needs a selector",
        path: ["selector"],
      }),
    ),
);

// A survey whose alerts are checked by the given schema (see `surveySchema` and `shownSurveySchema`).
const surveyWith = <A extends z.core.SomeType>(alerts: A) =>
  z
    .object({
      ...outlineFields(),
      steps: z
        .array(stepSchema())
        .check(
          z.minLength(1, { error: "must have at least one step" }),
          z.maxLength(MAX_ANSWERS, { error: `must have at most ${MAX_ANSWERS} steps` }),
        ),
      appearance: z.optional(appearanceSchema()),
      alerts: z.optional(alerts),
    })
    .check(
      z.superRefine((survey, ctx) => {
        const ids = new Set<string>();
        survey.steps.forEach((step, i) => {
          if (ids.has(step.id)) {
            ctx.addIssue({ code: "custom", message: `duplicate step id "${step.id}"`, path: ["steps", i, "id"] });
          }
          ids.add(step.id);
        });
        survey.steps.forEach((step, i) => {
          if (step.kind === "thanks") return;
          const targets: [string, (string | number)[]][] = [];
          if (step.next) targets.push([step.next, ["steps", i, "next"]]);
          step.branches?.forEach((b, j) => {
            targets.push([b.goto, ["steps", i, "branches", j, "goto"]]);
          });
          for (const [target, path] of targets) {
            if (target !== END && !ids.has(target)) {
              ctx.addIssue({
                code: "custom",
                message: `goes to a step that does not exist ("${target}"); use a step id or "${END}"`,
                path,
              });
            }
          }
        });
      }),
    );

/** A survey: its steps, its texts in any languages, the rules for when it shows, and its alerts. */
export const surveySchema = memo(() =>
  surveyWith(alertListSchema()).check(
    z.superRefine((survey, ctx) => {
      for (const issue of alertStepIssues(survey.alerts ?? [], survey.steps))
        ctx.addIssue({ code: "custom", ...issue });
    }),
  ),
);

/**
 * A survey as a page checks it before showing it: its alerts are left unchecked, as nothing on
 * the page reads them (the collector serves definitions without them) and their checks would add
 * ~0.9 KB gzip to every prompt.
 */
export const shownSurveySchema = memo(() => surveyWith(z.unknown()));

export type Survey = z.infer<ReturnType<typeof surveySchema>>;

/** A survey as written (JSON or inline in `init()`): what the schema accepts, before defaults. */
export type SurveyInput = z.input<ReturnType<typeof surveySchema>>;

/** A list of surveys; survey ids must be unique, as display history is kept per id. */
export const surveyListSchema = memo(() => uniqueIds(surveySchema()));

/** A surveys file: `{ "surveys": [...] }`, with the `$schema` editors read. Built on each call: only entrances use it. */
export const surveysFileSchema = () => z.object({ $schema: z.optional(z.string()), surveys: surveyListSchema() });
