import type { UrlCondition } from "../schema/conditions.js";

/** The parts of a URL a condition can test. */
export interface UrlParts {
  /** The whole URL as given. */
  href: string;
  /** The path, `/` at least: `/pricing/`. */
  path: string;
  /** The query with its `?`, or empty: `?plan=pro`. */
  query: string;
  /** The fragment with its `#`, or empty: `#faq`. */
  hash: string;
}

/** Splits an absolute or relative URL without needing a DOM or Node's URL parser. */
export function urlParts(href: string): UrlParts {
  const [, path, query = "", hash = ""] = /^(?:[a-z][a-z\d+.-]*:\/\/[^/?#]*)?([^?#]*)(\?[^#]*)?(#.*)?/is.exec(href)!;
  return { href, path: path || "/", query, hash };
}

/** `*` matches within a path segment, `**` across segments, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*\*|\*|\?/g, (m) => (m === "?" ? "." : m === "*" ? "[^/]*" : ".*"));
  return new RegExp(`^${source}$`);
}

/**
 * Whether one URL condition holds for the given URL parts. Expects a validated condition:
 * an invalid regex throws here, which the schema has already reported.
 */
export function matchUrlCondition(condition: UrlCondition, url: UrlParts): boolean {
  const { value, match } = condition;
  const subject = url[condition.part ?? "path"];
  const hit =
    match === "exact"
      ? subject === value
      : match === "glob" || match === "regex"
        ? (match === "glob" ? globToRegExp(value) : new RegExp(value)).test(subject)
        : subject[match === "contains" ? "includes" : match](value);
  return condition.not ? !hit : hit;
}
