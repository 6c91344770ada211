import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { CommentsBody, Comparison, CsatResult, NpsScore, ResultsBody, SurveyListBody } from "@sonde/collector/api";
import { expect, READ_KEY, test } from "./support/seeded-demo.js";

// A reader in Copenhagen: periods and buckets follow the browser's time zone.
test.use({ timezoneId: "Europe/Copenhagen", locale: "en-GB" });

/** NPS as the dashboard writes it: +24, −8, 0. */
const signed = (score: number | null) => {
  if (score === null) return "—";
  const r = Math.round(score);
  return r > 0 ? `+${r}` : r < 0 ? `\u2212${-r}` : "0";
};
const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);

/** Opens the dashboard and returns the results and first comments page its own requests received. */
async function open(page: Page, url: string) {
  const results = page.waitForResponse((r) => /\/v1\/results\?/.test(r.url()) && r.ok());
  const comments = page.waitForResponse((r) => /\/v1\/results\/comments\?/.test(r.url()) && r.ok());
  await page.goto(url);
  return { results: await results, comments: await comments };
}

/** The path and query of a response the page received, to ask the collector the same directly. */
const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

test("the dashboard shows the numbers the API returns for a seeded dataset", async ({ page, seeded }) => {
  const seen = await open(page, `${seeded.consoleUrl}?survey=nps-app&period=90d#key=${READ_KEY}`);
  const query = new URL(seen.results.url()).searchParams;
  expect(query.get("tz")).toBe("Europe/Copenhagen");
  expect(query.get("compare")).toBe("previous");
  // The key left the address bar as soon as the page read it.
  expect(page.url()).not.toContain(READ_KEY);

  // The same question asked of the collector directly, not through the page.
  const api = await seeded.api<ResultsBody>(pathOf(seen.results.url()));
  expect(await seen.results.json()).toEqual(api);
  const nps = api.questions.find((q) => q.stepId === api.headline)!.score as NpsScore;
  expect(nps.n).toBeGreaterThan(100);
  expect(nps.interval).not.toBeNull();

  await expect(page.getByTestId("responses")).toHaveText(
    `${api.responses.toLocaleString("en")} responses in this period`,
  );
  await expect(page.getByTestId("nps-score")).toContainText(signed(nps.score));
  await expect(page.getByTestId("nps-n")).toHaveText(`n = ${nps.n}`);
  await expect(page.getByTestId("nps-interval")).toHaveText(
    `95% interval ${signed(nps.interval!.lower)} to ${signed(nps.interval!.upper)}`,
  );
  // Compared with the previous 90 days, with core's p-value.
  const change = api.comparison!.questions[0]!.comparison as {
    kind: "nps";
    nps: { difference: number; pValue: number };
  };
  await expect(page.getByTestId("change")).toContainText(`${signed(change.nps.difference)} vs previous period`);
  await expect(page.getByTestId("change")).toContainText(
    change.nps.pValue < 0.001 ? "p < 0.001" : `p = ${change.nps.pValue.toFixed(change.nps.pValue < 0.01 ? 3 : 2)}`,
  );
  for (const part of ["promoters", "passives", "detractors"] as const) {
    const legend = page.getByTestId(`count-${part}`);
    await expect(legend).toContainText(`${Math.round((100 * nps[part]) / nps.n)}%`);
    await expect(legend).toContainText(String(nps[part]));
  }

  // The trend: one point per bucket of the period, each with the API's n.
  const points = page.getByTestId("trend-point");
  await expect(points).toHaveCount(api.trend.points.length);
  const ns = await points.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-n"))));
  expect(ns).toEqual(api.trend.points.map((p) => p.questions[api.headline!]!.n));

  // Breakdowns by page, by language and by device, largest first, small samples flagged.
  for (const by of ["path", "language", "device"]) {
    const breakdown = api.breakdowns.find((b) => b.by === by)!;
    const rows = page.locator(`table[data-by="${by}"] tbody tr`);
    await expect(rows).toHaveCount(breakdown.groups.length);
    for (const [i, group] of breakdown.groups.entries()) {
      const s = group.questions[api.headline!] as NpsScore;
      const row = rows.nth(i);
      await expect(row).toHaveAttribute("data-key", group.key ?? "");
      await expect(row.getByTestId("group-n")).toHaveText(String(s.n));
      await expect(row.getByTestId("group-score")).toHaveText(signed(s.score));
      // ▲/▼ where the group differs from all the others, by core's verdict (Holm-adjusted, minimum n).
      const rest = (group.versusRest as { nps: Comparison | null } | null)?.nps;
      await expect(row.getByTestId("versus-rest")).toHaveCount(rest?.significant ? 1 : 0);
      await expect(row.getByTestId("small-flag")).toHaveCount(group.small || rest?.tooFew ? 1 : 0);
    }
  }
  // The seed has rare pages and languages: the flags are really shown, not just absent everywhere.
  await expect(page.getByTestId("small-flag").first()).toBeVisible();
  // One row per language, the tags inside it told: the prompt in English, whatever the region.
  const english = page.locator('table[data-by="language"] tr[data-key="en"]');
  await expect(english).toContainText("English");
  await expect(page.locator('table[data-by="language"] tr[data-key="en-US"]')).toHaveCount(0);

  // Comments, newest first, with their scores, in many scripts.
  const firstPage = await seeded.api<CommentsBody>(pathOf(seen.comments.url()));
  const shown = page.getByTestId("comment");
  await expect(shown).toHaveCount(firstPage.items.length);
  for (const [i, item] of firstPage.items.entries()) {
    await expect(shown.nth(i)).toContainText(item.comments[0]!.text.split("\n")[0]!);
    await expect(shown.nth(i).getByTestId("comment-score")).toHaveText(item.scores.map((s) => String(s.value)));
    // Written in the respondent's own language, which may not be the prompt's.
    const lang = item.browserLocale ?? item.locale;
    if (lang) await expect(shown.nth(i).locator("p.text").first()).toHaveAttribute("lang", lang);
  }
});

