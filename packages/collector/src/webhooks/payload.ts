import { type Alert, type Answer, npsCategory, resolveText, type Survey } from "@sonde/core";
import type { StoredResponse } from "../store/store.js";

/** One answer as a webhook carries it: the step, its question, and the answer's own fields. */
export type AnswerItem = { stepId: string; question: string | null } & Answer & { category?: string };

/** What a webhook tells: which alert fired on which answer, why, and where to see it. */
export interface AlertEvent {
  survey: Survey;
  alert: Alert;
  response: StoredResponse;
  /** A line per condition that held (`score: NPS 3, a detractor`). */
  reasons: string[];
  /** The answer in the console. */
  link: string;
  /** When this attempt is made. */
  at: number;
}

/** The answers in the order of the survey's steps (unknown steps last), with their questions. */
export function answerItems(survey: Survey, response: StoredResponse): AnswerItem[] {
  const locale = survey.defaultLocale ?? "en";
  const order = new Map(survey.steps.map((s, i) => [s.id, i]));
  return Object.entries(response.answers)
    .sort(([a], [b]) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER))
    .map(([stepId, answer]) => {
      const step = survey.steps.find((s) => s.id === stepId);
      const item: AnswerItem = { stepId, question: step ? resolveText(step.question, locale) : null, ...answer };
      if (answer.kind === "nps") item.category = npsCategory(answer.value);
      return item;
    });
}

/** The written comments of a response, joined by blank lines; null without any. */
export function commentOf(response: StoredResponse): string | null {
  const texts = Object.values(response.answers)
    .filter((a) => a.kind === "open" && a.value.trim() !== "")
    .map((a) => (a as { value: string }).value.trim());
  return texts.length ? texts.join("\n\n") : null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The body of a standard webhook, in the Standard Webhooks shape `{ type, timestamp, data }`. Built
 * at each attempt from the latest stored revision, so that a comment written after the score is in it.
 */
export function alertPayload(event: AlertEvent): Record<string, unknown> {
  const { survey, alert, response } = event;
  return {
    type: "alert.fired",
    timestamp: iso(event.at),
    data: {
      alert: { id: alert.id, name: alert.name ?? null, reasons: event.reasons },
      survey: {
        id: survey.id,
        name: survey.name ?? null,
        version: response.storedVersion ?? response.surveyVersion ?? survey.version ?? null,
      },
      response: {
        id: response.id,
        revision: response.revision,
        completed: response.completed,
        answeredAt: iso(response.answeredAt),
        receivedAt: iso(response.receivedAt),
        answers: answerItems(survey, response),
        comment: commentOf(response),
        url: response.context.url,
        locale: response.context.locale ?? null,
        device: response.context.device ?? null,
      },
      person: {
        userId: response.userId ?? null,
        anonymousId: response.anonymousId,
        attributes: response.context.attributes ?? {},
      },
      link: event.link,
    },
  };
}
