import { describe, expect, it } from "vitest";
import { resolveText, type Text, textLocale } from "./text.js";

describe("resolveText and textLocale pick the same translation", () => {
  const question: Text = { en: "How likely…?", "pt-BR": "Qual a probabilidade…?", da: "Hvor sandsynligt…?" };
  // [locale, default locale, expected tag, why]
  const cases: [string, string | undefined, string | undefined, string][] = [
    ["da", "en", "da", "the exact tag"],
    ["pt-br", "en", "pt-BR", "the exact tag, in any case"],
    ["pt", "en", "pt-BR", "the same base language"],
    ["da-DK", "en", "da", "the base language of a regional tag"],
    ["ar", "en", "en", "the survey's default locale"],
    ["ar", "da", "da", "another default locale"],
    ["ar", "fi", "en", "the first translation when the default has none"],
    ["ar", undefined, "en", "English by default"],
  ];
  for (const [locale, defaultLocale, tag, why] of cases)
    it(`${locale} (default ${defaultLocale ?? "unset"}) → ${tag}: ${why}`, () => {
      expect(textLocale(question, locale, defaultLocale)).toBe(tag);
      expect(resolveText(question, locale, defaultLocale)).toBe(question[tag as keyof typeof question]);
    });

  it("a plain string has no tag of its own and resolves to itself", () => {
    expect(textLocale("Thanks!", "ar")).toBeUndefined();
    expect(resolveText("Thanks!", "ar")).toBe("Thanks!");
  });
});