test("more comments load page by page, none twice", async ({ page, seeded }) => {
  const seen = await open(page, `${seeded.consoleUrl}?survey=nps-app&period=90d#key=${READ_KEY}`);
  const first = await seeded.api<CommentsBody>(pathOf(seen.comments.url()));
  expect(first.next).not.toBeNull();
  const nextPage = page.waitForResponse((r) => /\/v1\/results\/comments\?.*cursor=/.test(r.url()));
  await page.getByRole("button", { name: "Show more comments" }).click();
  const second = await seeded.api<CommentsBody>(pathOf((await nextPage).url()));
  const all = [...first.items, ...second.items];
  await expect(page.getByTestId("comment")).toHaveCount(all.length);
  expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  const texts = await page.getByTestId("comment").locator("p.text").allTextContents();
  expect(texts).toEqual(all.flatMap((c) => c.comments.map((x) => x.text)));
});

test("the survey and period pickers show CSAT top-box next to top-2-box for the chosen period", async ({
  page,
  seeded,
}) => {
  await open(page, `${seeded.consoleUrl}?survey=nps-app&period=90d#key=${READ_KEY}`);
  const csatResults = page.waitForResponse((r) => /\/v1\/results\?.*survey=csat-support/.test(r.url()) && r.ok());
  await page.getByLabel("Survey").selectOption("csat-support");
  let api = await seeded.api<ResultsBody>(pathOf((await csatResults).url()));
  let csat = api.questions.find((q) => q.kind === "csat")!.score as CsatResult;
  await expect(page.getByTestId("csat-top-box")).toContainText(percent(csat.topBox.share));
  await expect(page.getByTestId("csat-top2-box")).toContainText(percent(csat.top2Box.share));
  await expect(page.getByTestId("csat-top-box-interval")).toHaveText(
    `95% interval ${percent(csat.topBox.interval!.lower)} to ${percent(csat.topBox.interval!.upper)}`,
  );
  expect(csat.top2Box.share!).toBeGreaterThan(csat.topBox.share!);
  await expect(page).toHaveURL(/survey=csat-support&period=90d/);

  const weekResults = page.waitForResponse((r) => /\/v1\/results\?.*survey=csat-support/.test(r.url()) && r.ok());
  await page.getByText("30 days", { exact: true }).click();
  const week = await weekResults;
  const from = new URL(week.url()).searchParams.get("from")!;
  const to = new URL(week.url()).searchParams.get("to")!;
  expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(29);
  api = await seeded.api<ResultsBody>(pathOf(week.url()));
  csat = api.questions.find((q) => q.kind === "csat")!.score as CsatResult;
  await expect(page.getByTestId("csat-top-box")).toContainText(percent(csat.topBox.share));
  await expect(page.getByTestId("trend-point")).toHaveCount(30);
});

test("the CSV download carries the period's raw responses, UTF-8 with a BOM", async ({ page, seeded }) => {
  const seen = await open(page, `${seeded.consoleUrl}?survey=nps-app&period=30d#key=${READ_KEY}`);
  const api = await seeded.api<ResultsBody>(pathOf(seen.results.url()));
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^sonde-nps-app-\d{4}-\d\d-\d\d\.csv$/);
  const bytes = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(bytes).toString("utf8");
  expect(text.startsWith("\uFEFFid,survey_id,")).toBe(true);
  // One line per response of the period (comments with line breaks stay inside their quotes).
  expect(text.match(/\r\nseed-7-/g)?.length).toBe(api.responses);
  expect(text).toMatch(/[øæå]|[а-я]|[\u4e00-\u9fff]/);
});

