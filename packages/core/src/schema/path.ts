// Its own module, free of zod: both the validator and the lazily loaded issue formatter use it.

/** `["surveys", 2, "rules"]` → `surveys[2].rules`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
