import type { Survey, WidgetConfig } from "@sonde/core";

// The page trusts the definitions and the config it is given: the entrances (the collector, and
// `sonde-collector check` for static files) validated them with core's schema. These guards are
// only what Sonde's own code needs not to misbehave; what is wrong, path by path, is said by the
// `diagnose` chunk, from the same schema, when a guard fails. Each reads own properties only, so
// that a key added to Object.prototype by the host page is never taken for a field.

type Fields = Record<string, unknown>;

/** The value of an own property, ignoring anything inherited. */
export const own = (o: object, key: string): unknown => (Object.hasOwn(o, key) ? (o as Fields)[key] : undefined);

export const isObject = (v: unknown): v is object => typeof v === "object" && v !== null && !Array.isArray(v);
const optional = (v: unknown, type: "string" | "boolean" | "number") => v === undefined || typeof v === type;
const optionalObject = (v: unknown) => v === undefined || isObject(v);

// The type of each field the code reads: a string names a `typeof`, a list the values allowed.
const CONFIG: Record<string, string | readonly string[]> = {
  endpoint: "string",
  surveys: "",
  surveysUrl: "string",
  locale: "string",
  debug: "boolean",
  cooldownDays: "number",
  userId: "string",
  attributes: "object",
  nonce: "string",
  consent: ["granted", "pending", "denied"],
  honorPrivacySignals: "boolean",
  captureQuery: "boolean",
};

/**
 * The config's known fields, own properties only, when what the code reads has the right type
 * (endpoint a non-empty string, consent one of its values, …); null otherwise.
 */
export function usableConfig(input: unknown): WidgetConfig | null {
  if (!isObject(input)) return null;
  const c: Fields = {};
  for (const key of Object.keys(CONFIG)) {
    const value = own(input, key);
    if (value === undefined) continue;
    const type = CONFIG[key]!;
    if (Array.isArray(type) ? !type.includes(value as string) : type && typeof value !== type) return null;
    c[key] = value;
  }
  const ok =
    c.endpoint &&
    (c.surveys !== undefined || c.surveysUrl !== undefined) &&
    optionalObject(c.attributes) &&
    !((c.cooldownDays as number) < 0 || Number.isNaN(c.cooldownDays));
  return ok ? (c as WidgetConfig) : null;
}

function usableRules(rules: unknown): boolean {
  if (rules === undefined) return true;
  if (!isObject(rules)) return false;
  const triggers = own(rules, "triggers");
  return (
    (triggers === undefined ||
      (Array.isArray(triggers) && triggers.every((t) => isObject(t) && typeof own(t, "type") === "string"))) &&
    optionalObject(own(rules, "audience")) &&
    optionalObject(own(rules, "frequency")) &&
    optional(own(rules, "sampling"), "number") &&
    optional(own(rules, "delay"), "number")
  );
}

/**
 * Whether a survey has what the rules read, of the types they read: a string id, a non-empty
 * list of steps, rules and schedule as objects. Its steps are guarded when it is about to show
 * (`usableSteps`, with the prompt's code). Not a schema: a survey that passes may still be wrong
 * in ways only `diagnose` names.
 */
export function usableSurvey(survey: unknown): survey is Survey {
  if (!isObject(survey)) return false;
  const steps = own(survey, "steps");
  const schedule = own(survey, "schedule");
  return (
    typeof own(survey, "id") === "string" &&
    own(survey, "id") !== "" &&
    Array.isArray(steps) &&
    steps.length > 0 &&
    usableRules(own(survey, "rules")) &&
    optional(own(survey, "priority"), "number") &&
    optional(own(survey, "defaultLocale"), "string") &&
    optionalObject(own(survey, "appearance")) &&
    (schedule === undefined ||
      (isObject(schedule) && optional(own(schedule, "start"), "string") && optional(own(schedule, "end"), "string")))
  );
}

/** The list inside survey definitions: a bare array or `{ "surveys": [...] }`; null for any other shape. */
export function surveyArray(input: unknown): unknown[] | null {
  if (Array.isArray(input)) return input;
  const inner = isObject(input) ? own(input, "surveys") : undefined;
  return Array.isArray(inner) ? inner : null;
}
