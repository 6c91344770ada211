import { serveSurveyPage, uniqueId } from "../support/prompts.js";
import { EVERY_KIND_ANSWERS, everyKind } from "../support/survey-fixtures.js";
import type { Engine } from "./driver.js";
import { expect, flush, test } from "./fixtures.js";

// A host page with a strict CSP (no inline script or style, no eval, nothing from other origins)
// and Trusted Types required for every script sink, where the engine enforces them. The prompt's
// steps load the UI chunks (scales, then the text and choice controls): each renders and the
// answers arrive, and the page reports no violation. Then the page proves the policy is enforced
// in this engine and the watch hears it.

const CSP = "default-src 'self'; require-trusted-types-for 'script'";
const KINDS = ["nps", "open", "single", "multiple", "thanks"];
/** Firefox ESR 153 and WebKitGTK 2.50 both enforce Trusted Types. */
const enforcesTrustedTypes: Record<Engine, boolean> = { firefox: true, webkit: true };

test("under a strict CSP (and Trusted Types where enforced) the prompt works and nothing is reported", async ({
  journey,
  engine,
}) => {
  const { tab, host, proxy, collector, rows } = journey;
  const full = everyKind(uniqueId("csp"));
  const survey = { ...full, steps: full.steps.filter((s) => KINDS.includes(s.id)) };
  await tab.goto(
    serveSurveyPage(host, proxy, [survey], { headers: { "content-security-policy": CSP }, head: journey.head }),
  );

  await tab.click({ role: "radio", name: "9" });
  await tab.click({ role: "button", name: "Next" });
  await tab.click({ role: "textbox", name: "What should we improve first?" });
  await tab.type("Faster sync, please.");
  await tab.click({ role: "button", name: "Next" });
  await tab.click({ role: "radio", name: "Designer" });
  await tab.click({ role: "button", name: "Next" });
  await tab.click({ role: "checkbox", name: "Tags" });
  await tab.click({ role: "checkbox", name: "Export" });
  await tab.click({ role: "button", name: "Submit" });
  await expect.poll(() => tab.describe({ role: "heading", name: "Thank you — that helps us a lot." })).not.toBeNull();
  await expect.poll(() => collector.rowCount(survey.id)).toBe(1);
  await flush(tab);
  const { nps, open, single, multiple } = EVERY_KIND_ANSWERS;
  expect(rows().map((r) => r.response.answers)).toEqual([{ nps, open, single, multiple }]);
  expect(await journey.reports(), "reports while answering").toEqual([]);

  // The engine enforces the CSP: a request to another origin is refused and reported.
  journey.allowReports(/^connect-src blocked/);
  const request = await tab.evaluate(
    (url) =>
      fetch(url).then(
        () => "sent",
        () => "refused",
      ),
    `${proxy.url}/v1/surveys`,
  );
  expect(request).toBe("refused");
  await expect.poll(async () => (await journey.reports()).map((r) => r.kind)).toEqual(["csp violation"]);
  // Trusted Types, where the engine has them: the page's own innerHTML write is refused and reported.
  const trustedTypes = await tab.evaluate(
    () => typeof (window as { trustedTypes?: unknown }).trustedTypes === "object",
  );
  expect(trustedTypes, "the engine has Trusted Types").toBe(enforcesTrustedTypes[engine]);
  if (trustedTypes) {
    journey.allowReports(/^require-trusted-types-for blocked/);
    const write = await tab.evaluate(() => {
      try {
        document.body.innerHTML = "<b>not trusted</b>";
        return "written";
      } catch {
        return "refused";
      }
    });
    expect(write).toBe("refused");
    await expect.poll(async () => (await journey.reports()).length).toBe(2);
  }
});
