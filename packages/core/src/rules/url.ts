import type { UrlCondition } from "../schema/rules.js";

/** The parts of a URL a condition can test. */
export interface UrlParts {
  href: string;
  path: string;
  query: string;
  hash: string;
}

/** Splits an absolute or relative URL without needing a DOM or Node's URL parser. */
export function urlParts(href: string): UrlParts {
  const hashAt = href.indexOf("#");
  const hash = hashAt >= 0 ? href.slice(hashAt) : "";
  const beforeHash = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const queryAt = beforeHash.indexOf("?");
  const query = queryAt >= 0 ? beforeHash.slice(queryAt) : "";
  const noQuery = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(noQuery)?.[0] ?? "";
  const path = noQuery.slice(origin.length) || "/";
  return { href, path, query, hash };
}

/** `*` matches within a path segment, `**` across segments, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        source += ".*";
        i++;
      } else source += "[^/]*";
    } else if (c === "?") source += ".";
    else source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/** Whether one URL condition holds for the given URL parts. */
export function matchUrlCondition(condition: UrlCondition, url: UrlParts): boolean {
  const subject = url[condition.part ?? "path"];
  const { value } = condition;
  let hit: boolean;
  switch (condition.match) {
    case "exact":
      hit = subject === value;
      break;
    case "contains":
      hit = subject.includes(value);
      break;
    case "startsWith":
      hit = subject.startsWith(value);
      break;
    case "endsWith":
      hit = subject.endsWith(value);
      break;
    case "glob":
      hit = globToRegExp(value).test(subject);
      break;
    case "regex":
      hit = new RegExp(value).test(subject);
      break;
  }
  return condition.not ? !hit : hit;
}
