import type { UrlCondition } from "../schema/conditions.js";
import type { SurveyOutline } from "../schema/outline.js";
import type { Trigger } from "../schema/rules.js";
import { explainConditions } from "./conditions.js";
import type { PageContext } from "./context.js";
import { shortfall } from "./reasons.js";
import { matchUrlCondition, type UrlParts } from "./url.js";

/** Whether a URL passes a group of conditions: all of them (default) or any; an empty group passes. */
export function matchUrl(conditions: readonly UrlCondition[] = [], match: "all" | "any" | undefined, url: UrlParts) {
  const test = (c: UrlCondition) => matchUrlCondition(c, url);
  return !conditions.length || (match === "any" ? conditions.some(test) : conditions.every(test));
}

/**
 * Why a trigger has not fired on this page view, in words; undefined when it has.
 * `seconds` is the time on the page (NaN when unknown).
 */
export function triggerMiss(t: Trigger, context: PageContext, url: UrlParts, seconds: number): string | undefined {
  if (t.type === "manual") return "manual only";
  if (!matchUrl(t.url, t.urlMatch, url)) return `page ${url.path} does not match`;
  if (t.type === "event") {
    const seen = context.events?.filter((e) => e.name === t.name) ?? [];
    const why = seen.map((e) => explainConditions(t.properties ?? [], e.properties));
    return !seen.length
      ? `no "${t.name}" event yet`
      : why.includes(undefined)
        ? undefined
        : `"${t.name}": ${why.pop()}`;
  }
  if (t.type === "time") return shortfall(seconds, t.seconds, " s on the page");
  if (t.type === "scroll") return shortfall(context.scrollDepth ?? Number.NaN, t.percent, " % scrolled");
  if (t.type === "exit" && !context.exitIntent) return "no exit intent yet";
  if (t.type === "click" && !context.clicks?.includes(t.selector)) return `no click on ${t.selector} yet`;
  return undefined;
}

/** The page signals a set of surveys listens for, so the widget watches only what matters. */
export interface WatchedSignals {
  /** Names of custom events some trigger waits for. */
  events: string[];
  /** CSS selectors of click triggers; report a click on or inside one in `PageContext.clicks`. */
  clicks: string[];
  /** Thresholds of time triggers in seconds, ascending: evaluate again as each passes. */
  seconds: number[];
  /** Whether some trigger needs the scroll depth. */
  scroll: boolean;
  /** Whether some trigger needs exit intent. */
  exit: boolean;
}

/** Which page signals the triggers of these surveys need. */
export function watchedSignals(surveys: readonly SurveyOutline[]): WatchedSignals {
  const events = new Set<string>();
  const clicks = new Set<string>();
  const seconds = new Set<number>();
  let scroll = false;
  let exit = false;
  for (const survey of surveys)
    for (const t of survey.rules?.triggers ?? []) {
      if (t.type === "event") events.add(t.name);
      if (t.type === "click") clicks.add(t.selector);
      if (t.type === "time") seconds.add(t.seconds);
      scroll ||= t.type === "scroll";
      exit ||= t.type === "exit";
    }
  return { events: [...events], clicks: [...clicks], seconds: [...seconds].sort((a, b) => a - b), scroll, exit };
}
