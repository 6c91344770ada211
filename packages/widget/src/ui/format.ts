import type { Plural } from "./locales/en.js";

/** Number, template and plural formatting for one locale. */
export interface Format {
  /** A number in the locale's digits and grouping. */
  num(n: number): string;
  /** Fills `{name}` slots; numbers are formatted for the locale, other slots stay as written. */
  fill(template: string, values: Record<string, string | number>): string;
  /** The plural form for `n`, with `{n}` filled in. */
  plural(forms: Plural, n: number): string;
}

/** Formatting bound to one locale through `Intl.NumberFormat` and `Intl.PluralRules`. */
export function format(locale: string): Format {
  const numbers = new Intl.NumberFormat(locale);
  const rules = new Intl.PluralRules(locale);
  const num = (n: number) => numbers.format(n);
  const fill = (template: string, values: Record<string, string | number>) =>
    template.replace(/\{(\w+)\}/g, (slot, name: string) => {
      const v = values[name];
      return v === undefined ? slot : typeof v === "number" ? num(v) : v;
    });
  return { num, fill, plural: (forms, n) => fill(forms[rules.select(n)] ?? forms.other, { n }) };
}
