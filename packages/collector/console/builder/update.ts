// Immutable updates of a survey definition as the form edits it. The definition is plain JSON, possibly
// invalid while someone types (the JSON tab checks it with core's schema), so these helpers take and
// return plain objects and never assume more than the path they change.

/** A JSON object. */
export type Json = Record<string, unknown>;
/** A path into a definition: keys and array indexes. */
export type Path = readonly (string | number)[];
/** Text a person reads: one string, or translations by language tag (core's `textSchema`). */
export type Translated = string | Record<string, string> | undefined;

/** Step kinds, in the order the form offers them. */
export const STEP_KINDS = ["nps", "csat", "ces", "gap", "thumbs", "open", "single", "multiple", "thanks"] as const;
export type StepKindName = (typeof STEP_KINDS)[number];
/** Trigger types, in the order the form offers them. */
export const TRIGGER_TYPES = ["pageview", "event", "time", "scroll", "exit", "click", "manual"] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

const isObject = (v: unknown): v is Json => !!v && typeof v === "object" && !Array.isArray(v);

/** The value at `path`, or undefined. */
export function getIn(value: unknown, path: Path): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/**
 * `value` with `path` set to `next`, copying only what lies along the path. Undefined removes an
 * object key (so an emptied optional field leaves no `"x": ""` behind), and an object emptied that
 * way is removed from its parent too.
 */
export function setIn(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof key === "number") {
    const list = Array.isArray(value) ? [...value] : [];
    list[key] = setIn(list[key], rest, next);
    return list;
  }
  const object: Json = isObject(value) ? { ...value } : {};
  const child = setIn(object[key], rest, next);
  const emptied = rest.length > 0 && isObject(child) && Object.keys(child).length === 0;
  if (child === undefined || emptied) delete object[key];
  else object[key] = child;
  return object;
}

/** The list at `path` with `item` appended. */
export function pushIn(value: unknown, path: Path, item: unknown): unknown {
  const list = getIn(value, path);
  return setIn(value, path, [...(Array.isArray(list) ? list : []), item]);
}

/** The list at `path` without its item `index`; an emptied list is removed. */
export function removeIn(value: unknown, path: Path, index: number): unknown {
  const list = getIn(value, path);
  const rest = Array.isArray(list) ? list.filter((_, i) => i !== index) : [];
  return setIn(value, path, rest.length ? rest : undefined);
}

/** The list at `path` with item `index` moved by `delta` places (unchanged at either end). */
export function moveIn(value: unknown, path: Path, index: number, delta: -1 | 1): unknown {
  const list = getIn(value, path);
  if (!Array.isArray(list)) return value;
  const to = index + delta;
  if (to < 0 || to >= list.length) return value;
  const copy = [...list];
  [copy[index], copy[to]] = [copy[to], copy[index]];
  return setIn(value, path, copy);
}

