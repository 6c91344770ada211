// Unknown fields as errors, for the places where definitions enter the system (the collector's
// start, `sonde-collector check`, the admin API): a misspelled key is named with the key it was
// probably meant to be. A module of its own: pages never load it.
import type { core } from "zod/mini";
import * as z from "zod/mini";
import { formatPath } from "./path.js";

type Def = {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  in?: z.ZodMiniType;
  element?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  discriminator?: string;
};
const defOf = (schema: z.ZodMiniType) => schema._zod.def as unknown as Def;

/** The schema itself, without optional/nullable/default wrappers. */
function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  let s = schema;
  for (let def = defOf(s); ; def = defOf(s)) {
    const inner = def.type === "pipe" ? def.in : def.innerType;
    if (!inner) return s;
    s = inner;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** The option of a union that `value` is meant as: by its discriminator, else the first that accepts it. */
function optionFor(def: Def, value: unknown): z.ZodMiniType | undefined {
  const options = def.options ?? [];
  if (def.discriminator && isObject(value)) {
    const tag = value[def.discriminator];
    return options.find((o) => {
      const values = (o._zod as { propValues?: Record<string, Set<unknown>> }).propValues?.[def.discriminator!];
      return values?.has(tag);
    });
  }
  const accepted = options.find((o) => z.safeParse(o, value).success);
  if (accepted || !isObject(value)) return accepted;
  // None accepts it: the object form sharing the most keys with it is the one meant.
  const keys = Object.keys(value);
  let best: z.ZodMiniType | undefined;
  let most = 0;
  for (const o of options) {
    const shape = defOf(unwrap(o)).shape;
    const shared = shape ? keys.filter((k) => Object.hasOwn(shape, k)).length : 0;
    if (shared > most) [best, most] = [o, shared];
  }
  return best;
}

/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The one known key close to `key` (a typo or a different case), if exactly one is closest. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const allowed = Math.max(1, Math.floor(key.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance, tie] = [candidate, distance, false];
    else if (distance === bestDistance) tie = true;
  }
  return best !== undefined && bestDistance <= allowed && !tie ? best : undefined;
}

interface Level {
  path: PropertyKey[];
  keys: string[];
}

/** What to say of an unknown key: the key it was probably meant to be, or where it belongs. */
function advice(key: string, known: string[], above: Level[], root: readonly PropertyKey[]): string {
  const close = closestKey(key, known);
  if (close) return `unknown field; did you mean "${close}"?`;
  const owner = [...above].reverse().find((level) => level.keys.includes(key));
  if (owner)
    return `unknown field here; "${key}" belongs to ${formatPath([...root, ...owner.path]) || "the top level"}`;
  return known.length <= 12 ? `unknown field; known here: ${known.join(", ")}` : "unknown field";
}

/**
 * Every field of `input` that `schema` does not know, as issues with their path and advice
 * ("did you mean …?", or the level a key belongs to). Pass it to a check as `unknownFields`
 * to make unknown fields errors; `root` is the prefix the paths are shown with.
 */
export function unknownFieldIssues(
  schema: z.ZodMiniType,
  input: unknown,
  root: readonly PropertyKey[] = [],
): core.$ZodIssue[] {
  const issues: core.$ZodIssue[] = [];
  const visit = (s: z.ZodMiniType, value: unknown, path: PropertyKey[], above: Level[]): void => {
    const def = defOf(unwrap(s));
    if (def.type === "object" && def.shape && isObject(value)) {
      const shape = def.shape;
      const keys = Object.keys(shape);
      for (const key of Object.keys(value)) {
        if (Object.hasOwn(shape, key)) visit(shape[key]!, value[key], [...path, key], [...above, { path, keys }]);
        else issues.push({ code: "custom", path: [...path, key], message: advice(key, keys, above, root) });
      }
    } else if (def.type === "array" && def.element && Array.isArray(value)) {
      value.forEach((item, i) => {
        visit(def.element!, item, [...path, i], above);
      });
    } else if (def.type === "record" && def.valueType && isObject(value)) {
      for (const key of Object.keys(value)) visit(def.valueType, value[key], [...path, key], above);
    } else if (def.type === "union") {
      const option = optionFor(def, value);
      if (option) visit(option, value, path, above);
    }
  };
  visit(schema, input, [], []);
  return issues;
}
