import {
  type Answer,
  nextStep,
  resolveText,
  type Step,
  type Survey,
  type SurveyResponse,
  WIRE_SCHEMA_VERSION,
} from "@sonde/core";
import { randomId } from "../state/random-id.js";
import { directionOf, loadStrings, localeCandidates, pickUiLocale, textLanguage } from "../ui/locale-loader.js";
import { mountPrompt } from "../ui/mount.js";
import type { PromptHandle } from "../ui/types.js";

export { createSession } from "./session.js";
export { usableSteps } from "./step-guards.js";

// This module is loaded only when a prompt is due: it and the UI stay out of a page's first
// download. It checks nothing: the survey passed the entrances' schema and the page's guards.

/** What showing a survey needs from the running instance. */
export interface PresentOptions {
  survey: Survey;
  /** The configured language, if any. */
  locale: string | undefined;
  anonymousId: string;
  userId: string | undefined;
  attributes: Record<string, string | number | boolean | null>;
  device: "mobile" | "tablet" | "desktop" | undefined;
  /** Keep the query string in the recorded page URL. */
  captureQuery: boolean | undefined;
  nonce: string | undefined;
  /** Persists the response as it grows; the UI moves on only after it resolves. */
  onAnswer: (response: SurveyResponse, step: Step, answer: Answer | undefined) => Promise<void>;
  onDismiss: () => void;
}

/** Renders the survey and builds its response record, one revision per answered step. */
export async function presentSurvey(options: PresentOptions): Promise<{ handle: PromptHandle; responseId: string }> {
  const { survey } = options;
  const defaultLocale = survey.defaultLocale ?? "en";
  const locale = pickUiLocale(
    localeCandidates(survey, options.locale, [document.documentElement.lang, ...navigator.languages]),
  );
  const strings = await loadStrings(locale);
  const now = Date.now();
  const response: SurveyResponse = {
    id: randomId(),
    surveyId: survey.id,
    surveyVersion: survey.version,
    revision: 0,
    completed: false,
    answers: {},
    createdAt: now,
    updatedAt: now,
    anonymousId: options.anonymousId,
    userId: options.userId ?? null,
    context: {
      url: location.origin + location.pathname + (options.captureQuery ? location.search : ""),
      locale,
      browserLocale: navigator.language?.slice(0, 35) || undefined,
      device: options.device,
      attributes: options.attributes,
    },
    schemaVersion: WIRE_SCHEMA_VERSION,
  };
  const handle = mountPrompt({
    survey,
    locale,
    dir: directionOf(locale),
    strings,
    text: (t) => (t === undefined ? "" : resolveText(t, locale, defaultLocale)),
    textLang: (t) => textLanguage(t, locale, survey),
    next: (step, answer) => nextStep(survey.steps, step, answer),
    onAnswer: async (step, answer, completed) => {
      // A skipped optional step changes nothing unless it ends the survey.
      if (!answer && !completed) return;
      response.revision += 1;
      if (answer) response.answers = { ...response.answers, [step.id]: answer };
      response.completed = completed;
      response.updatedAt = Date.now();
      await options.onAnswer({ ...response }, step, answer);
    },
    onDismiss: options.onDismiss,
    nonce: options.nonce,
  });
  return { handle, responseId: response.id };
}
