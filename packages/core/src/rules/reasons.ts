// Reasons are worded by two templates, so the words stay consistent and the browser bundle
// stays small: "3 of 14 days passed since the last prompt" and "device mobile, wanted desktop".

/** `have of need unit` when `have` is below `need` or unknown (NaN); undefined when it reaches `need`. */
export function shortfall(have: number, need: number, unit: string): string | undefined {
  return have >= need ? undefined : `${Number.isNaN(have) ? "unknown" : Math.floor(have)} of ${need}${unit}`;
}

/** `what have, wanted want`, with `unknown` for a missing value. */
export function wanted(what: string, have: unknown, want: string): string {
  return `${what} ${have ?? "unknown"}, wanted ${want}`;
}
