import { card, completedAnswers, openSurveyPage, type SurveyJson, uniqueId } from "./support/prompts.js";
import { answerShownStep, EVERY_KIND, EVERY_KIND_ANSWERS, everyKind, expectStep } from "./support/survey-fixtures.js";
import { expect, test } from "./support/ui-test.js";

const nps = (id: string): SurveyJson => ({
  id,
  steps: [
    { kind: "nps", id: "score", question: "How likely are you to recommend Lumen?" },
    { kind: "open", id: "why", question: "Why?" },
  ],
});

test("Enter submits a step once it is answered, on every kind, as a form does", async ({ page, host, collector }) => {
  test.setTimeout(120_000);
  const survey = everyKind(uniqueId("enter"));
  await openSurveyPage(page, host, collector, [survey]);
  const c = card(page);
  for (const id of EVERY_KIND) {
    await expectStep(page, survey, id);
    if (id === "thanks") break;
    if (id === "open") {
      await c.locator("textarea").fill("Faster sync");
      // Enter writes a new line in a text area; Ctrl+Enter sends.
      await page.keyboard.press("Enter");
      await expectStep(page, survey, id);
      await page.keyboard.type(", please.");
      await page.keyboard.press("Control+Enter");
      continue;
    }
    await answerShownStep(page, id, false);
    // Focus is on what was just picked: Enter there submits, without a Tab to the button.
    await page.keyboard.press("Enter");
  }
  expect(await completedAnswers(collector, survey.id)).toEqual({
    ...EVERY_KIND_ANSWERS,
    open: { kind: "open", value: "Faster sync\n, please." },
  });
});

test("Enter on a point not picked yet picks it; on the picked point it submits", async ({ page, host, collector }) => {
  const survey = nps(uniqueId("enter-pick"));
  await openSurveyPage(page, host, collector, [survey]);
  const seven = card(page).getByRole("radio", { name: "7", exact: true });
  await seven.focus();
  await page.keyboard.press("Enter");
  await expect(seven).toHaveAttribute("aria-checked", "true");
  await expectStep(page, survey, "score");
  await page.keyboard.press("Enter");
  await expectStep(page, survey, "why");
});

test("Enter in the text field of “Other” submits too", async ({ page, host, collector }) => {
  const survey: SurveyJson = {
    id: uniqueId("enter-other"),
    steps: [
      { kind: "single", id: "role", question: "Your role?", choices: [{ id: "pm", label: "PM" }], other: true },
      { kind: "thanks", id: "thanks", question: "Thanks!" },
    ],
  };
  await openSurveyPage(page, host, collector, [survey]);
  await card(page).getByRole("radio", { name: "Other" }).check();
  await card(page).getByRole("textbox").fill("Founder");
  await page.keyboard.press("Enter");
  expect(await completedAnswers(collector, survey.id)).toEqual({
    role: { kind: "single", value: "other", other: "Founder" },
  });
});

for (const lang of ["en", "ar"] as const)
  test(`arrow keys move from the focused point, not the picked one (${lang})`, async ({ page, host, collector }) => {
    await openSurveyPage(page, host, collector, [nps(uniqueId("arrows"))], { locale: lang });
    const group = card(page).getByRole("radiogroup");
    const point = (n: number) => group.getByRole("radio").nth(n);
    const [forward, backward] = lang === "ar" ? ["ArrowLeft", "ArrowRight"] : ["ArrowRight", "ArrowLeft"];
    // Nothing picked; a screen reader (or a script) puts focus on 5, off the tab stop on 0.
    await point(5).focus();
    await page.keyboard.press(forward);
    await expect(point(6)).toBeFocused();
    await expect(point(6)).toHaveAttribute("aria-checked", "true");
    await expect(group.locator("[aria-checked=true]")).toHaveCount(1);
    // 6 is picked; focus moves to 9 without picking it: the next key goes on from 9.
    await point(9).focus();
    await page.keyboard.press(backward);
    await expect(point(8)).toBeFocused();
    await expect(point(8)).toHaveAttribute("aria-checked", "true");
    await point(2).focus();
    await page.keyboard.press("ArrowDown");
    await expect(point(3)).toHaveAttribute("aria-checked", "true");
    await point(1).focus();
    await page.keyboard.press("ArrowUp");
    await expect(point(0)).toHaveAttribute("aria-checked", "true");
    await page.keyboard.press(backward);
    await expect(point(0)).toBeFocused();
    await expect(group.locator("[tabindex='0']")).toHaveCount(1);
  });
