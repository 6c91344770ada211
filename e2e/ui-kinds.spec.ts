import type { Page } from "@playwright/test";
import {
  card,
  completedAnswers,
  openSurveyPage,
  type SurveyJson,
  storedResponses,
  uniqueId,
} from "./support/prompts.js";
import { answerShownStep, EVERY_KIND, EVERY_KIND_ANSWERS, everyKind, expectStep } from "./support/survey-fixtures.js";
import { expect, outboxIds, prompt, test } from "./support/ui-test.js";

test("every kind of step renders, and each answer reaches the collector's SQLite file", async ({
  page,
  host,
  collector,
}) => {
  const survey = everyKind(uniqueId("kinds"));
  await openSurveyPage(page, host, collector, [survey]);
  for (const id of EVERY_KIND) {
    await expectStep(page, survey, id);
    await answerShownStep(page, id);
  }
  await expect(card(page).getByRole("link", { name: "See our roadmap (opens in a new tab)" })).toHaveAttribute(
    "href",
    "https://example.com/roadmap",
  );
  expect(await completedAnswers(collector, survey.id)).toEqual(EVERY_KIND_ANSWERS);
  await card(page).getByRole("button", { name: "Close survey" }).click();
  await expect(prompt(page)).toHaveCount(0);
});

test("CSAT as faces and as stars names every point; thumbs name both", async ({ page, host, collector }) => {
  const survey = everyKind(uniqueId("names"));
  await openSurveyPage(page, host, collector, [survey]);
  const names = () =>
    card(page)
      .getByRole("radio")
      .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
  for (const id of ["nps", "csat"] as const) {
    await expectStep(page, survey, id);
    await answerShownStep(page, id);
  }
  await expectStep(page, survey, "emoji");
  expect(await names()).toEqual(["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"]);
  await answerShownStep(page, "emoji");
  await expectStep(page, survey, "stars");
  expect(await names()).toEqual([
    "1 star, Very dissatisfied",
    "2 stars",
    "3 stars",
    "4 stars",
    "5 stars, Very satisfied",
  ]);
  // Stars fill up to the one picked.
  await card(page).getByRole("radio", { name: "3 stars" }).click();
  await expect(card(page).locator(".star path.on")).toHaveCount(3);
  await card(page).locator("button.go").click();
  await expectStep(page, survey, "ces");
  expect(await names()).toEqual(["1, Strongly disagree", "2", "3", "4", "5", "6", "7, Strongly agree"]);
  await answerShownStep(page, "ces");
  await expectStep(page, survey, "gap");
  await expect(
    card(page).getByRole("radiogroup", { name: "How fast was our support? What you expected" }),
  ).toBeVisible();
  await expect(card(page).getByRole("radiogroup", { name: "How fast was our support? What you got" })).toBeVisible();
  await answerShownStep(page, "gap");
  await expectStep(page, survey, "thumbs");
  expect(await names()).toEqual(["Thumbs up", "Thumbs down"]);
});

/** The progress ("2 of 3") as the card shows it. */
const progressOf = (page: Page) => card(page).getByText(/^\d+ of \d+$/);

/** NPS that branches: detractors explain, promoters pick a reason (or "nothing" ends it), passives go to thanks. */
function branching(id: string): SurveyJson {
  return {
    id,
    steps: [
      {
        kind: "nps",
        id: "score",
        question: "How likely are you to recommend us?",
        branches: [
          { when: { max: 6 }, goto: "why-low" },
          { when: { min: 9 }, goto: "why-high" },
        ],
        next: "thanks",
      },
      { kind: "open", id: "why-low", question: "What went wrong?", next: "thanks" },
      {
        kind: "single",
        id: "why-high",
        question: "What do you like most?",
        choices: [
          { id: "speed", label: "Speed" },
          { id: "nothing", label: "Nothing in particular" },
        ],
        branches: [{ when: { choices: ["nothing"] }, goto: "end" }],
        next: "end",
      },
      { kind: "thanks", id: "thanks", question: "Thanks!" },
    ],
  };
}

