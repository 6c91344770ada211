import { type Alert, firedAlerts, type Survey } from "@sonde/core";
import type { Firing, FiringRule } from "../store/alert-outbox.js";

/** The alerts of the surveys a collector serves, as ingest and the webhook worker use them. */
export interface AlertRules {
  /** Whether any survey defines an alert (now). */
  readonly any: boolean;
  /** What a stored revision fires: each alert whose conditions it passes, due at once when complete. */
  firing: FiringRule;
  /** An alert by survey and alert id, with its survey; undefined once no longer defined. */
  find(surveyId: string, alertId: string): { survey: Survey; alert: Alert } | undefined;
}

const NONE: readonly Firing[] = [];

/**
 * The alert rules of a set of surveys, or of the surveys a function returns now (the store's, which
 * change while the collector runs: rules follow the list it returns, rebuilt when it is a new one).
 * A response still being answered (`completed: false`) fires with its first attempt `settleMs`
 * later, so that the comment that follows a score usually makes it into the webhook; the revision
 * that completes it brings the attempt forward.
 */
export function alertRules(surveys: readonly Survey[] | (() => readonly Survey[]), settleMs: number): AlertRules {
  const current = typeof surveys === "function" ? surveys : () => surveys;
  let seen: readonly Survey[] | undefined;
  let bySurvey = new Map<string, Survey>();
  const alerting = () => {
    const list = current();
    if (list !== seen) {
      seen = list;
      bySurvey = new Map(list.filter((s) => s.alerts?.length).map((s) => [s.id, s]));
    }
    return bySurvey;
  };
  return {
    get any() {
      return alerting().size > 0;
    },
    firing(response, receivedAt) {
      const survey = alerting().get(response.surveyId);
      if (!survey) return NONE;
      const fired = firedAlerts(survey.alerts, { answers: response.answers, attributes: response.context.attributes });
      if (fired.length === 0) return NONE;
      const dueAt = response.completed ? receivedAt : receivedAt + settleMs;
      return fired.map((f) => ({ alertId: f.alert.id, dueAt }));
    },
    find(surveyId, alertId) {
      const survey = alerting().get(surveyId);
      const alert = survey?.alerts?.find((a) => a.id === alertId);
      return survey && alert && { survey, alert };
    },
  };
}

/** A survey as pages get it: without its alerts, whose webhook URLs are secrets of the collector. */
export function withoutAlerts(survey: Survey): Survey {
  if (survey.alerts === undefined) return survey;
  const { alerts: _, ...served } = survey;
  return served;
}
