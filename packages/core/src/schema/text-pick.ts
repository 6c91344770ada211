import type { Text } from "./text.js";

/** The base language of a tag: `pt-BR` → `pt`. */
export function baseLanguage(tag: string): string {
  return tag.split("-")[0]!.toLowerCase();
}

/**
 * The language tag of the translation `resolveText` picks for a locale: the exact tag, then its
 * base language, then the survey's default locale, then the first one. Undefined for a plain
 * string, whose language is the survey's own.
 */
export function textLocale(text: Text, locale: string, defaultLocale = "en"): string | undefined {
  if (typeof text === "string") return undefined;
  const tags = Object.keys(text);
  const wanted = locale.toLowerCase();
  const base = baseLanguage(locale);
  const fallback = defaultLocale.toLowerCase();
  return (
    tags.find((tag) => tag.toLowerCase() === wanted) ??
    tags.find((tag) => baseLanguage(tag) === base) ??
    tags.find((tag) => tag.toLowerCase() === fallback) ??
    tags[0]
  );
}

/**
 * Picks the best translation of a text for a locale (see `textLocale`). A missing translation
 * never hides text.
 */
export function resolveText(text: Text, locale: string, defaultLocale = "en"): string {
  if (typeof text === "string") return text;
  const tag = textLocale(text, locale, defaultLocale);
  return tag === undefined ? "" : (text[tag] ?? "");
}
