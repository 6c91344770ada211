import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { expect, prompt, test } from "./support/fixtures.js";
import { hostPage } from "./support/host.js";

// Hard ceilings, gzip -9, summed over every script the page downloads — as a page sees it.
// Raised only in the commit that needs it, with the reason in its message. Were 16,384 and
// 24,576: zod/mini validating config and definitions in the first download (~10 KB of it), the
// full rule engine and the JS API do not fit 16 KB; the prompt adds Preact and the UI (~10.7 KB).
// Then 18,432 and 29,696; now the step schemas load with the prompt, not on every page (no
// survey due lowered to 17,920), and the prompt carries them plus 44 px touch layouts, the inert
// page behind the modal and path progress (raised to 30,720). Then the definition checks that
// entrances need (CSS colour names for themes, URL path leads, wire limits) rode along in the
// schemas the prompt still runs: 31,872 until pages stop running schemas. Then (issue 13) the
// page stopped running schemas: definitions are validated where they enter (the collector, the
// CLI), the page guards only what its code reads and loads zod with `diagnose` only for bad input,
// debug and preview; the person's state moved to localStorage, IndexedDB's code loads with the
// first prompt, and the prompt session with the prompt's chunk; sonde.js imports boot only after
// the host's `load` (+79 B, so that `load` never waits for Sonde). Measured 8,502 and 21,943 (the
// prompt's figure includes idb-keyval, loaded as a prompt shows so that an answer given offline
// is still stored). The ceilings, 8,192 and 20,480, are not met yet.
const NO_SURVEY_DUE = 8_576;
const ONE_PROMPT_ONE_LANGUAGE = 22_016;
// The console's results page (its first download): 22.5 KB measured once the Surveys view — the
// builder and the survey schema that checks JSON as it is typed — became a chunk of its own.
const CONSOLE_RESULTS = 24_576;

/** Records every script response the page receives: URL and gzip -9 size of its body. */
function recordScripts(page: Page) {
  const scripts: { url: string; gzip: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() !== "script") return;
    pending.push(
      res.body().then((body) => {
        scripts.push({ url: res.url(), gzip: gzipSync(body, { level: 9 }).length });
      }),
    );
  });
  return async () => {
    await page.waitForLoadState("networkidle");
    await Promise.all(pending);
    const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
    const table = scripts.map((s) => `${String(s.gzip).padStart(7)}  ${new URL(s.url).pathname}`).join("\n");
    console.log(`${table}\n${String(total).padStart(7)}  total`);
    return { scripts, total };
  };
}

test("a page where no survey is due downloads at most 8.4 KB of script, no UI and no diagnose", async ({
  page,
  host,
  collector,
}) => {
  const done = recordScripts(page);
  await page.goto(
    host.page("/docs", {
      html: hostPage({ endpoint: `${collector.url}/v1/responses`, "surveys-url": `${collector.url}/v1/surveys` }),
    }),
  );
  const { scripts, total } = await done();
  expect(scripts.some((s) => s.url.endsWith("/sonde/sonde.js"))).toBe(true);
  expect(scripts.filter((s) => /\/(mount|present|diagnose|dist)-/.test(s.url))).toEqual([]);
  expect(total).toBeLessThanOrEqual(NO_SURVEY_DUE);
});

test("showing one NPS prompt in one language downloads at most 21.5 KB of script", async ({
  page,
  host,
  collector,
}) => {
  const done = recordScripts(page);
  await page.goto(
    host.page("/pricing", {
      html: hostPage({ endpoint: `${collector.url}/v1/responses`, "surveys-url": `${collector.url}/v1/surveys` }),
    }),
  );
  await expect(prompt(page).getByRole("dialog")).toBeVisible();
  const { scripts, total } = await done();
  // Only the language shown is downloaded: one locale table.
  expect(scripts.filter((s) => /\/(en|da)-[\w-]+\.js$/.test(s.url)).length).toBe(1);
  expect(total).toBeLessThanOrEqual(ONE_PROMPT_ONE_LANGUAGE);
});

test("the console's results page downloads at most 24 KB of script; the Surveys view and the try-out panels only when opened", async ({
  page,
  collector,
}) => {
  const done = recordScripts(page);
  await page.goto(`${collector.url}/console/`);
  const surveysButton = page.getByRole("navigation").getByRole("button", { name: "Surveys" });
  await expect(surveysButton).toBeVisible();
  const { scripts, total } = await done();
  const lazyChunk = /\/(surveys|panels)-[\w-]+\.js$/;
  expect(scripts.filter((s) => lazyChunk.test(s.url))).toEqual([]);
  expect(total).toBeLessThanOrEqual(CONSOLE_RESULTS);

  // Opening the Surveys view fetches its chunk, and the view is there.
  const chunk = page.waitForResponse((r) => /\/surveys-[\w-]+\.js$/.test(r.url()));
  await surveysButton.click();
  expect((await chunk).ok()).toBe(true);
  await expect(page.getByText(/admin key/i).first()).toBeVisible();
});
