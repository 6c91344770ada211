import { serveSurveyPage, uniqueId } from "../support/prompts.js";
import { everyKind } from "../support/survey-fixtures.js";
import { expect, flush, test } from "./fixtures.js";

// On an Arabic page the prompt speaks Arabic and reads right to left: 0 at the right end of the
// scale, the arrow keys follow the reading direction, the close button at the top left.

test("in Arabic the prompt reads right to left and the arrow keys follow it", async ({ journey }) => {
  const { tab, host, proxy, collector, rows } = journey;
  const full = everyKind(uniqueId("rtl"));
  const survey = { ...full, steps: full.steps.filter((s) => s.id === "nps" || s.id === "thanks") };
  await tab.goto(serveSurveyPage(host, proxy, [survey], { lang: "ar", head: journey.head }));

  await expect.poll(() => tab.describe({ role: "dialog" })).not.toBeNull();
  const box = async (role: string, name: string) => (await tab.describe({ role, name }))!.box;
  const card = (await tab.describe({ role: "dialog" }))!;
  expect(card).toMatchObject({ name: "ما مدى احتمال أن توصي بـ Lumen لصديق أو زميل؟", direction: "rtl", lang: "ar" });
  // The points are numbered as the engine writes numbers in Arabic: WebKitGTK with Arabic-Indic
  // digits (٠…١٠), Firefox and Chromium with Latin ones.
  const [n0, n1, n10] = await tab.evaluate(() => [0, 1, 10].map((n) => new Intl.NumberFormat("ar").format(n)));
  const zero = `${n0}، غير محتمل إطلاقًا`;
  expect((await box("radio", zero)).x, "0 sits right of 10").toBeGreaterThan(
    (await box("radio", `${n10}، محتمل جدًا`)).x,
  );
  const close = await box("button", "إغلاق الاستبيان");
  expect(close.x - card.box.x, "the close button at the left edge").toBeLessThan(20);

  await tab.focus({ role: "radio", name: zero });
  await tab.press("ArrowLeft");
  await expect.poll(() => tab.describe({ role: "radio", name: n1! })).toMatchObject({ focused: true, checked: true });
  await tab.press("ArrowLeft");
  await tab.press("ArrowRight");
  await expect.poll(() => tab.describe({ role: "radio", name: n1! })).toMatchObject({ focused: true, checked: true });
  await tab.click({ role: "button", name: "إرسال" });
  await expect.poll(() => tab.describe({ role: "heading", name: "شكرًا لك، هذا يساعدنا كثيرًا." })).not.toBeNull();
  await expect.poll(() => collector.rowCount(survey.id)).toBe(1);
  await flush(tab);
  expect(rows().map((r) => [r.response.context.locale, r.response.answers])).toEqual([
    ["ar", { nps: { kind: "nps", value: 1 } }],
  ]);
});