test.describe("branching", () => {
  test("a detractor is asked what went wrong, then thanked", async ({ page, host, collector }) => {
    const survey = branching(uniqueId("branch-low"));
    await openSurveyPage(page, host, collector, [survey]);
    await card(page).getByRole("radio", { name: "3" }).click();
    await expect(card(page).locator("button.go")).toHaveText("Next");
    await card(page).locator("button.go").click();
    await expect(card(page).locator("h2")).toHaveText("What went wrong?");
    await card(page).getByRole("textbox").fill("Too slow");
    await card(page).locator("button.go").click();
    await expect(card(page).locator("h2")).toHaveText("Thanks!");
    expect(await completedAnswers(collector, survey.id)).toEqual({
      score: { kind: "nps", value: 3 },
      "why-low": { kind: "open", value: "Too slow" },
    });
  });

  test("a passive goes straight to the thank-you", async ({ page, host, collector }) => {
    const survey = branching(uniqueId("branch-mid"));
    await openSurveyPage(page, host, collector, [survey]);
    await card(page).getByRole("radio", { name: "7" }).click();
    await expect(card(page).locator("button.go")).toHaveText("Submit");
    await card(page).locator("button.go").click();
    await expect(card(page).locator("h2")).toHaveText("Thanks!");
    expect(await completedAnswers(collector, survey.id)).toEqual({ score: { kind: "nps", value: 7 } });
  });

  test("a promoter's reason ends the survey (next: end): the prompt closes at once, no thank-you", async ({
    page,
    host,
    collector,
  }) => {
    const survey = branching(uniqueId("branch-high"));
    await openSurveyPage(page, host, collector, [survey]);
    await card(page).getByRole("radio", { name: "10, Extremely likely" }).click();
    await card(page).locator("button.go").click();
    await expect(card(page).locator("h2")).toHaveText("What do you like most?");
    await card(page).getByRole("radio", { name: "Speed" }).check();
    await expect(card(page).locator("button.go")).toHaveText("Submit");
    await card(page).locator("button.go").click();
    await expect(prompt(page)).toHaveCount(0);
    expect(await completedAnswers(collector, survey.id)).toEqual({
      score: { kind: "nps", value: 10 },
      "why-high": { kind: "single", value: "speed" },
    });
  });

  test("progress counts the path taken: a branch that skips a question shortens the total", async ({
    page,
    host,
    collector,
  }) => {
    // score → why → easy → thanks by default; a promoter skips "why".
    const survey: SurveyJson = {
      id: uniqueId("progress"),
      steps: [
        {
          kind: "nps",
          id: "score",
          question: "How likely are you to recommend us?",
          branches: [{ when: { min: 9 }, goto: "easy" }],
        },
        { kind: "open", id: "why", question: "What should we improve?" },
        { kind: "thumbs", id: "easy", question: "Was setting up easy?" },
        { kind: "thanks", id: "thanks", question: "Thanks!" },
      ],
    };
    const progress = () => progressOf(page);
    for (const [score, shown] of [
      ["10, Extremely likely", ["1 of 3", "2 of 2"]],
      ["3", ["1 of 3", "2 of 3", "3 of 3"]],
    ] as const) {
      await openSurveyPage(page, host, collector, [{ ...survey, id: uniqueId("progress") }]);
      await expect(progress()).toHaveText(shown[0]);
      await card(page).getByRole("radio", { name: score }).click();
      await card(page).locator("button.go").click();
      await expect(progress()).toHaveText(shown[1]);
      if (shown.length === 3) {
        await expect(card(page).locator("h2")).toHaveText("What should we improve?");
        await card(page).locator("button.go").click();
        await expect(progress()).toHaveText(shown[2]);
      }
      await expect(card(page).locator("h2")).toHaveText("Was setting up easy?");
      await card(page).getByRole("radio", { name: "Thumbs up" }).click();
      await card(page).locator("button.go").click();
      await expect(card(page).locator("h2")).toHaveText("Thanks!");
      await expect(progress()).toHaveCount(0);
    }
  });

  test("no progress on a question whose route ends with it; it appears when a branch adds one", async ({
    page,
    host,
    collector,
  }) => {
    const survey: SurveyJson = {
      id: uniqueId("progress-one"),
      steps: [
        {
          kind: "nps",
          id: "score",
          question: "How likely are you to recommend us?",
          branches: [{ when: { max: 6 }, goto: "why" }],
          next: "end",
        },
        { kind: "open", id: "why", question: "What went wrong?" },
      ],
    };
    await openSurveyPage(page, host, collector, [survey]);
    await expect(card(page).locator("h2")).toHaveText("How likely are you to recommend us?");
    await expect(card(page).locator("button.go")).toHaveText("Submit");
    await expect(progressOf(page)).toHaveCount(0);
    await card(page).getByRole("radio", { name: "2" }).click();
    await expect(card(page).locator("button.go")).toHaveText("Next");
    await card(page).locator("button.go").click();
    await expect(card(page).locator("h2")).toHaveText("What went wrong?");
    await expect(progressOf(page)).toHaveText("2 of 2");
  });

  test("a choice branch to `end` closes the prompt without the following step", async ({ page, host, collector }) => {
    const survey = branching(uniqueId("branch-choice"));
    survey.steps[2] = { ...survey.steps[2]!, next: undefined } as SurveyJson["steps"][number];
    await openSurveyPage(page, host, collector, [survey]);
    await card(page).getByRole("radio", { name: "10, Extremely likely" }).click();
    await card(page).locator("button.go").click();
    await card(page).getByRole("radio", { name: "Nothing in particular" }).check();
    await card(page).locator("button.go").click();
    await expect(prompt(page)).toHaveCount(0);
  });
});

