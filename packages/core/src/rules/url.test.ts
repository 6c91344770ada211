import { describe, expect, it } from "vitest";
import type { UrlCondition } from "../schema/conditions.js";
import { globToRegExp, matchUrlCondition, urlParts } from "./url.js";

describe("urlParts", () => {
  it.each([
    ["https://lumen.example/pricing/?plan=pro#faq", "/pricing/", "?plan=pro", "#faq"],
    ["https://lumen.example", "/", "", ""],
    ["https://lumen.example?x=1", "/", "?x=1", ""],
    ["https://lumen.example:8080/a/b", "/a/b", "", ""],
    ["http://127.0.0.1:5173/docs#a?b", "/docs", "", "#a?b"],
    ["/pricing?x=1", "/pricing", "?x=1", ""],
    ["pricing", "pricing", "", ""],
    ["", "/", "", ""],
    ["#top", "/", "", "#top"],
  ])("%s → path %s, query %s, hash %s", (href, path, query, hash) => {
    expect(urlParts(href)).toEqual({ href, path, query, hash });
  });
});

describe("globToRegExp", () => {
  it.each([
    ["/docs/*", "/docs/intro", true],
    ["/docs/*", "/docs/a/b", false],
    ["/docs/*", "/docs/", true],
    ["/docs/**", "/docs/a/b", true],
    ["/docs/**", "/docs", false],
    ["/docs**", "/docs", true],
    ["/blog/?", "/blog/1", true],
    ["/blog/?", "/blog/12", false],
    ["/a.b", "/aXb", false],
    ["/price(s)+", "/price(s)+", true],
    ["*", "/", false],
    ["**", "/anything/at/all", true],
  ])("%s on %s → %s", (glob, path, hit) => {
    expect(globToRegExp(glob).test(path)).toBe(hit);
  });
});

describe("matchUrlCondition", () => {
  const url = urlParts("https://lumen.example/docs/setup/?utm_source=mail&lang=da#install");
  // [condition, holds]
  const cases: [UrlCondition, boolean][] = [
    [{ match: "exact", value: "/docs/setup/" }, true],
    [{ match: "exact", value: "/docs/setup" }, false],
    [{ match: "contains", value: "setup" }, true],
    [{ match: "contains", value: "pricing" }, false],
    [{ match: "startsWith", value: "/docs" }, true],
    [{ match: "startsWith", value: "docs" }, false],
    [{ match: "endsWith", value: "setup/" }, true],
    [{ match: "endsWith", value: "setup" }, false],
    [{ match: "glob", value: "/docs/*/" }, true],
    [{ match: "glob", value: "/docs/*" }, false],
    [{ match: "regex", value: "^/docs/[a-z]+/$" }, true],
    [{ match: "regex", value: "^/DOCS" }, false],
    [{ match: "contains", value: "utm_source=mail", part: "query" }, true],
    [{ match: "exact", value: "?utm_source=mail&lang=da", part: "query" }, true],
    [{ match: "contains", value: "utm_source=mail", part: "path" }, false],
    [{ match: "exact", value: "#install", part: "hash" }, true],
    [{ match: "startsWith", value: "https://lumen.example/docs", part: "href" }, true],
    [{ match: "exact", value: "/pricing", not: true }, true],
    [{ match: "startsWith", value: "/docs", not: true }, false],
    [{ match: "regex", value: "lang=(en|de)", part: "query", not: true }, true],
    [{ match: "glob", value: "/docs/**", not: true }, false],
    [{ match: "endsWith", value: "#faq", part: "hash", not: true }, true],
  ];

  it.each(cases)("%j → %s", (condition, holds) => {
    expect(matchUrlCondition(condition, url), JSON.stringify(condition)).toBe(holds);
  });

  it("covers every match kind, negated and not", () => {
    for (const kind of ["exact", "contains", "startsWith", "endsWith", "glob", "regex"]) {
      expect(
        cases.some(([c]) => c.match === kind && !c.not),
        kind,
      ).toBe(true);
    }
    expect(cases.filter(([c]) => c.not).length).toBeGreaterThan(3);
  });

  it("tests the path when the URL has none", () => {
    expect(matchUrlCondition({ match: "exact", value: "/" }, urlParts("https://lumen.example"))).toBe(true);
  });
});
