import * as z from "zod/mini";
import { conditionSchema } from "./conditions.js";
import { idSchema } from "./id.js";
import { memo } from "./memo.js";
import { wholeNumber } from "./number.js";
import { SCALES, type Step } from "./steps.js";

// Alerts run in the collector, never on the page: the collector strips them from the definitions
// it serves, so their webhook URLs stay private.

/** The NPS categories: 0–6, 7–8, 9–10. */
export const NPS_CATEGORIES = ["detractor", "passive", "promoter"] as const;

/** How a webhook's body is written: Sonde's signed JSON, or a Slack incoming-webhook message. */
export const ALERT_FORMATS = ["standard", "slack"] as const;

/** The most alerts one survey may define, and conditions one alert may hold. */
const MAX_ALERTS = 20;
const MAX_CONDITIONS = 20;

const stepRef = () => z.optional(idSchema());

/** A score band on a scale: `min` and/or `max`, inclusive, within the scale's points. */
const band = (low: number, high: number) => {
  const point = () =>
    z.optional(
      wholeNumber().check(
        z.gte(low, { error: `must be a whole number from ${low} to ${high}` }),
        z.lte(high, { error: `must be a whole number from ${low} to ${high}` }),
      ),
    );
  return { min: point(), max: point() };
};

const bandChecks = <T extends { min?: number; max?: number }>(needs: (c: T) => boolean, error: string) => [
  z.refine<T>(needs, { error }),
  z.refine<T>((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
    error: "min must not be above max",
    path: ["min"],
  }),
];

const hasBand = (c: { min?: number; max?: number }) => c.min !== undefined || c.max !== undefined;

/**
 * A condition on the answers of a response, told apart by `type`. Without `step` it holds when
 * any answer of its kind passes it.
 */
export const alertConditionSchema = memo(() => {
  const [npsLow, npsHigh] = SCALES.nps;
  const [csatLow, csatHigh] = SCALES.csat;
  const [cesLow, cesHigh] = SCALES.ces;
  const category = z.enum(NPS_CATEGORIES);
  return z.discriminatedUnion("type", [
    /** An NPS answer in a category and/or a score band. */
    z
      .object({
        type: z.literal("nps"),
        step: stepRef(),
        category: z.optional(
          z.union([category, z.array(category).check(z.minLength(1, { error: "must list at least one category" }))]),
        ),
        ...band(npsLow, npsHigh),
      })
      .check(
        ...bandChecks<{ category?: unknown; min?: number; max?: number }>(
          (c) => c.category !== undefined || hasBand(c),
          "needs a category, or a score band with min and/or max",
        ),
      ),
    /** A CSAT answer in a score band (`max: 2`: 1 or 2). */
    z
      .object({ type: z.literal("csat"), step: stepRef(), ...band(csatLow, csatHigh) })
      .check(...bandChecks(hasBand, "needs a score band with min and/or max")),
    /** A CES answer in a score band (1 = strongly disagree that it was easy). */
    z
      .object({ type: z.literal("ces"), step: stepRef(), ...band(cesLow, cesHigh) })
      .check(...bandChecks(hasBand, "needs a score band with min and/or max")),
    /** An experience below the expectation, by at least `by` points (default 1). */
    z.object({
      type: z.literal("gap"),
      step: stepRef(),
      by: z.optional(
        wholeNumber().check(z.gte(1, { error: "must be 1 or more" }), z.lte(6, { error: "must be 6 or less" })),
      ),
    }),
    /** A thumbs answer, down unless `value` says up. */
    z.object({ type: z.literal("thumbs"), step: stepRef(), value: z.optional(z.enum(["up", "down"])) }),
    /** A written comment; with `words`, one holding any of them (case and accents ignored). */
    z.object({
      type: z.literal("comment"),
      step: stepRef(),
      words: z.optional(
        z
          .array(z.string().check(z.minLength(1, { error: "must not be empty" }), z.maxLength(100)))
          .check(z.minLength(1, { error: "must list at least one word" }), z.maxLength(100)),
      ),
    }),
  ]);
});

export type AlertCondition = z.infer<ReturnType<typeof alertConditionSchema>>;

/** Where an alert goes: an http(s) URL, and the body's format. */
export const webhookSchema = memo(() =>
  z.object({
    url: z.string().check(
      z.maxLength(2048),
      z.regex(/^https?:\/\/[^\s/?#@]+(\/[^\s#]*)?$/i, {
        error: "must be an http(s) URL such as https://hooks.example.com/sonde, without a user name or password",
      }),
    ),
    format: z.optional(z.enum(ALERT_FORMATS)),
  }),
);

export type Webhook = z.infer<ReturnType<typeof webhookSchema>>;

/** An alert: when the answers (and the person's attributes) pass the conditions, call the webhook. */
export const alertSchema = memo(() =>
  z.object({
    id: idSchema(),
    /** A name for people: it heads the message. */
    name: z.optional(z.string().check(z.maxLength(200))),
    when: z
      .array(alertConditionSchema())
      .check(
        z.minLength(1, { error: "must list at least one condition" }),
        z.maxLength(MAX_CONDITIONS, { error: `must list at most ${MAX_CONDITIONS} conditions` }),
      ),
    /** Whether every condition of `when` must hold (default) or one is enough. */
    match: z.optional(z.enum(["all", "any"])),
    attributes: z.optional(z.array(conditionSchema()).check(z.maxLength(MAX_CONDITIONS))),
    attributesMatch: z.optional(z.enum(["all", "any"])),
    webhook: webhookSchema(),
  }),
);

export type Alert = z.infer<ReturnType<typeof alertSchema>>;

/** A survey's alerts; ids are unique, as each response fires an alert at most once. */
export const alertListSchema = memo(() =>
  z.array(alertSchema()).check(
    z.maxLength(MAX_ALERTS, { error: `must define at most ${MAX_ALERTS} alerts` }),
    z.superRefine((alerts, ctx) => {
      const seen = new Set<string>();
      alerts.forEach((a, i) => {
        if (seen.has(a.id)) ctx.addIssue({ code: "custom", message: `duplicate alert id "${a.id}"`, path: [i, "id"] });
        seen.add(a.id);
      });
    }),
  ),
);

// The step kind each condition reads.
const KIND_OF = { nps: "nps", csat: "csat", ces: "ces", gap: "gap", thumbs: "thumbs", comment: "open" } as const;

/**
 * Issues of a survey's alerts against its steps: a condition naming a step that does not exist
 * or asks something else, or reading a kind of answer no step gives (it could never hold).
 */
export function alertStepIssues(
  alerts: readonly Alert[],
  steps: readonly Step[],
): { message: string; path: (string | number)[] }[] {
  const issues: { message: string; path: (string | number)[] }[] = [];
  const kinds = new Map(steps.map((s) => [s.id, s.kind]));
  alerts.forEach((alert, i) => {
    alert.when.forEach((condition, j) => {
      const kind = KIND_OF[condition.type];
      const at = ["alerts", i, "when", j];
      if (condition.step !== undefined) {
        const actual = kinds.get(condition.step);
        if (actual === undefined)
          issues.push({ message: `names a step that does not exist ("${condition.step}")`, path: [...at, "step"] });
        else if (actual !== kind)
          issues.push({
            message: `names step "${condition.step}", a ${actual} step; a ${condition.type} condition reads a ${kind} step`,
            path: [...at, "step"],
          });
      } else if (!steps.some((s) => s.kind === kind)) {
        issues.push({ message: `can never hold: the survey has no ${kind} step`, path: [...at, "type"] });
      }
    });
  });
  return issues;
}
