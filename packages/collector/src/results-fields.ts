import type { Segment } from "@sonde/core";
import type { ResponseFilter } from "./store/store.js";

/**
 * The fields results break down by: the page, the prompt's language as a tag (`locale`) or by
 * language with its regions inside (`language`), the respondent's browser language likewise
 * (`browserLocale`, `browserLanguage`), the device, and any attribute as `attr.<name>`.
 */
export const BREAKDOWN_FIELDS = ["path", "locale", "language", "browserLocale", "browserLanguage", "device"] as const;

const FIELD = new RegExp(`^(${BREAKDOWN_FIELDS.join("|")}|attr\\.[A-Za-z0-9_.-]{1,64})$`);
const ATTRIBUTE = /^attr\.([A-Za-z0-9_.-]{1,64})$/;

/** The problem with a `by` field, or null when results can break down by it. */
export function checkBreakdownField(field: string): string | null {
  return FIELD.test(field) ? null : `must list ${BREAKDOWN_FIELDS.join(", ")} or attr.<name>`;
}

/** Which segment of core's a `by` field names. */
export function segmentOf(by: string): Segment {
  const m = ATTRIBUTE.exec(by);
  return m ? { attribute: m[1]! } : (by as Exclude<Segment, { attribute: string }>);
}

/** For a by-language field, the by-tag field whose groups make up its regions. */
export function regionsOf(by: string): "locale" | "browserLocale" | null {
  return by === "language" ? "locale" : by === "browserLanguage" ? "browserLocale" : null;
}

const quote = (v: string) => JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);

/**
 * Reads `filter=device:mobile,attr.plan:team` — only responses with every one of these values;
 * pushes `filter: problem` lines to `errors`.
 */
export function readFilters(raw: string | undefined, errors: string[]): ResponseFilter[] {
  const filters: ResponseFilter[] = [];
  for (const part of (raw ?? "").split(",")) {
    if (!part.trim()) continue;
    const at = part.indexOf(":");
    const field = at < 0 ? part.trim() : part.slice(0, at).trim();
    const value = at < 0 ? "" : part.slice(at + 1).trim();
    const attribute = ATTRIBUTE.exec(field);
    if ((field !== "device" && !attribute) || !value || value.length > 512) {
      errors.push(`filter: must list device:<value> or attr.<name>:<value>, separated by commas (got ${quote(part)})`);
      continue;
    }
    filters.push(attribute ? { field: "attribute", name: attribute[1]!, value } : { field: "device", value });
  }
  if (filters.length > 4) errors.push(`filter: must list at most 4 filters (got ${filters.length})`);
  return filters;
}
