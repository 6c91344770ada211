import { describe, expect, it } from "vitest";
import { UI_LOCALES } from "../locale-loader.js";
import en, { type LocaleStrings, type Plural } from "./en.js";
import moreEn, { type MoreStrings } from "./more-en.js";

// Every table, loaded the way the bundler sees them: one module per language and part.
const files = import.meta.glob<{ default: LocaleStrings | MoreStrings }>("./*.ts", { eager: true });
const tables = (more: boolean) =>
  Object.entries(files)
    .filter(([path]) => !path.endsWith(".test.ts") && path.startsWith("./more-") === more)
    .map(([path, mod]) => [path.slice(more ? 7 : 2, -3), mod.default as unknown as Record<string, unknown>] as const);

const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const isPlural = (v: unknown): v is Plural => typeof v === "object" && v !== null && !Array.isArray(v);

/** The plural categories the whole numbers from..to take in a language. */
function categories(locale: string, from: number, to: number): Set<string> {
  const rules = new Intl.PluralRules(locale);
  const used = new Set<string>();
  for (let n = from; n <= to; n++) used.add(rules.select(n));
  return used;
}

describe("locale tables", () => {
  it("exist, base and more, for the twelve languages the loader offers and no others", () => {
    expect(UI_LOCALES).toHaveLength(12);
    expect(
      tables(false)
        .map(([code]) => code)
        .sort(),
    ).toEqual([...UI_LOCALES].sort());
    expect(
      tables(true)
        .map(([code]) => code)
        .sort(),
    ).toEqual([...UI_LOCALES].sort());
  });

  for (const more of [false, true]) {
    const english = (more ? moreEn : en) as unknown as Record<string, unknown>;
    for (const [code, table] of tables(more)) {
      const name = more ? `more-${code}` : code;
      describe(name, () => {
        it("has every string of the English table, none empty, none left in English", () => {
          expect(Object.keys(table).sort()).toEqual(Object.keys(english).sort());
          for (const [key, value] of Object.entries(table)) {
            const texts = isPlural(value) ? Object.values(value) : Array.isArray(value) ? value : [value];
            for (const text of texts as string[]) expect(text.trim(), `${name}.${key}`).not.toBe("");
            // Words that need no translation ("Neutral", "Excellent") may match; sentences may not.
            if (code !== "en" && typeof value === "string" && value.split(" ").length > 2)
              expect(value, `${name}.${key} is still English`).not.toBe(english[key]);
          }
          if (!more) expect((table as unknown as LocaleStrings).csat).toHaveLength(5);
        });

        it("keeps the {slots} of each English string", () => {
          for (const [key, value] of Object.entries(table)) {
            const base = english[key];
            if (typeof value === "string" && typeof base === "string")
              expect(slots(value), `${name}.${key}: "${value}"`).toEqual(slots(base));
          }
        });

        it("has a plural form for every category its counts take, each with {n} unless it spells the number", () => {
          for (const [key, value] of Object.entries(table)) {
            if (!isPlural(value)) continue;
            // Stars count 1 to 5; characters left or over, 0 to the longest answer.
            const needed = key === "stars" ? categories(code, 1, 5) : categories(code, 0, 5000);
            for (const category of needed)
              expect(value[category as Intl.LDMLPluralRule], `${name}.${key}.${category}`).toBeDefined();
            for (const [category, text] of Object.entries(value)) {
              // "one", "two" and "zero" may spell the number out ("نجمة واحدة", "כוכב אחד").
              if (!["one", "two", "zero"].includes(category))
                expect(slots(text), `${name}.${key}.${category}`).toEqual(["n"]);
            }
          }
        });
      });
    }
  }
});