test("without the read key the dashboard asks for it, and refuses a wrong one", async ({ page, seeded }) => {
  await page.goto(`${seeded.siteUrl}/dashboard/`);
  // The demo site's old address leads to the console the collector serves.
  await expect(page).toHaveURL(seeded.consoleUrl);
  await expect(page.getByText("This collector needs a read key to show results.")).toBeVisible();
  await expect(page.getByTestId("nps-score")).toHaveCount(0);
  await page.getByLabel("Read key").fill("not-the-key");
  await page.getByRole("button", { name: "Show results" }).click();
  await expect(page.getByRole("alert")).toHaveText("That key was not accepted.");
  await page.getByLabel("Read key").fill(READ_KEY);
  await page.getByRole("button", { name: "Show results" }).click();
  await expect(page.getByTestId("nps-n")).toBeVisible();
  await expect(page.getByText("This collector needs a read key to show results.")).toHaveCount(0);
});

test("the 7-day view marks no group under the minimum n, and draws the interval band whole", async ({
  page,
  seeded,
}) => {
  const seen = await open(page, `${seeded.consoleUrl}?survey=nps-pricing&period=7d#key=${READ_KEY}`);
  const api = await seeded.api<ResultsBody>(pathOf(seen.results.url()));
  let small = 0;
  for (const breakdown of api.breakdowns) {
    for (const group of breakdown.groups) {
      const n = (group.questions[api.headline!] as NpsScore).n;
      if (n >= breakdown.minN) continue;
      small++;
      const row = page.locator(`table[data-by="${breakdown.by}"] tr[data-key="${group.key ?? ""}"]`);
      await expect(row.getByTestId("versus-rest")).toHaveCount(0);
      await expect(row.getByTestId("small-flag")).toHaveText(/too few to compare/);
    }
  }
  // The seed gives the 7-day view a handful of answers per language, page and device.
  expect(small).toBeGreaterThan(5);
  await expect(page.getByTestId("versus-rest")).toHaveCount(0);
  await expect(page.getByTestId("change")).toContainText(/too few answers to compare|significant/);

  // The y-axis covers every interval the chart shades, clamped to NPS's −100…100.
  const [lo, hi] = (await page.getByTestId("trend-chart").getAttribute("data-axis"))!.split(",").map(Number);
  const bands = api.trend.points.map((p) => p.questions[api.headline!]!).filter((s) => s.n > 0);
  for (const s of bands) {
    const band = (s as NpsScore).interval!;
    expect(lo!).toBeLessThanOrEqual(band.lower);
    expect(hi!).toBeGreaterThanOrEqual(band.upper);
  }
  expect(lo!).toBeGreaterThanOrEqual(-100);
  expect(hi!).toBeLessThanOrEqual(100);
  // No open question in this survey: no Comments card.
  await expect(page.getByRole("heading", { name: "Comments" })).toHaveCount(0);
});

for (const width of [390, 1280]) {
  test(`at ${width} px: nothing scrolls sideways and axe finds nothing`, async ({ page, seeded }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width, height: 900 });
    for (const url of ["survey=nps-pricing&period=7d", "survey=nps-app&period=90d", "survey=csat-support&period=30d"]) {
      await open(page, `${seeded.consoleUrl}?${url}#key=${READ_KEY}`);
      await expect(page.getByTestId("trend-chart")).toBeVisible();
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scroll, url).toBeLessThanOrEqual(width);
      const result = await new AxeBuilder({ page }).analyze();
      const found = result.violations.flatMap((v) =>
        v.nodes.map((n) => `${url}: ${v.id} (${v.impact}) ${n.target.join(" ")} — ${n.failureSummary}`),
      );
      expect(found).toEqual([]);
    }
  });
}

