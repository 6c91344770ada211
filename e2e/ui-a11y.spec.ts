import type { Page } from "@playwright/test";
import {
  axeViolations,
  card,
  completedAnswers,
  openSurveyPage,
  type SurveyJson,
  storedResponses,
  uniqueId,
} from "./support/prompts.js";
import { answerShownStep, EVERY_KIND, everyKind, expectStep } from "./support/survey-fixtures.js";
import { expect, prompt, test } from "./support/ui-test.js";

const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const inner = el?.shadowRoot?.activeElement;
    return inner
      ? `prompt:${inner.tagName.toLowerCase()}${inner.getAttribute("aria-label") ? `[${inner.getAttribute("aria-label")}]` : ""}`
      : `page:${el?.id || el?.tagName.toLowerCase()}`;
  });

// Light and dark, left-to-right and right-to-left; the modal (center) in one of them for aria-modal.
for (const [lang, mode, position] of [
  ["en", "light", "bottom-right"],
  ["en", "dark", "bottom-right"],
  ["ar", "light", "bottom-right"],
  ["ar", "dark", "center"],
] as const) {
  test(`axe finds nothing on any step, before and after answering (${lang}, ${mode}, ${position})`, async ({
    page,
    host,
    collector,
  }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ reducedMotion: "reduce" });
    const survey = everyKind(uniqueId("axe"), { position, theme: { mode } });
    await openSurveyPage(page, host, collector, [survey], {
      lang,
      head: "<style>body{font-family:sans-serif}</style>",
    });
    const found: string[] = [];
    for (const id of EVERY_KIND) {
      await expectStep(page, survey, id, lang);
      found.push(...(await axeViolations(page, `${id}, unanswered`)));
      if (id === "thanks") break;
      // A validation message, then an answer picked (selected states have their own colours).
      if (id === "nps") {
        await card(page).locator("button.go").click();
        await expect(card(page).getByRole("alert")).toBeVisible();
        found.push(...(await axeViolations(page, `${id}, with its error`)));
      }
      await answerShownStep(page, id);
      found.push(...(await axeViolations(page, `${id}, answered`)));
    }
    expect(found).toEqual([]);
  });
}

