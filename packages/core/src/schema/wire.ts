import * as z from "zod/mini";
import { cleanString, freeText } from "./clean-text.js";
import { idSchema } from "./id.js";
import { MAX_ANSWERS, MAX_ATTRIBUTES, MAX_BATCH_RESPONSES, WIRE_SCHEMA_VERSION } from "./limits.js";
import { memo } from "./memo.js";

const rating = (min: number, max: number) =>
  z
    .int()
    .check(
      z.gte(min, { error: `must be a whole number from ${min} to ${max}` }),
      z.lte(max, { error: `must be a whole number from ${min} to ${max}` }),
    );

const otherText = () => z.optional(freeText(1000));

/**
 * One answer, self-describing: it carries its kind and scale so that results can be
 * scored without the survey definition, and different scales are never mixed.
 */
export const answerSchema = memo(() =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("nps"), value: rating(0, 10) }),
    z.object({ kind: z.literal("csat"), value: rating(1, 5), scale: z.literal(5) }),
    z.object({ kind: z.literal("ces"), value: rating(1, 7), scale: z.literal(7) }),
    z
      .object({
        kind: z.literal("gap"),
        expected: rating(1, 7),
        experienced: rating(1, 7),
        scale: z.union([z.literal(5), z.literal(7)]),
      })
      .check(
        z.refine((a) => a.expected <= a.scale && a.experienced <= a.scale, {
          error: "expected and experienced must not exceed the scale",
        }),
      ),
    z.object({ kind: z.literal("thumbs"), value: z.enum(["up", "down"]) }),
    z.object({ kind: z.literal("open"), value: freeText(5000) }),
    z.object({ kind: z.literal("single"), value: idSchema(), other: otherText() }),
    z.object({
      kind: z.literal("multiple"),
      value: z.array(idSchema()).check(z.maxLength(100)),
      other: otherText(),
    }),
  ]),
);

export type Answer = z.infer<ReturnType<typeof answerSchema>>;

const atMost = (max: number, what: string) =>
  z.refine<Record<string, unknown>>((record) => Object.keys(record).length <= max, {
    error: `must hold at most ${max} ${what}`,
  });

/** Attributes describing the person or context: flat and JSON-safe, at most `MAX_ATTRIBUTES` of them. */
export const attributesSchema = memo(() =>
  z
    .record(cleanString(64).check(z.minLength(1)), z.union([freeText(512), z.number(), z.boolean(), z.null()]))
    .check(atMost(MAX_ATTRIBUTES, "attributes")),
);

/**
 * Where and how the answer was given. `locale` is the language the prompt was shown in;
 * `browserLocale` the respondent's own language tag (the browser's first preference).
 */
export const contextSchema = memo(() =>
  z.object({
    url: cleanString(2048),
    locale: z.optional(cleanString(35)),
    browserLocale: z.optional(cleanString(35)),
    device: z.optional(z.enum(["mobile", "tablet", "desktop"])),
    attributes: z.optional(attributesSchema()),
  }),
);

const timestamp = () => z.int().check(z.gte(0, { error: "must be a time in milliseconds since 1970" }));

/**
 * One response: all answers a person gave to one showing of a survey. Multi-step surveys
 * send it again as it grows; `revision` goes up each time and the highest revision wins.
 */
export const responseSchema = memo(() =>
  z.object({
    id: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "must be 8–64 letters, digits, '_' or '-'" })),
    surveyId: idSchema(),
    surveyVersion: z.optional(z.int().check(z.gte(1))),
    revision: z.int().check(z.gte(0), z.lte(10_000)),
    completed: z.boolean(),
    answers: z.record(idSchema(), answerSchema()).check(atMost(MAX_ANSWERS, "answers")),
    createdAt: timestamp(),
    updatedAt: timestamp(),
    anonymousId: cleanString(128).check(z.minLength(1)),
    userId: z.optional(z.nullable(cleanString(256).check(z.minLength(1)))),
    context: contextSchema(),
    schemaVersion: z.literal(WIRE_SCHEMA_VERSION),
  }),
);

export type SurveyResponse = z.infer<ReturnType<typeof responseSchema>>;

/** What the widget POSTs to the endpoint. */
export const batchSchema = memo(() =>
  z.object({
    responses: z
      .array(responseSchema())
      .check(
        z.minLength(1, { error: "must hold at least one response" }),
        z.maxLength(MAX_BATCH_RESPONSES, { error: `must hold at most ${MAX_BATCH_RESPONSES} responses` }),
      ),
  }),
);

export type Batch = z.infer<ReturnType<typeof batchSchema>>;