test("break down and filter by device or an attribute; the survey picker counts the period", async ({
  page,
  seeded,
}) => {
  const surveys = page.waitForResponse((r) => /\/v1\/results\/surveys\?.*from=/.test(r.url()) && r.ok());
  await open(page, `${seeded.consoleUrl}?survey=nps-app&period=90d#key=${READ_KEY}`);
  // The survey list counts the responses of the period shown.
  const list = await seeded.api<SurveyListBody>(pathOf((await surveys).url()));
  const app = list.surveys.find((s) => s.id === "nps-app")!;
  await expect(page.getByLabel("Survey").locator('option[value="nps-app"]')).toHaveText(
    `NPS in the app (${app.responses})`,
  );
  await expect(page.getByTestId("responses")).toHaveText(
    `${app.responses.toLocaleString("en")} responses in this period`,
  );

  // By attribute: the seed's plans.
  const byPlan = page.waitForResponse((r) => /\/v1\/results\?.*by=path%2Clanguage%2Cattr.plan/.test(r.url()) && r.ok());
  await page.getByTestId("by-picker").selectOption("attr.plan");
  const planned = await seeded.api<ResultsBody>(pathOf((await byPlan).url()));
  const plans = planned.breakdowns.find((b) => b.by === "attr.plan")!;
  await expect(page.locator('table[data-by="attr.plan"] tbody tr')).toHaveCount(plans.groups.length);

  // Filter to one plan from its row: every figure follows, and the filter shows and can be removed.
  const filtered = page.waitForResponse((r) => /\/v1\/results\?.*filter=attr.plan%3Ateam/.test(r.url()) && r.ok());
  await page.locator('table[data-by="attr.plan"] tr[data-key="team"]').getByTestId("filter-to").click();
  const team = await seeded.api<ResultsBody>(pathOf((await filtered).url()));
  const teamGroup = plans.groups.find((g) => g.key === "team")!;
  expect(team.responses).toBeLessThan(planned.responses);
  expect((team.questions[0]!.score as NpsScore).n).toBe((teamGroup.questions[team.headline!] as NpsScore).n);
  await expect(page.getByTestId("nps-n")).toHaveText(`n = ${(team.questions[0]!.score as NpsScore).n}`);
  await expect(page.getByTestId("filters")).toContainText("Attribute “plan”: team");
  await expect(page).toHaveURL(/filter=attr.plan%3Ateam/);

  // And by device, filtered to mobile on top.
  await page.getByTestId("by-picker").selectOption("device");
  const mobile = page.waitForResponse(
    (r) => /\/v1\/results\?.*filter=attr.plan%3Ateam%2Cdevice%3Amobile/.test(r.url()) && r.ok(),
  );
  await page.locator('table[data-by="device"] tr[data-key="mobile"]').getByTestId("filter-to").click();
  const both = await seeded.api<ResultsBody>(pathOf((await mobile).url()));
  expect(both.filters).toEqual(["attr.plan:team", "device:mobile"]);
  await expect(page.locator('table[data-by="device"] tbody tr')).toHaveCount(1);
  await page.getByRole("button", { name: "Remove filter Device: mobile" }).click();
  await expect(page.getByTestId("filters")).not.toContainText("mobile");
});

test("answers to a survey id the collector does not define are listed apart and labelled", async ({ page, seeded }) => {
  const now = Date.now();
  const res = await fetch(`${seeded.collector.url}/v1/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      responses: [
        {
          id: "e2e-retired-0001",
          surveyId: "retired-survey",
          revision: 1,
          completed: true,
          answers: { score: { kind: "nps", value: 8 } },
          createdAt: now - 60_000,
          updatedAt: now - 60_000,
          anonymousId: "anon-e2e",
          context: { url: "https://lumen.example/old/", locale: "en", browserLocale: "en-GB", device: "desktop" },
          schemaVersion: 1,
        },
      ],
    }),
  });
  expect(res.status).toBe(200);
  await open(page, `${seeded.consoleUrl}?survey=nps-app&period=7d#key=${READ_KEY}`);
  const group = page.getByLabel("Survey").locator('optgroup[label="Not defined in this collector"]');
  await expect(group.locator("option")).toHaveText(["retired-survey (1)"]);
  await expect(page.getByLabel("Survey").locator('option[value="nps-app"]')).not.toHaveText(/retired/);
  await page.getByLabel("Survey").selectOption("retired-survey");
  await expect(page.getByTestId("unknown-survey")).toContainText("“retired-survey” is not among the surveys");
  await expect(page.getByTestId("nps-n")).toHaveText("n = 1");
  await expect(page.getByRole("heading", { name: "Comments" })).toHaveCount(0);
});

test("the collector serves the console itself: its CSP holds, nothing fails to load, nothing is logged", async ({
  page,
  seeded,
}) => {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP: ${e.violatedDirective}`));
  });
  const seen = await open(page, `${seeded.consoleUrl}?survey=nps-app&period=90d#key=${READ_KEY}`);
  expect(seen.results.url().startsWith(`${seeded.collector.url}/v1/results?`)).toBe(true);
  const main = await page.request.get(seeded.consoleUrl);
  expect(main.headers()["content-security-policy"]).toContain("script-src 'self'");
  await expect(page.getByTestId("nps-n")).toBeVisible();
  await expect(page.locator("link[rel=icon]")).toHaveAttribute("href", "/console/favicon.ico");
  expect((await page.request.get(`${seeded.collector.url}/console/favicon.ico`)).status()).toBe(200);
  expect(problems).toEqual([]);
});
