import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";
import type { Survey, SurveyResponse } from "@sonde/core";
import Database from "better-sqlite3";
import type { CollectorProcess } from "./collector.js";
import type { TestHost } from "./host.js";

/** A survey definition as JSON; shown on every page view. */
export type SurveyJson = Omit<Survey, "rules"> & { rules?: Survey["rules"] };

/** What the test page looks like around the script tag. */
export interface PageOptions {
  /** `<html lang>`; `en` unless given. */
  lang?: string;
  /** `data-locale` on the script tag. */
  locale?: string;
  /** Response headers of the page (CSP, …). */
  headers?: Record<string, string>;
  /** Extra markup in `<head>` (host styles). */
  head?: string;
  body?: string;
  /** Leave the script tag out; add it later with `injectSonde()`. */
  withoutScript?: boolean;
}

let served = 0;

/** A unique survey id for this run, so that answers of one test never mix with another's. */
export const uniqueId = (name: string) => `${name}-${process.pid}-${++served}`;

/**
 * Serves a page that embeds the script tag with these surveys, everything on the page's own origin
 * (surveys JSON, /sonde/ chunks, /v1/ proxied to the collector), and opens it.
 */
export async function openSurveyPage(
  page: Page,
  host: TestHost,
  collector: CollectorProcess,
  surveys: SurveyJson[],
  options: PageOptions = {},
): Promise<string> {
  const url = serveSurveyPage(host, collector, surveys, options);
  await page.goto(url);
  return url;
}

/** Registers the page `openSurveyPage` opens, for any browser to open; returns its URL. */
export function serveSurveyPage(
  host: TestHost,
  collector: Pick<CollectorProcess, "url">,
  surveys: SurveyJson[],
  options: PageOptions = {},
): string {
  host.proxy("/v1/", collector.url);
  const n = ++served;
  host.page(`/surveys-${n}.json`, {
    html: JSON.stringify({ surveys: surveys.map((s) => ({ rules: { triggers: [{ type: "pageview" }] }, ...s })) }),
    headers: { "content-type": "application/json" },
  });
  const locale = options.locale ? ` data-locale="${options.locale}"` : "";
  // These pages test the prompts, not the rules: lift the cooldown that follows any prompt, so one
  // browser can show several surveys in a row.
  const tag = `<script type="module" src="/sonde/sonde.js" data-endpoint="/v1/responses" data-surveys-url="/surveys-${n}.json" data-cooldown-days="0"${locale} async></script>`;
  const lang = options.lang === "" ? "" : ` lang="${options.lang ?? "en"}"`;
  const url = host.page(`/page-${n}`, {
    html: `<!doctype html><html${lang}><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host page</title>${options.head ?? ""}
${options.withoutScript ? `<meta name="sonde-surveys" content="/surveys-${n}.json">` : tag}
</head><body>${options.body ?? "<main><h1>Host page</h1><p>Some content of the host.</p></main>"}</body></html>`,
    headers: options.headers,
  });
  return url;
}

/** Adds the script tag to a page opened `withoutScript`, as a tag manager would. */
export async function injectSonde(page: Page): Promise<void> {
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.type = "module";
    script.src = "/sonde/sonde.js";
    script.dataset.endpoint = "/v1/responses";
    script.dataset.surveysUrl = document.querySelector<HTMLMetaElement>("meta[name=sonde-surveys]")!.content;
    document.head.append(script);
  });
}

/** The responses stored for a survey, read from the collector's SQLite file. */
export function storedResponses(collector: CollectorProcess, surveyId: string): SurveyResponse[] {
  const db = new Database(collector.dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT body FROM responses WHERE survey_id = ?").all(surveyId) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as SurveyResponse);
  } finally {
    db.close();
  }
}

/** Waits until the collector holds one completed response for the survey and returns its answers. */
export async function completedAnswers(collector: CollectorProcess, surveyId: string) {
  await expect
    .poll(() => storedResponses(collector, surveyId).filter((r) => r.completed).length, {
      message: `a completed response for ${surveyId}`,
    })
    .toBe(1);
  return storedResponses(collector, surveyId)[0]!.answers;
}

/** The prompt's card (dialog or inline region). */
export const card = (page: Page): Locator => page.locator("sonde-prompt .card");

/** Runs axe over the page, prompt included (its shadow root is open); returns violations as readable lines. */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include("sonde-prompt").analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${label}: ${v.id} (${v.impact}) ${n.target.join(" ")} — ${n.failureSummary?.split("\n").join(" ")}`,
    ),
  );
}
