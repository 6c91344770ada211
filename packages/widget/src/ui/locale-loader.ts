import { baseLanguage, type Survey, type Text, textLocale } from "@sonde/core";
import type { LocaleStrings } from "./locales/en.js";
import type { TextLang } from "./types.js";

type Table = () => Promise<{ default: LocaleStrings }>;

// One chunk per language: a page downloads only the table it shows. This module runs in the
// boot chunk, so it holds only the import() calls, never the strings.
const tables: Record<string, Table> = {
  en: () => import("./locales/en.js"),
  da: () => import("./locales/da.js"),
  ru: () => import("./locales/ru.js"),
  fi: () => import("./locales/fi.js"),
  fr: () => import("./locales/fr.js"),
  zh: () => import("./locales/zh.js"),
  de: () => import("./locales/de.js"),
  es: () => import("./locales/es.js"),
  pt: () => import("./locales/pt.js"),
  ja: () => import("./locales/ja.js"),
  ar: () => import("./locales/ar.js"),
  he: () => import("./locales/he.js"),
};

/** The languages Sonde's prompts speak. */
export const UI_LOCALES = Object.keys(tables);

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

/** The language tags a survey's texts are written in (keys of translated texts). */
export function surveyLanguages(survey: Survey): Set<string> {
  const found = new Set<string>();
  const visit = (text: Text | undefined) => {
    if (text && typeof text === "object") for (const tag of Object.keys(text)) found.add(baseLanguage(tag));
  };
  for (const step of survey.steps) {
    visit(step.question);
    visit(step.description);
    if ("choices" in step) for (const c of step.choices) visit(c.label);
  }
  return found;
}

/**
 * The prompt's language candidates, best first: the explicit config, then the page's languages
 * (`<html lang>`, then `navigator.languages`) that the survey is written in, then the survey's
 * default language, then the page's languages as they are. Feed the result to `pickUiLocale`.
 */
export function localeCandidates(
  survey: Survey,
  configured: string | undefined,
  page: readonly (string | undefined)[],
): (string | undefined)[] {
  const written = surveyLanguages(survey);
  const own = survey.defaultLocale ?? (written.size ? [...written][0] : undefined);
  return [configured, ...page.filter((tag) => tag && written.has(baseLanguage(tag))), own, ...page];
}

/** Text direction of a language. */
export function directionOf(locale: string): "ltr" | "rtl" {
  return rtl.has(baseLanguage(locale)) ? "rtl" : "ltr";
}

/**
 * The language of a survey text shown in a prompt in `locale`, when it is another one: the
 * translation it falls back to, or for a plain string the survey's `defaultLocale`. Undefined when
 * it is the prompt's language. A plain string in a survey that names no language may be in any:
 * its direction is left to its letters, so an English question in an Arabic prompt (or the
 * reverse) still ends with its question mark.
 */
export function textLanguage(text: Text | undefined, locale: string, survey: Survey): TextLang | undefined {
  if (text === undefined) return undefined;
  const tag = typeof text === "string" ? survey.defaultLocale : textLocale(text, locale, survey.defaultLocale ?? "en");
  if (!tag) return { dir: "auto" };
  return baseLanguage(tag) !== baseLanguage(locale) ? { lang: tag, dir: directionOf(tag) } : undefined;
}

/** Downloads the UI strings of one language. */
export async function loadStrings(locale: string): Promise<LocaleStrings> {
  return (await (tables[locale] ?? tables.en!)()).default;
}
