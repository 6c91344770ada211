import * as z from "zod/mini";
import { idSchema } from "./id.js";
import { memo } from "./memo.js";
import { wholeNumber } from "./number.js";
import { textSchema } from "./text.js";

export { END, SCALES, THANKS_CLOSE_AFTER } from "./step-constants.js";

/**
 * A branch: when the answer falls in a score band (`min`..`max`, inclusive) or is one of
 * the listed choices, go to `goto`. The first matching branch wins.
 */
export const branchSchema = memo(() =>
  z.object({
    // Choices first: the score band's fields are all optional, so it would take (and strip) any object.
    when: z.union([
      z.object({
        choices: z.array(idSchema()).check(z.minLength(1, { error: "must list at least one choice id" })),
      }),
      z
        .object({
          min: z.optional(z.number()),
          max: z.optional(z.number()),
        })
        .check(
          z.refine((band) => band.min !== undefined || band.max !== undefined, {
            error: "needs choices, or a score band with min and/or max",
          }),
        ),
    ]),
    goto: z.string().check(z.minLength(1)),
  }),
);

const common = () => ({
  id: idSchema(),
  question: textSchema(),
  description: z.optional(textSchema()),
  /** Whether the step must be answered before moving on (default true, except open text). */
  required: z.optional(z.boolean()),
  /** Branches evaluated in order; without a match the survey goes to `next` or the following step. */
  branches: z.optional(z.array(branchSchema())),
  next: z.optional(z.string().check(z.minLength(1))),
});

const scaleLabels = () => ({
  lowLabel: z.optional(textSchema()),
  highLabel: z.optional(textSchema()),
});

/** Net Promoter question: 0–10. */
export const npsStepSchema = memo(() => z.object({ kind: z.literal("nps"), ...common(), ...scaleLabels() }));

/** Customer satisfaction: 1–5, shown as numbers, emoji or stars. */
export const csatStepSchema = memo(() =>
  z.object({
    kind: z.literal("csat"),
    ...common(),
    ...scaleLabels(),
    display: z.optional(z.enum(["numbers", "emoji", "stars"])),
  }),
);

/** Customer effort: 1–7 agreement with "… made it easy for me". */
export const cesStepSchema = memo(() => z.object({ kind: z.literal("ces"), ...common(), ...scaleLabels() }));

/** Expectation vs experience: two ratings on the same 1–5 or 1–7 scale. */
export const gapStepSchema = memo(() =>
  z.object({
    kind: z.literal("gap"),
    ...common(),
    ...scaleLabels(),
    scale: z.optional(z.union([z.literal(5), z.literal(7)])),
    expectedLabel: z.optional(textSchema()),
    experiencedLabel: z.optional(textSchema()),
  }),
);

/** Thumbs up or down. */
export const thumbsStepSchema = memo(() => z.object({ kind: z.literal("thumbs"), ...common() }));

/** Free text with a character limit. */
export const openStepSchema = memo(() =>
  z.object({
    kind: z.literal("open"),
    ...common(),
    placeholder: z.optional(textSchema()),
    maxLength: z.optional(
      wholeNumber().check(z.gte(1, { error: "must be at least 1" }), z.lte(5000, { error: "must be at most 5000" })),
    ),
  }),
);

/** One choice of a single/multiple choice step. */
export const choiceSchema = memo(() => z.object({ id: idSchema(), label: textSchema() }));

const choiceFields = () => ({
  // A multiple-choice answer lists at most 100 choice ids.
  choices: z
    .array(choiceSchema())
    .check(
      z.minLength(1, { error: "must offer at least one choice" }),
      z.maxLength(100, { error: "must offer at most 100 choices" }),
    ),
  /** Adds an "Other" option with a text field. */
  other: z.optional(z.boolean()),
});

/** Pick one. */
export const singleStepSchema = memo(() => z.object({ kind: z.literal("single"), ...common(), ...choiceFields() }));

/** Pick any number. */
export const multipleStepSchema = memo(() => z.object({ kind: z.literal("multiple"), ...common(), ...choiceFields() }));

/** The closing thank-you, with an optional link. Ends the survey. */
export const thanksStepSchema = memo(() =>
  z.object({
    kind: z.literal("thanks"),
    id: idSchema(),
    question: textSchema(),
    description: z.optional(textSchema()),
    /** Seconds until it closes by itself (paused while hovered or focused); `false` keeps it until closed. */
    closeAfter: z.optional(
      z.union([z.number().check(z.gte(1), z.lte(600)), z.literal(false)], {
        error: "must be a number of seconds from 1 to 600, or false to keep the thank-you open",
      }),
    ),
    link: z.optional(
      z.object({
        url: z.string().check(z.regex(/^https?:\/\/[^\s]+$/, { error: "must be an http(s) URL" })),
        label: textSchema(),
      }),
    ),
  }),
);

/** Any step of a survey, told apart by `kind`. */
export const stepSchema = memo(() =>
  z.discriminatedUnion("kind", [
    npsStepSchema(),
    csatStepSchema(),
    cesStepSchema(),
    gapStepSchema(),
    thumbsStepSchema(),
    openStepSchema(),
    singleStepSchema(),
    multipleStepSchema(),
    thanksStepSchema(),
  ]),
);

export type Step = z.infer<ReturnType<typeof stepSchema>>;
export type StepKind = Step["kind"];
export type QuestionStep = Exclude<Step, { kind: "thanks" }>;
export type Branch = z.infer<ReturnType<typeof branchSchema>>;
export type Choice = z.infer<ReturnType<typeof choiceSchema>>;
