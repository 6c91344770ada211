import { hostPage } from "../support/host.js";
import { snippet } from "../support/snippet.js";
import { expect, test } from "./fixtures.js";

// Bad configuration stays inert: no prompt, nothing thrown into the page, and a console error
// that names what is wrong — through the script tag's data attributes and through the JS API
// (whose survey check loads the diagnose code lazily).

test("bad config is inert: a console error names the problem, nothing is thrown, no prompt", async ({ journey }) => {
  const { tab, host } = journey;
  const errors = async () => (await journey.reports()).map((r) => `${r.kind}: ${r.text}`).join("\n");
  journey.allowReports(/^sonde: /);

  await tab.goto(
    host.page("/tag/pricing", {
      html: hostPage({ endpoint: "/v1/responses", surveys: "[{not json" }, "<main>Pricing</main>", journey.head),
    }),
  );
  await expect.poll(errors).toContain("console.error: sonde: data-surveys is not valid JSON");

  await tab.goto(
    host.page("/api/pricing", {
      html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>API</title>${journey.head}<script>
${snippet("/sonde/sonde.js")}
sonde("init", { endpoint: 42 });
sonde("init", { endpoint: "/v1/responses", surveys: [{ id: "x", steps: [{ kind: "stars", id: "s", question: "?" }], rules: { triggers: [{ type: "pageview" }] } }] });
sonde("nonsense");
</script></head><body><main>Pricing</main></body></html>`,
    }),
  );
  await expect.poll(errors).toContain("config.endpoint: must be a string (got 42)");
  await expect
    .poll(errors)
    .toContain(
      'surveys[0].steps[0].kind: must be one of "nps", "csat", "ces", "gap", "thumbs", "open", "single", "multiple", "thanks" (got "stars")',
    );
  await expect.poll(errors).toContain('console.error: sonde: unknown command "nonsense"');
  expect(await tab.describe({ role: "dialog" })).toBeNull();
  // The API stays in place for the page's later calls.
  expect(await tab.evaluate(() => typeof (window as { sonde?: unknown }).sonde)).toBe("function");
  const kinds = (await journey.reports()).map((r) => r.kind);
  expect(
    kinds.filter((k) => k !== "console.error"),
    "nothing thrown, no violation",
  ).toEqual([]);
});
