import * as z from "zod/mini";
import { conditionSchema, urlConditionSchema } from "./conditions.js";
import { memo } from "./memo.js";
import { wholeNumber } from "./number.js";
import { localeTagSchema } from "./text.js";

/** Device classes an audience can target. */
export const DEVICES = ["mobile", "tablet", "desktop"] as const;

// Shared pieces are built once: zod schemas are immutable, and each one built costs the page.
const atLeast0 = memo(() => z.number().check(z.gte(0)));
const maybeAtLeast0 = memo(() => z.optional(atLeast0()));
const percent = memo(() => atLeast0().check(z.lte(100)));

// Every trigger but `manual` may narrow itself to pages: all its URL conditions hold, or any.
const pages = memo(() => ({
  url: z.optional(z.array(urlConditionSchema())),
  urlMatch: z.optional(z.enum(["all", "any"])),
}));

/** When a survey may show; a survey's triggers are alternatives, any one of them suffices. */
export const triggerSchema = memo(() =>
  z.discriminatedUnion("type", [
    /** A page view whose URL passes the conditions. */
    z.object({ type: z.literal("pageview"), ...pages() }),
    /** A custom event by name (`sonde.track(name, properties)`), whose properties pass all conditions. */
    z.object({
      type: z.literal("event"),
      name: z.string().check(z.minLength(1)),
      properties: z.optional(z.array(conditionSchema())),
      ...pages(),
    }),
    /** At least `seconds` spent on the page. */
    z.object({ type: z.literal("time"), seconds: atLeast0(), ...pages() }),
    /** Scrolled at least `percent` of the page. */
    z.object({ type: z.literal("scroll"), percent: percent(), ...pages() }),
    /** The pointer heads out of the page (towards the tabs or the address bar). */
    z.object({ type: z.literal("exit"), ...pages() }),
    /** A click on an element matching a CSS selector (or inside one). */
    z.object({ type: z.literal("click"), selector: z.string().check(z.minLength(1)), ...pages() }),
    /** Never by itself: only when the page asks through the API. */
    z.object({ type: z.literal("manual") }),
  ]),
);

export type Trigger = z.infer<ReturnType<typeof triggerSchema>>;

/** Who may see a survey; every field given must hold. */
export const audienceSchema = memo(() =>
  z.object({
    /** `true`: only people with a user id; `false`: only anonymous people. */
    identified: z.optional(z.boolean()),
    devices: z.optional(z.array(z.enum(DEVICES)).check(z.minLength(1))),
    /** Language tags; `en` takes in `en-GB`, `pt-BR` only `pt-BR`. */
    locales: z.optional(z.array(localeTagSchema()).check(z.minLength(1))),
    minVisits: z.optional(wholeNumber().check(z.gte(0))),
    minDaysSinceFirstSeen: maybeAtLeast0(),
    attributes: z.optional(z.array(conditionSchema())),
    /** Whether all attribute conditions must hold (default) or any one. */
    attributesMatch: z.optional(z.enum(["all", "any"])),
  }),
);

export type Audience = z.infer<ReturnType<typeof audienceSchema>>;

/** How often one person may see a survey. Without `recontactDays`, a person answers it once. */
export const frequencySchema = memo(() =>
  z.object({
    /** Ask again this many days after the last response. */
    recontactDays: maybeAtLeast0(),
    /** Wait this many days after the person closed the prompt without finishing. */
    dismissDays: maybeAtLeast0(),
    /** Show at most this many times. */
    maxDisplays: z.optional(wholeNumber().check(z.gte(1))),
    /** Show even within the global cooldown that follows any prompt. */
    ignoreCooldown: z.optional(z.boolean()),
  }),
);

export type Frequency = z.infer<ReturnType<typeof frequencySchema>>;

/** The rules that decide whether a survey shows now. Without triggers, it shows only on request. */
export const rulesSchema = memo(() =>
  z.object({
    triggers: z.optional(z.array(triggerSchema())),
    audience: z.optional(audienceSchema()),
    /** The share of people, 0–100 %, who are ever asked; decided once per person and survey. */
    sampling: z.optional(percent()),
    frequency: z.optional(frequencySchema()),
    /** Seconds to wait after the trigger before showing. */
    delay: maybeAtLeast0(),
  }),
);

export type Rules = z.infer<ReturnType<typeof rulesSchema>>;
