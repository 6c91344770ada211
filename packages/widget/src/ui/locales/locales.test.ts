import { describe, expect, it } from "vitest";
import { UI_LOCALES } from "../locale-loader.js";
import en, { type LocaleStrings, type Plural } from "./en.js";

// Every table, loaded the way the bundler sees them: one module per language.
const files = import.meta.glob<{ default: LocaleStrings }>("./*.ts", { eager: true });
const tables = Object.entries(files)
  .filter(([path]) => !path.endsWith(".test.ts"))
  .map(([path, mod]) => [path.slice(2, -3), mod.default] as const);

const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const isPlural = (v: unknown): v is Plural => typeof v === "object" && v !== null && !Array.isArray(v);

/** The plural categories whole numbers up to the longest answer can take in a language. */
function categoriesInUse(locale: string): Set<string> {
  const rules = new Intl.PluralRules(locale);
  const used = new Set<string>();
  for (let n = 0; n <= 5000; n++) used.add(rules.select(n));
  return used;
}

describe("locale tables", () => {
  it("exist for the twelve languages the loader offers, and no others", () => {
    expect(tables.map(([code]) => code).sort()).toEqual([...UI_LOCALES].sort());
    expect(UI_LOCALES).toHaveLength(12);
  });

  for (const [code, table] of tables) {
    describe(code, () => {
      it("has every string of the English table, none empty, none left in English", () => {
        expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
        for (const [key, value] of Object.entries(table)) {
          const texts = isPlural(value) ? Object.values(value) : Array.isArray(value) ? value : [value];
          for (const text of texts) expect(text.trim(), `${code}.${key}`).not.toBe("");
          // Words that need no translation ("Neutral", "OK") may match; whole sentences may not.
          if (code !== "en" && typeof value === "string" && value.split(" ").length > 2)
            expect(value, `${code}.${key} is still English`).not.toBe(en[key as keyof LocaleStrings]);
        }
        expect(table.csat).toHaveLength(5);
      });

      it("keeps the {slots} of each English string", () => {
        for (const [key, value] of Object.entries(table)) {
          const base = en[key as keyof LocaleStrings];
          if (typeof value === "string" && typeof base === "string")
            expect(slots(value), `${code}.${key}: "${value}"`).toEqual(slots(base));
        }
      });

      it("has a plural form for every category its numbers use, each with {n} unless it names the number", () => {
        const needed = categoriesInUse(code);
        for (const [key, value] of Object.entries(table)) {
          if (!isPlural(value)) continue;
          for (const category of needed)
            expect(value[category as Intl.LDMLPluralRule], `${code}.${key}.${category}`).toBeDefined();
          for (const [category, text] of Object.entries(value)) {
            // "one", "two" and "zero" may spell the number out ("نجمة واحدة", "כוכב אחד").
            if (!["one", "two", "zero"].includes(category))
              expect(slots(text), `${code}.${key}.${category}`).toEqual(["n"]);
          }
        }
      });
    });
  }
});
