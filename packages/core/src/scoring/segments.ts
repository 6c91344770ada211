import { urlParts } from "../rules/url.js";
import { baseLanguage } from "../schema/text.js";
import type { SurveyResponse } from "../schema/wire.js";

/**
 * What to break results down by: a context field — the page path (no query or hash), the prompt's
 * language tag (`locale`) or its base language (`language`), the respondent's browser language tag
 * (`browserLocale`) or its base language (`browserLanguage`), the device — or a user attribute by name.
 */
export type Segment =
  | "path"
  | "locale"
  | "language"
  | "browserLocale"
  | "browserLanguage"
  | "device"
  | { attribute: string };

type Context = SurveyResponse["context"];

/**
 * A language tag in its canonical case (`EN-us` → `en-US`), so one language is one segment
 * whichever way a browser spelled it; a string that is not a tag stays as it came.
 */
function canonicalTags(): (tag: string | undefined) => string | null {
  const seen = new Map<string, string>();
  return (tag) => {
    if (!tag) return null;
    let canonical = seen.get(tag);
    if (canonical === undefined) {
      try {
        canonical = Intl.getCanonicalLocales(tag)[0] ?? tag;
      } catch {
        canonical = tag;
      }
      seen.set(tag, canonical);
    }
    return canonical;
  };
}

/**
 * A function from a response's context to its segment value (null when the field is missing).
 * Attribute numbers and booleans become strings ("3", "true") so every segment key is a string.
 */
export function segmentReader(segment: Segment): (context: Context) => string | null {
  if (typeof segment === "object" && segment !== null && typeof segment.attribute === "string") {
    const name = segment.attribute;
    return (context) => {
      const v = context.attributes?.[name];
      return v === undefined || v === null ? null : String(v);
    };
  }
  switch (segment) {
    case "path": {
      const paths = new Map<string, string>(); // URLs repeat; splitting each once is enough
      return (context) => {
        let path = paths.get(context.url);
        if (path === undefined) {
          path = urlParts(context.url).path;
          paths.set(context.url, path);
        }
        return path;
      };
    }
    case "locale":
    case "browserLocale": {
      const canonical = canonicalTags();
      return segment === "locale"
        ? (context) => canonical(context.locale)
        : (context) => canonical(context.browserLocale);
    }
    case "language":
      return (context) => (context.locale ? baseLanguage(context.locale) : null);
    case "browserLanguage":
      return (context) => (context.browserLocale ? baseLanguage(context.browserLocale) : null);
    case "device":
      return (context) => context.device ?? null;
  }
  throw new RangeError(
    `sonde: segment must be "path", "locale", "language", "browserLocale", "browserLanguage", "device" or { attribute: "name" } (got ${JSON.stringify(segment)})`,
  );
}
