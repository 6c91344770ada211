import type { Page } from "@playwright/test";
import { card, openSurveyPage, type SurveyJson, uniqueId } from "./support/prompts.js";
import { expect, test } from "./support/ui-test.js";

// What each language calls the close button and the ends of the NPS scale, as a reader of it expects.
const LANGUAGES: Record<string, { close: string; low: string; high: string; dir: "ltr" | "rtl" }> = {
  en: { close: "Close survey", low: "Not at all likely", high: "Extremely likely", dir: "ltr" },
  da: { close: "Luk spørgeskemaet", low: "Slet ikke sandsynligt", high: "Meget sandsynligt", dir: "ltr" },
  ru: { close: "Закрыть опрос", low: "Крайне маловероятно", high: "Очень вероятно", dir: "ltr" },
  fi: { close: "Sulje kysely", low: "Erittäin epätodennäköistä", high: "Erittäin todennäköistä", dir: "ltr" },
  fr: { close: "Fermer le questionnaire", low: "Pas du tout probable", high: "Extrêmement probable", dir: "ltr" },
  zh: { close: "关闭问卷", low: "完全不可能", high: "非常可能", dir: "ltr" },
  de: { close: "Umfrage schließen", low: "Überhaupt nicht wahrscheinlich", high: "Äußerst wahrscheinlich", dir: "ltr" },
  es: { close: "Cerrar la encuesta", low: "Nada probable", high: "Muy probable", dir: "ltr" },
  pt: { close: "Fechar a pesquisa", low: "Nada provável", high: "Extremamente provável", dir: "ltr" },
  ja: { close: "アンケートを閉じる", low: "まったく可能性はない", high: "非常に可能性が高い", dir: "ltr" },
  ar: { close: "إغلاق الاستبيان", low: "غير محتمل إطلاقًا", high: "محتمل جدًا", dir: "rtl" },
  he: { close: "סגירת הסקר", low: "בכלל לא סביר", high: "סביר מאוד", dir: "rtl" },
};

const nps = (id: string, question: SurveyJson["steps"][number]["question"] = "Q?"): SurveyJson => ({
  id,
  steps: [{ kind: "nps", id: "score", question }],
});

/** The locale chunks the page downloaded, by language code. */
function localeChunks(page: Page): string[] {
  const codes = Object.keys(LANGUAGES).join("|");
  const seen: string[] = [];
  page.on("response", (r) => {
    const m = new RegExp(`/sonde/(${codes})-[\\w-]+\\.js$`).exec(r.url());
    if (m) seen.push(m[1]!);
  });
  return seen;
}

for (const [code, want] of Object.entries(LANGUAGES)) {
  test(`${code}: the prompt speaks it, lays it out ${want.dir}, and downloads only its table`, async ({
    page,
    host,
    collector,
  }) => {
    const chunks = localeChunks(page);
    await openSurveyPage(page, host, collector, [nps(uniqueId(`lang-${code}`))], { locale: code });
    await expect(card(page).getByRole("button", { name: want.close })).toBeVisible();
    await expect(card(page).locator(".ends")).toHaveText(want.low + want.high);
    const root = page.locator("sonde-prompt .root");
    await expect(root).toHaveAttribute("lang", code);
    await expect(root).toHaveAttribute("dir", want.dir);
    await page.waitForLoadState("networkidle");
    expect(chunks).toEqual([code]);
  });
}

test.describe("which language", () => {
  test("the configured language wins over the page's", async ({ page, host, collector }) => {
    await openSurveyPage(page, host, collector, [nps(uniqueId("pick"))], { lang: "fr", locale: "de" });
    await expect(card(page).getByRole("button", { name: "Umfrage schließen" })).toBeVisible();
  });

  test("a survey written only in Danish speaks Danish on a German page", async ({ page, host, collector }) => {
    const survey = { ...nps(uniqueId("pick"), { da: "Hvor sandsynligt …?" }), defaultLocale: "da" };
    await openSurveyPage(page, host, collector, [survey], { lang: "de" });
    await expect(card(page).getByRole("button", { name: "Luk spørgeskemaet" })).toBeVisible();
    await expect(card(page).locator("h2")).toHaveText("Hvor sandsynligt …?");
  });

  test("of the survey's languages, the page's <html lang> picks one", async ({ page, host, collector }) => {
    const survey = nps(uniqueId("pick"), { en: "How likely …?", fi: "Kuinka todennäköisesti …?" });
    await openSurveyPage(page, host, collector, [survey], { lang: "fi-FI" });
    await expect(card(page).locator("h2")).toHaveText("Kuinka todennäköisesti …?");
    await expect(card(page).getByRole("button", { name: "Sulje kysely" })).toBeVisible();
  });

  test("without <html lang>, the browser's languages decide, pt-BR falling back to pt", async ({
    browser,
    host,
    collector,
  }) => {
    const context = await browser.newContext({ locale: "pt-BR" });
    const page = await context.newPage();
    await openSurveyPage(page, host, collector, [nps(uniqueId("pick"))], { lang: "" });
    await expect(card(page).getByRole("button", { name: "Fechar a pesquisa" })).toBeVisible();
    await expect(page.locator("sonde-prompt .root")).toHaveAttribute("lang", "pt");
    await context.close();
  });
});

test.describe("numbers and plurals", () => {
  const open = (id: string, maxLength?: number): SurveyJson => ({
    id,
    steps: [{ kind: "open", id: "why", question: "?", ...(maxLength ? { maxLength } : {}) }],
  });

  test("Russian counts characters with one, few and many", async ({ page, host, collector }) => {
    await openSurveyPage(page, host, collector, [open(uniqueId("ru"), 30)], { locale: "ru" });
    const field = card(page).locator("textarea");
    const count = card(page).locator(".count");
    await field.fill("123456789");
    await expect(count).toHaveText("Остался 21 символ");
    await field.fill("x".repeat(27));
    await expect(count).toHaveText("Осталось 3 символа");
    await field.fill("x".repeat(25));
    await expect(count).toHaveText("Осталось 5 символов");
    await field.fill("x".repeat(32));
    await expect(count).toHaveText("2 лишних символа");
  });

  test("Arabic says 'one character' and 'two characters' in words", async ({ page, host, collector }) => {
    await openSurveyPage(page, host, collector, [open(uniqueId("ar"), 3)], { locale: "ar" });
    const field = card(page).locator("textarea");
    await field.fill("ab");
    await expect(card(page).locator(".count")).toHaveText("تبقّى حرف واحد");
    await field.fill("a");
    await expect(card(page).locator(".count")).toHaveText("تبقّى حرفان");
  });

  test("large counts are grouped the local way", async ({ page, host, collector }) => {
    for (const [locale, text] of [
      ["de", "Noch 5.000 Zeichen"],
      ["fr", "5\u202f000 caractères restants"],
      ["en", "5,000 characters left"],
    ] as const) {
      await openSurveyPage(page, host, collector, [open(uniqueId(locale))], { locale });
      await expect(card(page).locator(".count")).toHaveText(text);
    }
  });
});
