import {
  type Answer,
  END,
  evaluate,
  parseConfig,
  parseSurveys,
  resolveText,
  type Step,
  type Survey,
  type SurveyResponse,
  WIRE_SCHEMA_VERSION,
  type WidgetConfig,
} from "@sonde/core";
import { config as zodConfig } from "zod/mini";
import { loadHistory, recordHistory } from "../outbox/history.js";
import { anonymousId, randomId } from "../outbox/identity.js";
import { createOutbox } from "../outbox/outbox.js";
import { pageContext } from "../signals/context.js";
import { directionOf, loadStrings, localeCandidates, pickUiLocale } from "../ui/locale-loader.js";
import type { PromptHandle } from "../ui/types.js";

/** A running Sonde instance. */
export interface Sonde {
  /** Sends what is waiting in the outbox now. */
  flush(): Promise<void>;
  /** Removes the prompt and listeners; the outbox stays. */
  destroy(): void;
}

const log = (...args: unknown[]) => console.error("sonde:", ...args);

function nextStep(survey: Survey, step: Step, answer: Answer | undefined): Step | null {
  if (step.kind === "thanks") return null;
  const byId = (id: string) => (id === END ? null : (survey.steps.find((s) => s.id === id) ?? null));
  for (const branch of step.branches ?? []) {
    const w = branch.when;
    const hit =
      "choices" in w
        ? answer?.kind === "single"
          ? w.choices.includes(answer.value)
          : answer?.kind === "multiple" && answer.value.some((v) => w.choices.includes(v))
        : answer && "value" in answer && typeof answer.value === "number"
          ? answer.value >= (w.min ?? -Infinity) && answer.value <= (w.max ?? Infinity)
          : false;
    if (hit) return byId(branch.goto);
  }
  if (step.next) return byId(step.next);
  return survey.steps[survey.steps.indexOf(step) + 1] ?? null;
}

async function loadSurveys(config: WidgetConfig): Promise<Survey[] | null> {
  let input: unknown = config.surveys;
  if (config.surveysUrl) {
    const res = await fetch(config.surveysUrl, { credentials: "omit" });
    if (!res.ok) throw new Error(`could not load surveys from ${config.surveysUrl} (HTTP ${res.status})`);
    input = await res.json();
  }
  const parsed = parseSurveys(input);
  if (!parsed.ok) {
    for (const line of parsed.errors) log(line);
    return null;
  }
  return parsed.value;
}

/**
 * Starts Sonde: validates the config, loads surveys, decides, and shows at most one prompt.
 * Never throws: bad input is reported on the console and leaves Sonde inert.
 */
export function start(input: unknown): Sonde {
  // Before the first schema is built: no `new Function` probe, which strict CSPs report.
  zodConfig({ jitless: true });
  let prompt: PromptHandle | undefined;
  let destroyed = false;
  const parsed = parseConfig(input);
  if (!parsed.ok) {
    for (const line of parsed.errors) log(line);
    return { flush: async () => {}, destroy: () => {} };
  }
  const config = parsed.value;
  const outbox = createOutbox({ endpoint: config.endpoint, onError: log });

  const run = async () => {
    outbox.start();
    const surveys = await loadSurveys(config);
    if (!surveys || destroyed) return;
    const [history, anonId] = await Promise.all([loadHistory(), anonymousId()]);
    const context = pageContext();
    const decision = evaluate({ surveys, context, history, now: Date.now(), personId: config.userId ?? anonId });
    if (config.debug)
      for (const v of decision.verdicts)
        console.info("sonde:", v.surveyId, v.eligible ? "eligible" : `not shown: ${v.reasons.join("; ")}`);
    const survey = decision.survey;
    if (!survey || destroyed) return;
    const defaultLocale = survey.defaultLocale ?? "en";
    const locale = pickUiLocale(localeCandidates(survey, config.locale, [context.locale, ...navigator.languages]));
    const [{ mountPrompt }, strings] = await Promise.all([import("../ui/mount.js"), loadStrings(locale)]);
    if (destroyed) return;
    const response: SurveyResponse = {
      id: randomId(),
      surveyId: survey.id,
      surveyVersion: survey.version,
      revision: 0,
      completed: false,
      answers: {},
      createdAt: Date.now(),
      updatedAt: Date.now(),
      anonymousId: anonId,
      userId: config.userId ?? null,
      context: { url: location.origin + location.pathname, locale, device: context.device },
      schemaVersion: WIRE_SCHEMA_VERSION,
    };
    await recordHistory(survey.id, (h) => ({ ...h, shownAt: Date.now(), displays: (h.displays ?? 0) + 1 }));
    prompt = mountPrompt({
      survey,
      locale,
      dir: directionOf(locale),
      strings,
      text: (t) => (t === undefined ? "" : resolveText(t, locale, defaultLocale)),
      next: (step, answer) => nextStep(survey, step, answer),
      onAnswer: async (step, answer, completed) => {
        // A skipped optional step changes nothing unless it ends the survey.
        if (!answer && !completed) return;
        response.revision += 1;
        if (answer) response.answers = { ...response.answers, [step.id]: answer };
        response.completed = completed;
        response.updatedAt = Date.now();
        await outbox.enqueue({ ...response });
        await recordHistory(survey.id, (h) => ({ ...h, answeredAt: Date.now() }));
        void outbox.flush();
      },
      onDismiss: () => {
        prompt?.unmount();
        void recordHistory(survey.id, (h) => ({ ...h, dismissedAt: Date.now() }));
      },
      nonce: config.nonce,
    });
  };
  run().catch((e) => log(e instanceof Error ? e.message : e));

  return {
    flush: outbox.flush,
    destroy() {
      destroyed = true;
      outbox.stop();
      prompt?.unmount();
    },
  };
}
