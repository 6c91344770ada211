import type { SurveyOutline } from "../schema/outline.js";
import { audienceMisses } from "./audience.js";
import type { Decision, EvaluationInput } from "./context.js";
import { shortfall } from "./reasons.js";
import { samplingBucket } from "./sampling.js";
import { triggerMiss } from "./triggers.js";
import { type UrlParts, urlParts } from "./url.js";

/** Days after any prompt during which no other prompt shows, unless configured otherwise. */
export const DEFAULT_COOLDOWN_DAYS = 14;

// Facts every survey of one evaluation shares, worked out once.
interface Shared {
  url: UrlParts;
  /** Seconds on the page; NaN when unknown. */
  seconds: number;
  /** The last time any prompt was shown, answered or closed. */
  last?: number;
  cooldownDays: number;
}

/** Why one survey does not show now, each reason prefixed by its rule; empty when it may. */
function judge(survey: SurveyOutline, input: EvaluationInput<SurveyOutline>, shared: Shared): string[] {
  const { now, context, requested } = input;
  const { triggers = [], audience, sampling = 100, frequency: f = {} } = survey.rules ?? {};
  const { start = "", end = "" } = survey.schedule ?? {};
  const { answeredAt, dismissedAt, displays = 0 } = input.history.surveys[survey.id] ?? {};
  const { last } = shared;
  const since = (t: number, days: number, what: string) =>
    shortfall((now - t) / 86_400_000, days, ` days passed since ${what}`);
  const reasons: string[] = [];
  const add = (rule: string, why: unknown) => {
    if (why) reasons.push(`${rule}: ${why}`);
  };

  // Date.parse("") is NaN, and comparisons with NaN are false: no start, no end, no reason.
  add("schedule", now < Date.parse(start) && `starts ${start}`);
  add("schedule", now >= Date.parse(end) && `ended ${end}`);
  if (requested === undefined) {
    const misses = triggers.map((t) => triggerMiss(t, context, shared.url, shared.seconds));
    if (!misses.includes(undefined)) for (const miss of misses.length ? misses : ["manual only"]) add("trigger", miss);
  } else add("manual", requested !== survey.id && `"${requested}" was requested`);
  for (const miss of audience ? audienceMisses(audience, context, input.person, now) : []) add("audience", miss);
  const bucket = sampling < 100 && samplingBucket(input.personId, survey.id);
  add("sampling", bucket !== false && bucket >= sampling && `bucket ${bucket} is outside ${sampling}%`);
  add(
    "frequency",
    answeredAt !== undefined &&
      (f.recontactDays === undefined ? "answered once already" : since(answeredAt, f.recontactDays, "the last answer")),
  );
  add(
    "frequency",
    dismissedAt !== undefined && f.dismissDays !== undefined && since(dismissedAt, f.dismissDays, "a close"),
  );
  add(
    "frequency",
    displays >= (f.maxDisplays ?? Number.POSITIVE_INFINITY) && `shown ${displays} of at most ${f.maxDisplays} times`,
  );
  if (last !== undefined) {
    add("cooldown", !f.ignoreCooldown && since(last, shared.cooldownDays, "the last prompt"));
    add("page", last >= (context.viewStartedAt ?? Number.POSITIVE_INFINITY) && "one prompt per page view");
  }
  return reasons;
}

/**
 * Decides which survey, if any, shows now, and says why each of the others does not.
 * Several eligible: the highest `priority` (default 0) wins, then the first in list order.
 */
export function evaluate<S extends SurveyOutline>(input: EvaluationInput<S>): Decision<S> {
  const { context, now } = input;
  let last: number | undefined;
  for (const h of Object.values(input.history.surveys))
    for (const t of [h.shownAt, h.answeredAt, h.dismissedAt])
      if (t !== undefined && (last === undefined || t > last)) last = t;
  const shared: Shared = {
    url: urlParts(context.url),
    seconds: context.secondsOnPage ?? Math.max(0, now - (context.viewStartedAt ?? Number.NaN)) / 1000,
    last,
    cooldownDays: input.cooldownDays ?? DEFAULT_COOLDOWN_DAYS,
  };
  let chosen: S | null = null;
  const verdicts = input.surveys.map((survey) => {
    const reasons = judge(survey, input, shared);
    const eligible = !reasons.length;
    if (eligible && (!chosen || (survey.priority ?? 0) > (chosen.priority ?? 0))) chosen = survey;
    return { surveyId: survey.id, eligible, reasons };
  });
  const survey = chosen as S | null;
  const delayMs = survey && input.requested === undefined ? (survey.rules?.delay ?? 0) * 1000 : 0;
  return { survey, delayMs, verdicts };
}