test("validation: a required scale asks for an answer, text over the limit is flagged, an empty optional step is skipped", async ({
  page,
  host,
  collector,
}) => {
  const id = uniqueId("validate");
  const survey: SurveyJson = {
    id,
    steps: [
      { kind: "nps", id: "score", question: "How likely are you to recommend us?" },
      { kind: "open", id: "why", question: "Why?", maxLength: 10 },
      { kind: "thanks", id: "thanks", question: "Thanks!" },
    ],
  };
  await openSurveyPage(page, host, collector, [survey]);
  const c = card(page);
  await c.locator("button.go").click();
  await expect(c.getByRole("alert")).toHaveText("Please choose an answer.");
  await expect(c.getByRole("radiogroup")).toHaveAccessibleDescription("Please choose an answer.");
  expect(await outboxIds(page)).toEqual([]);
  await c.getByRole("radio", { name: "8" }).click();
  await expect(c.getByRole("alert")).toHaveCount(0);
  await c.locator("button.go").click();

  const field = c.getByRole("textbox", { name: "Why?" });
  await expect(field).toHaveAccessibleDescription("10 characters left");
  await expect(c.locator("button.go")).toHaveText("Skip");
  await field.fill("a");
  await expect(field).toHaveAccessibleDescription("9 characters left");
  await field.fill("twelve chars");
  await expect(c.locator(".count")).toHaveText("2 characters too many");
  await c.locator("button.go").click();
  await expect(c.getByRole("alert")).toHaveText("Please shorten your answer.");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await field.fill("");
  await expect(c.locator("button.go")).toHaveText("Skip");
  await c.locator("button.go").click();
  await expect(c.locator("h2")).toHaveText("Thanks!");
  expect(await completedAnswers(collector, id)).toEqual({ score: { kind: "nps", value: 8 } });
  expect(storedResponses(collector, id)[0]!.completed).toBe(true);
});

test("'Other' opens a text field whose text is sent with the choice", async ({ page, host, collector }) => {
  const id = uniqueId("other");
  const survey: SurveyJson = {
    id,
    steps: [
      {
        kind: "multiple",
        id: "use",
        question: "Which features do you use?",
        choices: [
          { id: "tags", label: "Tags" },
          { id: "search", label: "Search" },
        ],
        other: true,
      },
    ],
  };
  await openSurveyPage(page, host, collector, [survey]);
  const c = card(page);
  await expect(c.getByRole("group", { name: "Which features do you use?" })).toHaveAccessibleDescription(
    "Select all that apply.",
  );
  await expect(c.getByRole("textbox")).toHaveCount(0);
  await c.getByRole("checkbox", { name: "Search" }).check();
  await c.getByRole("checkbox", { name: "Other" }).check();
  await c.getByRole("textbox", { name: "Other, please specify" }).fill("Offline mode");
  await c.locator("button.go").click();
  await expect(prompt(page)).toHaveCount(0);
  expect(await completedAnswers(collector, id)).toEqual({
    use: { kind: "multiple", value: ["search", "other"], other: "Offline mode" },
  });
});
