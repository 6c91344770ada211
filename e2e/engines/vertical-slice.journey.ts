import { hostPage } from "../support/host.js";
import { expect, flush, type Journey, test } from "./fixtures.js";

// The core journey in each engine: the script tag's rules show the demo's NPS survey on the
// pricing page, a person answers it with the keyboard or the pointer, and the collector's SQLite
// file holds the answer once — also after the page is left, when the widget flushes again.

const THANKS = "Thank you — that helps us a lot.";

/** The demo site's pricing page on the journey's host: surveys from the collector, answers to it. */
function pricingPage({ host, head }: Journey, path = "/pricing") {
  return host.page(path, {
    html: hostPage(
      { endpoint: "/v1/responses", "surveys-url": "/v1/surveys" },
      `<main><h1>Pricing</h1><a href="/plans">Plans</a> <button type="button">Compare</button></main>`,
      head,
    ),
  });
}

/** The collector holds exactly one response, the pricing NPS with this score, and keeps holding one. */
async function expectStoredOnce(journey: Journey, score: number) {
  const { rows, host, tab } = journey;
  await expect.poll(() => rows().length, { message: "rows in SQLite" }).toBe(1);
  // Leaving the page (pagehide) and opening another page of the site (its outbox starts and
  // flushes what waits) must not send it again.
  await tab.goto(
    host.page("/docs", {
      html: hostPage({ endpoint: "/v1/responses", "surveys-url": "/v1/surveys" }, "", journey.head),
    }),
  );
  await flush(tab);
  const [row] = rows();
  expect(rows()).toHaveLength(1);
  expect(row!.revision).toBe(1);
  expect(row!.response).toMatchObject({
    surveyId: "nps-pricing",
    completed: true,
    answers: { score: { kind: "nps", value: score } },
  });
}

test("by keyboard: Tab into the prompt, arrows pick 9, Enter submits; stored once", async ({ journey }) => {
  const { tab } = journey;
  await tab.goto(pricingPage(journey));
  await expect.poll(() => tab.describe({ role: "dialog" })).not.toBeNull();

  // Tab through the page until focus enters the prompt, as a keyboard user would.
  for (let i = 0; i < 20 && !("role" in ((await tab.focused()) ?? {})); i++) await tab.press("Tab");
  expect(await tab.focused()).toEqual({ role: "button", name: "Close survey" });
  await tab.press("Tab");
  expect(await tab.focused()).toEqual({ role: "radio", name: "0, Not at all likely" });
  for (let i = 0; i < 9; i++) await tab.press("ArrowRight");
  await expect.poll(() => tab.describe({ role: "radio", name: "9" })).toMatchObject({ checked: true, focused: true });
  await tab.press("Tab");
  expect(await tab.focused()).toEqual({ role: "button", name: "Submit" });
  await tab.press("Enter");
  await expect.poll(() => tab.describe({ role: "heading", name: THANKS })).not.toBeNull();

  await expectStoredOnce(journey, 9);
});

test("by pointer: click 7, click Submit; stored once", async ({ journey }) => {
  const { tab } = journey;
  await tab.goto(pricingPage(journey));
  await tab.click({ role: "radio", name: "7" });
  await expect.poll(() => tab.describe({ role: "radio", name: "7" })).toMatchObject({ checked: true });
  await tab.click({ role: "button", name: "Submit" });
  await expect.poll(() => tab.describe({ role: "heading", name: THANKS })).not.toBeNull();

  await expectStoredOnce(journey, 7);
});