/** A step id not yet used in `steps`: `kind`, then `kind-2`, `kind-3`… */
export function freshId(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** A new step of `kind` with a fresh id and `question` as its text; choices get two to start from. */
export function newStep(kind: StepKindName, taken: readonly string[], question: string, choices: string[] = []): Json {
  const step: Json = { kind, id: freshId(kind === "thanks" ? "thanks" : kind, taken), question };
  if (kind === "single" || kind === "multiple")
    step.choices = choices.map((label, i) => ({ id: freshId(`choice-${i + 1}`, []), label }));
  if (kind === "open") step.required = false;
  return step;
}

const stepIds = (definition: unknown): string[] => {
  const steps = getIn(definition, ["steps"]);
  return Array.isArray(steps) ? steps.map((s) => String(getIn(s, ["id"]) ?? "")) : [];
};

/**
 * The definition with a new step of `kind`: a question goes before the closing thank-you, if
 * there is one at the end; a thank-you goes last.
 */
export function addStep(definition: Json, kind: StepKindName, question: string, choices?: string[]): Json {
  const steps = (getIn(definition, ["steps"]) as unknown[] | undefined) ?? [];
  const step = newStep(kind, stepIds(definition), question, choices);
  const last = steps[steps.length - 1];
  const at = kind !== "thanks" && getIn(last, ["kind"]) === "thanks" ? steps.length - 1 : steps.length;
  return { ...definition, steps: [...steps.slice(0, at), step, ...steps.slice(at)] };
}

/** The step changed to `kind`, keeping what both kinds share (id, question, description, flow). */
export function changeKind(step: Json, kind: StepKindName, choiceLabels: string[] = []): Json {
  const shared = ["id", "question", "description", ...(kind === "thanks" ? [] : ["required", "branches", "next"])];
  const next: Json = { kind };
  for (const key of shared) if (key in step) next[key] = step[key];
  if (kind === "single" || kind === "multiple")
    next.choices = Array.isArray(step.choices)
      ? step.choices
      : choiceLabels.map((label, i) => ({ id: `choice-${i + 1}`, label }));
  // Score bands make no sense for choices, nor choice lists for scores.
  if (Array.isArray(next.branches)) {
    const byChoice = kind === "single" || kind === "multiple";
    const kept = (next.branches as Json[]).filter((b) => isObject(b.when) && "choices" in b.when === byChoice);
    if (kept.length) next.branches = kept;
    else delete next.branches;
  }
  return next;
}

/** The languages a definition's texts are written in, its default language first. */
export function languagesOf(definition: unknown, defaultLocale: string): string[] {
  const found = new Set<string>([defaultLocale]);
  const walk = (v: unknown, key: string) => {
    if (Array.isArray(v)) for (const item of v) walk(item, "");
    else if (isObject(v)) {
      // A translated text is a map whose values are all strings, under a text field.
      const values = Object.values(v);
      if (TEXT_KEYS.has(key) && values.length && values.every((x) => typeof x === "string"))
        for (const locale of Object.keys(v)) found.add(locale);
      else for (const [k, x] of Object.entries(v)) walk(x, k);
    }
  };
  walk(definition, "");
  return [...found];
}

const TEXT_KEYS = new Set([
  "question",
  "description",
  "lowLabel",
  "highLabel",
  "expectedLabel",
  "experiencedLabel",
  "placeholder",
  "label",
]);

/** The text in `locale`: the plain string counts as the default language's. */
export function textIn(text: Translated, locale: string, defaultLocale: string): string {
  if (typeof text === "string") return locale === defaultLocale ? text : "";
  return text?.[locale] ?? "";
}

/**
 * `text` with its `locale` version set to `value`. A text in only the default language stays a
 * plain string; a second language turns it into a map; an emptied translation is dropped, and an
 * emptied text becomes undefined (so an optional field disappears).
 */
export function setTranslation(text: Translated, locale: string, defaultLocale: string, value: string): Translated {
  const map: Record<string, string> = typeof text === "string" ? { [defaultLocale]: text } : { ...(text ?? {}) };
  if (value === "") delete map[locale];
  else map[locale] = value;
  const locales = Object.keys(map);
  if (locales.length === 0) return undefined;
  if (locales.length === 1 && locales[0] === defaultLocale) return map[defaultLocale];
  return map;
}

/** A new trigger of `type` with the values its schema requires. */
export function newTrigger(type: TriggerType): Json {
  switch (type) {
    case "event":
      return { type, name: "" };
    case "time":
      return { type, seconds: 10 };
    case "scroll":
      return { type, percent: 50 };
    case "click":
      return { type, selector: "" };
    case "pageview":
      return { type, url: [{ match: "startsWith", value: "/" }] };
    default:
      return { type };
  }
}

/** The trigger changed to `type`, keeping its URL conditions where the new type has them. */
export function changeTrigger(trigger: Json, type: TriggerType): Json {
  const next = newTrigger(type);
  if (type !== "manual") {
    if ("url" in trigger) next.url = trigger.url;
    else if (type !== "pageview") delete next.url;
    if ("urlMatch" in trigger) next.urlMatch = trigger.urlMatch;
  }
  return next;
}

/** The definition with a new trigger of `type` appended to its rules. */
export function addTrigger(definition: Json, type: TriggerType): Json {
  return pushIn(definition, ["rules", "triggers"], newTrigger(type)) as Json;
}

/** A condition's value as typed in a field: numbers for comparisons, a list for `in`, else text/true/false. */
export function conditionValue(op: string, raw: string): unknown {
  if (op === "gt" || op === "gte" || op === "lt" || op === "lte") return raw.trim() === "" ? undefined : Number(raw);
  if (op === "in")
    return raw
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (op === "exists") return raw === "false" ? false : undefined;
  if (op === "contains") return raw;
  if (raw === "true") return true;
  if (raw === "false") return false;
  if (raw.trim() !== "" && !Number.isNaN(Number(raw))) return Number(raw);
  return raw;
}

/** A condition's value as a field shows it. */
export function conditionText(value: unknown): string {
  if (Array.isArray(value)) return value.join(", ");
  return value === undefined ? "" : String(value);
}

/** An ISO date-time as a `datetime-local` field shows it, in the browser's time zone; "" when not a date-time. */
export function localInput(iso: unknown): string {
  if (typeof iso !== "string") return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** A `datetime-local` value, in the browser's time zone, as the UTC date-time a definition stores; undefined when empty. */
export function isoFromLocal(local: string): string | undefined {
  const d = new Date(local);
  return local && !Number.isNaN(d.getTime()) ? d.toISOString().replace(".000Z", "Z") : undefined;
}
