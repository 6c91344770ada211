import type { Page } from "@playwright/test";
import type { CommentsBody, CsatResult, NpsScore, ResultsBody } from "@sonde/collector/api";
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
  const seen = await open(page, `${seeded.siteUrl}/dashboard/?survey=nps-app&period=90d#key=${READ_KEY}`);
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

  // Breakdowns by page and by language, largest first, small samples flagged.
  for (const by of ["path", "locale"]) {
    const breakdown = api.breakdowns.find((b) => b.by === by)!;
    const rows = page.getByTestId(`breakdown-${by}`).locator("tbody tr");
    await expect(rows).toHaveCount(breakdown.groups.length);
    for (const [i, group] of breakdown.groups.entries()) {
      const s = group.questions[api.headline!] as NpsScore;
      const row = rows.nth(i);
      await expect(row).toHaveAttribute("data-key", group.key ?? "");
      await expect(row.getByTestId("group-n")).toHaveText(String(s.n));
      await expect(row.getByTestId("group-score")).toHaveText(signed(s.score));
      await expect(row.getByTestId("small-flag")).toHaveCount(group.small ? 1 : 0);
      // ▲/▼ where the group differs significantly from all the others, by core's test.
      const rest = (group.versusRest as { nps: { pValue: number | null; confidence: number } | null } | null)?.nps;
      const significant = !!rest && rest.pValue !== null && rest.pValue < 1 - rest.confidence;
      await expect(row.getByTestId("versus-rest")).toHaveCount(significant ? 1 : 0);
    }
  }
  // The seed has rare pages and languages: the flags are really shown, not just absent everywhere.
  await expect(page.getByTestId("small-flag").first()).toBeVisible();
  await expect(page.getByTestId("breakdown-locale").getByText("Danish (Denmark)")).toBeVisible();

  // Comments, newest first, with their scores, in many scripts.
  const firstPage = await seeded.api<CommentsBody>(pathOf(seen.comments.url()));
  const shown = page.getByTestId("comment");
  await expect(shown).toHaveCount(firstPage.items.length);
  for (const [i, item] of firstPage.items.entries()) {
    await expect(shown.nth(i)).toContainText(item.comments[0]!.text.split("\n")[0]!);
    await expect(shown.nth(i).getByTestId("comment-score")).toHaveText(item.scores.map((s) => String(s.value)));
    if (item.locale) await expect(shown.nth(i).locator("p.text").first()).toHaveAttribute("lang", item.locale);
  }
});

test("more comments load page by page, none twice", async ({ page, seeded }) => {
  const seen = await open(page, `${seeded.siteUrl}/dashboard/?survey=nps-app&period=90d#key=${READ_KEY}`);
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
  await open(page, `${seeded.siteUrl}/dashboard/?survey=nps-app&period=90d#key=${READ_KEY}`);
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
  const seen = await open(page, `${seeded.siteUrl}/dashboard/?survey=nps-app&period=30d#key=${READ_KEY}`);
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
