// Where each survey shows on the demo site, for the start-up message: the site's pages are tried
// against each trigger's URL conditions with core's own matcher.
import { matchUrlCondition, urlParts } from "@sonde/core";

/** The pages of the demo site: the host pages, then the routes of the single-page app. */
export const DEMO_PAGES = [
  "/",
  "/pricing/",
  "/docs/",
  "/help/",
  "/welcome/",
  "/app/",
  "/app/projects",
  "/app/settings",
];

/** @typedef {import("@sonde/core").Trigger} Trigger */

/**
 * The demo pages a trigger fires on: those whose URL passes its conditions (all, or any).
 * @param {Trigger} trigger
 * @returns {string[]}
 */
function pagesOf(trigger) {
  if (trigger.type === "manual") return [];
  const conditions = trigger.url ?? [];
  return DEMO_PAGES.filter((page) => {
    const url = urlParts(`http://demo.invalid${page}`);
    const holds = (/** @type {import("@sonde/core").UrlCondition} */ c) => matchUrlCondition(c, url);
    return !conditions.length || (trigger.urlMatch === "any" ? conditions.some(holds) : conditions.every(holds));
  });
}

/**
 * What has to happen on those pages besides a page view, in words.
 * @param {Trigger} t
 */
function after(t) {
  if (t.type === "event") return `, when the page tracks "${t.name}"`;
  if (t.type === "time") return `, after ${t.seconds} s`;
  if (t.type === "scroll") return `, once ${t.percent} % is scrolled`;
  if (t.type === "exit") return ", when the pointer heads out of the page";
  if (t.type === "click") return `, on a click on ${t.selector}`;
  return "";
}

/**
 * Where a survey shows on the demo site at `siteUrl`: the pages (URLs), what has to happen there
 * besides the page view, or why it shows on none; and a link that previews it.
 * @param {import("@sonde/core").Survey} survey
 * @param {string} siteUrl
 * @returns {{ pages: string[], when: string, preview: string }}
 */
export function whereItShows(survey, siteUrl) {
  const triggers = survey.rules?.triggers ?? [];
  const found = triggers.map((t) => ({ t, pages: pagesOf(t) })).find((f) => f.pages.length);
  const preview = (/** @type {string} */ page) => `${siteUrl}${page}?sonde_preview=${encodeURIComponent(survey.id)}`;
  if (!found) {
    const when = triggers.some((t) => t.type !== "manual")
      ? "no page of the demo site (its URL rules name other pages)"
      : "no page by itself: only when a page asks for it (show)";
    return { pages: [], when, preview: preview("/") };
  }
  return { pages: found.pages.map((p) => siteUrl + p), when: after(found.t), preview: preview(found.pages[0]) };
}
