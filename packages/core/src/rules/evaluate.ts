import type { Survey } from "../schema/survey.js";
import { matchUrlCondition, urlParts } from "./url.js";

/** What the page knows right now, as the widget's signals snapshot it. */
export interface PageContext {
  url: string;
  locale?: string;
  device?: "mobile" | "tablet" | "desktop";
}

/** What happened before, per survey: fed by the widget's persisted display history. */
export interface SurveyHistory {
  shownAt?: number;
  answeredAt?: number;
  dismissedAt?: number;
  displays?: number;
}

/** The display history of one person across surveys. */
export interface History {
  surveys: Record<string, SurveyHistory>;
}

/** Everything a decision depends on; evaluation is a pure function of it. */
export interface EvaluationInput {
  surveys: readonly Survey[];
  context: PageContext;
  history: History;
  now: number;
  personId: string;
}

/** Why one survey does or does not show. */
export interface SurveyVerdict {
  surveyId: string;
  eligible: boolean;
  reasons: string[];
}

/** The decision: at most one survey to show now, and a verdict with reasons for every survey. */
export interface Decision {
  survey: Survey | null;
  verdicts: SurveyVerdict[];
}

function judge(survey: Survey, input: EvaluationInput): string[] {
  const reasons: string[] = [];
  const seen = input.history.surveys[survey.id];
  if (seen?.answeredAt !== undefined) reasons.push("frequency: already answered once");
  const { start, end } = survey.schedule ?? {};
  if (start && input.now < Date.parse(start)) reasons.push(`schedule: starts ${start}`);
  if (end && input.now > Date.parse(end)) reasons.push(`schedule: ended ${end}`);
  const triggers = survey.rules?.triggers ?? [];
  const url = urlParts(input.context.url);
  const pageviews = triggers.filter((t) => t.type === "pageview");
  const hit = pageviews.some((t) => {
    const conditions = t.url ?? [];
    const test = (c: (typeof conditions)[number]) => matchUrlCondition(c, url);
    return t.urlMatch === "any" ? conditions.some(test) : conditions.every(test);
  });
  if (!hit) reasons.push(pageviews.length ? `url: ${url.path} does not match` : "trigger: manual only");
  return reasons;
}

/** Decides which survey, if any, shows now, and says why each of the others does not. */
export function evaluate(input: EvaluationInput): Decision {
  const verdicts = input.surveys.map((survey) => {
    const reasons = judge(survey, input);
    return { surveyId: survey.id, eligible: reasons.length === 0, reasons };
  });
  const eligible = input.surveys
    .filter((_, i) => verdicts[i]!.eligible)
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { survey: eligible[0] ?? null, verdicts };
}
