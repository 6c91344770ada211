import { urlParts } from "../rules/url.js";
import { baseLanguage } from "../schema/text.js";
import type { SurveyResponse } from "../schema/wire.js";

/**
 * What to break results down by: a context field — the page path (no query or hash), the locale
 * tag, its base language, the device — or a user attribute by name.
 */
export type Segment = "path" | "locale" | "language" | "device" | { attribute: string };

type Context = SurveyResponse["context"];

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
      return (context) => context.locale ?? null;
    case "language":
      return (context) => (context.locale ? baseLanguage(context.locale) : null);
    case "device":
      return (context) => context.device ?? null;
  }
  throw new RangeError(
    `sonde: segment must be "path", "locale", "language", "device" or { attribute: "name" } (got ${JSON.stringify(segment)})`,
  );
}