test("keyboard only: NPS, follow-up text, thank-you, closed — focus back where it was", async ({
  page,
  host,
  collector,
}) => {
  const survey: SurveyJson = {
    id: uniqueId("keyboard"),
    steps: [
      { kind: "nps", id: "score", question: "How likely are you to recommend Lumen?" },
      { kind: "open", id: "why", question: "What is the main reason for your score?" },
      { kind: "thanks", id: "thanks", question: "Thank you!" },
    ],
  };
  await openSurveyPage(page, host, collector, [survey], {
    body: `<main><h1>Pricing</h1><a id="plans" href="#plans">Compare plans</a></main>`,
  });
  await expect(card(page)).toBeVisible();
  // Nothing moved focus: the person reaches the prompt by tabbing past the page's last link.
  expect(await active(page)).toBe("page:body");
  await page.keyboard.press("Tab");
  expect(await active(page)).toBe("page:plans");
  await page.keyboard.press("Tab");
  expect(await active(page)).toBe("prompt:button[Close survey]");
  await page.keyboard.press("Tab");
  expect(await active(page)).toBe("prompt:button[0, Not at all likely]");
  for (let i = 0; i < 8; i++) await page.keyboard.press("ArrowRight");
  await expect(card(page).getByRole("radio", { name: "8" })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  await expect(card(page).getByRole("radio", { name: "9" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(card(page).getByRole("button", { name: "Next" })).toBeFocused();
  await page.keyboard.press("Enter");
  // The follow-up takes focus, so typing goes straight into it.
  await expect(card(page).getByRole("textbox", { name: "What is the main reason for your score?" })).toBeFocused();
  await page.keyboard.type("Fair price");
  await page.keyboard.press("Tab");
  await expect(card(page).getByRole("button", { name: "Submit" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(card(page).getByRole("heading", { name: "Thank you!" })).toBeFocused();
  await expect(card(page).getByRole("status")).toHaveText("Thank you!");
  await page.keyboard.press("Escape");
  await expect(prompt(page)).toHaveCount(0);
  expect(await active(page)).toBe("page:plans");
  expect(await completedAnswers(collector, survey.id)).toEqual({
    score: { kind: "nps", value: 9 },
    why: { kind: "open", value: "Fair price" },
  });
});

test("in Arabic the scale reads right to left: 0 at the right end, arrows follow the reading direction", async ({
  page,
  host,
  collector,
}) => {
  const survey = everyKind(uniqueId("rtl"));
  await openSurveyPage(page, host, collector, [survey], { lang: "ar" });
  const root = page.locator("sonde-prompt .root");
  await expect(root).toHaveAttribute("dir", "rtl");
  await expect(root).toHaveAttribute("lang", "ar");
  const zero = card(page).getByRole("radio", { name: "0، غير محتمل إطلاقًا" });
  const ten = card(page).getByRole("radio", { name: "10، محتمل جدًا" });
  const [z, t] = [(await zero.boundingBox())!, (await ten.boundingBox())!];
  expect(z.x).toBeGreaterThan(t.x);
  await zero.focus();
  await page.keyboard.press("ArrowLeft");
  await expect(card(page).getByRole("radio", { name: "1", exact: true })).toBeFocused();
  await expect(card(page).getByRole("radio", { name: "1", exact: true })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowRight");
  await expect(card(page).getByRole("radio", { name: "1", exact: true })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(card(page).getByRole("radio", { name: "2", exact: true })).toHaveAttribute("aria-checked", "true");
  // The close button sits at the top left, where a right-to-left reader ends the line.
  const close = (await card(page).getByRole("button", { name: "إغلاق الاستبيان" }).boundingBox())!;
  const c = (await card(page).boundingBox())!;
  expect(close.x - c.x).toBeLessThan(20);
});

test("the centre modal takes focus, keeps Tab inside, and gives focus back on Escape", async ({
  page,
  host,
  collector,
}) => {
  const survey: SurveyJson = {
    id: uniqueId("modal"),
    appearance: { position: "center" },
    steps: [{ kind: "nps", id: "score", question: "How likely are you to recommend Lumen?" }],
  };
  await openSurveyPage(page, host, collector, [survey], {
    body: `<main><h1>Docs</h1><button id="start" autofocus>Start</button><a href="#x">Link</a><input aria-label="Search"></main>`,
  });
  await expect(card(page)).toBeVisible();
  expect(await active(page)).toBe("prompt:button[0, Not at all likely]");
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    expect(await active(page)).toMatch(/^prompt:/);
  }
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Shift+Tab");
    expect(await active(page)).toMatch(/^prompt:/);
  }
  await page.keyboard.press("Escape");
  await expect(prompt(page)).toHaveCount(0);
  expect(await active(page)).toBe("page:start");
});

/** The names of the buttons in Chromium's accessibility tree, the one screen readers browse (inert subtrees are left out). */
async function treeButtons(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  return nodes.filter((n) => !n.ignored && n.role?.value === "button").map((n) => String(n.name?.value));
}

for (const [how, close] of [
  [
    "answered, then the thank-you closed",
    async (page: Page) => {
      await card(page).getByRole("radio", { name: "8" }).click();
      await card(page).getByRole("button", { name: "Submit" }).click();
      await expect(card(page).locator("h2")).toHaveText("Thank you!");
      await card(page).getByRole("button", { name: "Close survey" }).click();
    },
  ],
  ["dismissed", (page: Page) => card(page).getByRole("button", { name: "Close survey" }).click()],
  ["closed with Escape", (page: Page) => page.keyboard.press("Escape")],
  [
    "removed by destroy()",
    (page: Page) => page.evaluate(() => (window as unknown as { sonde: (command: string) => void }).sonde("destroy")),
  ],
] as const) {
  test(`the centre modal makes the page behind it inert until it is ${how}; what was inert stays inert`, async ({
    page,
    host,
    collector,
  }) => {
    const survey: SurveyJson = {
      id: uniqueId("inert"),
      appearance: { position: "center" },
      steps: [
        { kind: "nps", id: "score", question: "How likely are you to recommend Lumen?" },
        { kind: "thanks", id: "thanks", question: "Thank you!" },
      ],
    };
    await openSurveyPage(page, host, collector, [survey], {
      body: `<main><h1>Docs</h1><button id="buy" onclick="window.bought=(window.bought||0)+1">Buy</button></main>
<aside id="old" inert><button>Archived</button></aside>`,
    });
    const buy = page.locator("#buy");
    const bought = () => page.evaluate(() => (window as unknown as { bought?: number }).bought ?? 0);
    await expect(card(page)).toBeVisible();
    await expect(page.locator("main")).toHaveAttribute("inert", "");
    await expect(prompt(page)).not.toHaveAttribute("inert");
    // Out of reach of the keyboard, the pointer and a screen reader's virtual cursor.
    await buy.focus();
    expect(await active(page)).toMatch(/^prompt:/);
    await expect(buy.click({ trial: true, timeout: 1000 })).rejects.toThrow();
    expect(await treeButtons(page)).not.toContain("Buy");
    expect(await treeButtons(page)).toContain("Close survey");

    await close(page);
    await expect(prompt(page)).toHaveCount(0);
    await expect(page.locator("main")).not.toHaveAttribute("inert");
    await expect(page.locator("#old")).toHaveAttribute("inert", "");
    expect(await treeButtons(page)).toContain("Buy");
    expect(await treeButtons(page)).not.toContain("Archived");
    await buy.focus();
    expect(await active(page)).toBe("page:buy");
    await buy.click();
    expect(await bought()).toBe(1);
  });
}

test("a popover makes nothing on the page inert", async ({ page, host, collector }) => {
  const survey: SurveyJson = {
    id: uniqueId("not-inert"),
    steps: [{ kind: "nps", id: "score", question: "How likely are you to recommend Lumen?" }],
  };
  await openSurveyPage(page, host, collector, [survey], {
    body: `<main><h1>Docs</h1><button id="buy">Buy</button></main>`,
  });
  await expect(card(page)).toBeVisible();
  await expect(page.locator("[inert]")).toHaveCount(0);
  expect(await treeButtons(page)).toContain("Buy");
  await page.locator("#buy").click();
  await expect(page.locator("#buy")).toBeFocused();
});

test("a popover never takes focus from someone typing on the page", async ({ page, host, collector }) => {
  const survey: SurveyJson = {
    id: uniqueId("typing"),
    steps: [{ kind: "nps", id: "score", question: "How likely are you to recommend Lumen?" }],
  };
  await openSurveyPage(page, host, collector, [survey], {
    body: `<main><h1>Notes</h1><textarea id="note" aria-label="Note" autofocus></textarea></main>`,
  });
  let typed = "";
  // Keep typing until the prompt is there, then type some more.
  while (!(await card(page).isVisible())) {
    await page.keyboard.type("a");
    typed += "a";
  }
  await page.keyboard.type(" still typing");
  typed += " still typing";
  await expect(page.locator("#note")).toHaveValue(typed);
  expect(await active(page)).toBe("page:note");
  // Escape on the page belongs to the page: the prompt stays.
  await page.keyboard.press("Escape");
  await expect(card(page)).toBeVisible();
});

test("Escape dismisses from any control, and a picked but unsent answer is not sent", async ({
  page,
  host,
  collector,
}) => {
  const survey: SurveyJson = {
    id: uniqueId("escape"),
    steps: [{ kind: "nps", id: "score", question: "How likely are you to recommend Lumen?" }],
  };
  await openSurveyPage(page, host, collector, [survey]);
  await card(page).getByRole("radio", { name: "5" }).click();
  await page.keyboard.press("Escape");
  await expect(prompt(page)).toHaveCount(0);
  await page.waitForLoadState("networkidle");
  expect(storedResponses(collector, survey.id)).toEqual([]);
});

test("the prompt and the thank-you are announced through a polite live region", async ({ page, host, collector }) => {
  const survey: SurveyJson = {
    id: uniqueId("live"),
    steps: [
      { kind: "thumbs", id: "useful", question: "Was this page useful?" },
      { kind: "thanks", id: "thanks", question: "Thanks for telling us." },
    ],
  };
  await openSurveyPage(page, host, collector, [survey]);
  const live = card(page).getByRole("status");
  await expect(live).toHaveText("Survey: Was this page useful?");
  // role=status is polite by definition; nothing in the prompt is assertive but a validation alert.
  await expect(card(page).locator("[aria-live=assertive]")).toHaveCount(0);
  await card(page).getByRole("radio", { name: "Thumbs up" }).click();
  await card(page).getByRole("button", { name: "Submit" }).click();
  await expect(live).toHaveText("Thanks for telling us.");
  await expect(card(page)).toHaveAccessibleName("Thanks for telling us.");
});
