import type { Survey } from "@sonde/core";
import { describe, expect, it } from "vitest";
import {
  directionOf,
  loadStrings,
  localeCandidates,
  pickUiLocale,
  surveyLanguages,
  textLanguage,
} from "./locale-loader.js";

const survey = (texts: Record<string, string> | string, defaultLocale?: string): Survey => ({
  id: "s",
  ...(defaultLocale ? { defaultLocale } : {}),
  steps: [{ kind: "nps", id: "q", question: texts }],
});

describe("pickUiLocale", () => {
  const cases: [(string | undefined)[], string][] = [
    [["pt-BR"], "pt"],
    [["zh-Hans-CN"], "zh"],
    [["he-IL", "en"], "he"],
    [[undefined, "", "FR-ca"], "fr"],
    [["it", "nb", "da-DK"], "da"],
    [["it"], "en"],
    [[], "en"],
  ];
  for (const [candidates, want] of cases)
    it(`${JSON.stringify(candidates)} → ${want}`, () => expect(pickUiLocale(candidates)).toBe(want));
});

describe("localeCandidates (config → survey's languages → <html lang> → navigator.languages)", () => {
  const cases: [string, Survey, string | undefined, string[], string][] = [
    ["the config wins", survey({ en: "Q", da: "Q" }), "de", ["da", "en"], "de"],
    ["a page language the survey is written in", survey({ en: "Q", da: "Q" }, "en"), undefined, ["da-DK", "en"], "da"],
    ["the survey's own language over a page language it lacks", survey({ da: "Q" }, "da"), undefined, ["de"], "da"],
    ["html lang for a survey of plain strings", survey("Q"), undefined, ["fi", "en"], "fi"],
    ["navigator.languages after html lang, with base fallback", survey("Q"), undefined, ["", "pt-BR"], "pt"],
    ["the survey's first language when it has no default", survey({ ja: "Q" }), undefined, ["ko"], "ja"],
  ];
  for (const [name, s, configured, page, want] of cases)
    it(name, () => expect(pickUiLocale(localeCandidates(s, configured, page))).toBe(want));

  it("collects languages from questions, descriptions and choices", () => {
    const s: Survey = {
      id: "s",
      steps: [
        {
          kind: "single",
          id: "a",
          question: { fr: "Q" },
          description: { de: "D" },
          choices: [{ id: "x", label: { "pt-BR": "X" } }],
        },
      ],
    };
    expect([...surveyLanguages(s)].sort()).toEqual(["de", "fr", "pt"]);
  });
});

describe("directionOf and loadStrings", () => {
  it("lays out Arabic and Hebrew right to left, the rest left to right", () => {
    expect(["ar", "he", "he-IL", "en", "ja", "ru"].map(directionOf)).toEqual([
      "rtl",
      "rtl",
      "rtl",
      "ltr",
      "ltr",
      "ltr",
    ]);
  });

  it("loads the table of the language asked for, English for an unknown one", async () => {
    expect((await loadStrings("fi")).close).toBe("Sulje kysely");
    expect((await loadStrings("xx")).close).toBe("Close survey");
  });
});

describe("textLanguage: survey text in another language than the prompt's carries its own", () => {
  const nps = { en: "How likely?", ar: "ما مدى احتمال؟", "pt-BR": "Qual a probabilidade?" };
  // [what, text, prompt locale, survey's defaultLocale, expected]
  const cases: [string, Record<string, string> | string | undefined, string, string | undefined, unknown][] = [
    ["a translation in the prompt's language", nps, "ar", undefined, undefined],
    ["a regional translation of the prompt's language", nps, "pt", undefined, undefined],
    ["English falling back into an Arabic prompt", { en: "How likely?" }, "ar", undefined, { lang: "en", dir: "ltr" }],
    ["Arabic falling back into an English prompt", { ar: "؟" }, "en", "ar", { lang: "ar", dir: "rtl" }],
    ["the survey's default language", { da: "Hvor?", he: "?" }, "fr", "he", { lang: "he", dir: "rtl" }],
    ["a plain string in a survey that names its language", "How likely?", "ar", "en", { lang: "en", dir: "ltr" }],
    ["a plain string of unknown language", "How likely?", "ar", undefined, { dir: "auto" }],
    ["a plain string of unknown language in a left-to-right prompt", "Hvor?", "en", undefined, { dir: "auto" }],
    ["no text", undefined, "ar", "en", undefined],
  ];
  for (const [what, text, locale, defaultLocale, want] of cases)
    it(what, () => expect(textLanguage(text, locale, survey("Q", defaultLocale))).toEqual(want));
});
