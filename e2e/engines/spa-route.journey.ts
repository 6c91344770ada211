import { uniqueId } from "../support/prompts.js";
import { snippet } from "../support/snippet.js";
import { expect, flush, test } from "./fixtures.js";

// A single-page app changes route with history.pushState; the survey whose URL rule matches the
// new route shows, without a page load. Engines with the Navigation API and those without (WebKit)
// take different paths through the widget. Installed with the async snippet, whose queue lets the
// page listen for `ready` before Sonde has loaded.

test("an SPA route change (pushState) shows the survey whose URL rule matches the new route", async ({ journey }) => {
  const { tab, host, collector, rows } = journey;
  const survey = {
    id: uniqueId("spa"),
    steps: [
      { kind: "nps", id: "score", question: "How likely are you to recommend our settings?" },
      { kind: "thanks", id: "thanks", question: "Thanks!" },
    ],
    rules: { triggers: [{ type: "pageview", url: [{ match: "startsWith", value: "/app/settings" }] }] },
  };
  const url = host.page("/app/", {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title>${journey.head}<script>
${snippet("/sonde/sonde.js")}
window.seen = [];
sonde("on", "ready", function () { seen.push("ready"); });
sonde("on", "shown", function (e) { seen.push("shown:" + e.surveyId); });
sonde("init", { endpoint: "/v1/responses", surveys: ${JSON.stringify([survey])} });
</script></head><body>
<nav><a href="/app/">Library</a> <a id="to-settings" href="/app/settings">Settings</a></nav><main id="view">Library</main>
<script>
document.addEventListener("click", function (e) {
  var link = e.target.closest("nav a");
  if (!link) return;
  e.preventDefault();
  history.pushState({}, "", link.getAttribute("href"));
  document.getElementById("view").textContent = link.textContent;
});
</script></body></html>`,
  });
  const seen = () => tab.evaluate(() => (window as unknown as { seen: string[] }).seen);
  await tab.goto(url);
  // Once ready, the library route has been judged: no survey for it.
  await expect.poll(seen).toEqual(["ready"]);
  expect(await tab.describe({ role: "dialog" })).toBeNull();

  await tab.clickPage("#to-settings");
  expect(await tab.evaluate(() => location.pathname)).toBe("/app/settings");
  await expect
    .poll(() => tab.describe({ role: "dialog" }))
    .toMatchObject({ name: "How likely are you to recommend our settings?" });
  await expect.poll(seen).toEqual(["ready", `shown:${survey.id}`]);

  await tab.click({ role: "radio", name: "10, Extremely likely" });
  await tab.click({ role: "button", name: "Submit" });
  await expect.poll(() => tab.describe({ role: "heading", name: "Thanks!" })).not.toBeNull();
  await expect.poll(() => collector.rowCount(survey.id)).toBe(1);
  await flush(tab);
  expect(rows().map((r) => r.response.answers)).toEqual([{ score: { kind: "nps", value: 10 } }]);
});
