import { baseLanguage } from "@sonde/core";
import type { LocaleStrings } from "./locales/en.js";

// One chunk per language: a page downloads only the table it shows.
const tables: Record<string, () => Promise<{ default: LocaleStrings }>> = {
  en: () => import("./locales/en.js"),
  da: () => import("./locales/da.js"),
};

const rtl = new Set(["ar", "he", "fa", "ur"]);

/** The first candidate language Sonde has UI strings for (exact tag, then base language), else `en`. */
export function pickUiLocale(candidates: readonly (string | undefined)[]): string {
  for (const tag of candidates) {
    if (!tag) continue;
    const base = baseLanguage(tag);
    if (tables[base]) return base;
  }
  return "en";
}

/** Text direction of a language. */
export function directionOf(locale: string): "ltr" | "rtl" {
  return rtl.has(baseLanguage(locale)) ? "rtl" : "ltr";
}

/** Downloads the UI strings of one language. */
export async function loadStrings(locale: string): Promise<LocaleStrings> {
  return (await (tables[locale] ?? tables.en!)()).default;
}
