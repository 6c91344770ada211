import { hostPage } from "../support/host.js";
import { expect, flush, test } from "./fixtures.js";

// A person answers and closes the tab at once, while the endpoint is down (it answers 503, so
// whatever the page tries on its way out fails). The next visit to any page of the site — one
// where no survey is due — delivers the answer, once. The endpoint is on another origin, as a
// collector usually is: every delivery here is a CORS request.

test("tab closed right after answering: the next visit delivers the answer once", async ({ journey }) => {
  const { tab, host, proxy, rows } = journey;
  const attrs = {
    endpoint: `${proxy.url}/v1/responses`,
    "surveys-url": `${proxy.url}/v1/surveys`,
    "outbox-tuning": '{"baseMs":50,"capMs":400}',
  };
  const next = await journey.newTab(); // opened first: a browser keeps a window when the last one closes
  proxy.always({ status: 503 });
  await tab.goto(host.page("/pricing", { html: hostPage(attrs, "<main>Pricing</main>", journey.head) }));
  await tab.click({ role: "radio", name: "3" });
  await tab.click({ role: "button", name: "Submit" });
  await expect.poll(() => tab.describe({ role: "heading", name: "Thank you — that helps us a lot." })).not.toBeNull();
  await tab.close();
  expect(rows()).toEqual([]);

  proxy.always(undefined);
  await next.goto(host.page("/docs", { html: hostPage(attrs, "<main>Docs</main>", journey.head) }));
  await expect.poll(() => rows().length, { message: "rows in SQLite" }).toBe(1);
  await flush(next);
  const stored = rows();
  expect(stored.map((r) => r.response.answers)).toEqual([{ score: { kind: "nps", value: 3 } }]);
  expect(stored[0]!.revision).toBe(1);
  expect(proxy.postsWith(stored[0]!.id).filter((p) => p.outcome === "200")).toHaveLength(1);
});
