import type { Survey } from "@sonde/core";
import type { Outbox } from "../outbox/outbox.js";
import type { PersonState } from "../state/person.js";
import type { PromptHandle } from "../ui/types.js";
import type { Emitter, SondeErrorCode } from "./events.js";
import type { PresentOptions, presentSurvey } from "./present.js";

/** What the lazy chunk that shows surveys gives: the session, and how it renders a survey. */
export type Present = Pick<typeof import("./present.js"), "presentSurvey" | "createSession" | "usableSteps">;

/** What the prompt session needs from the instance. */
export interface SessionOptions {
  emitter: Emitter;
  state: PersonState;
  now: () => number;
  /** Renders a survey (injected: tests render nothing). */
  presentSurvey: typeof presentSurvey;
  /** The outbox, created on first use. */
  outbox: () => Outbox;
  /** Whether answers may be stored and sent (consent granted, not destroyed). */
  mayStore: () => boolean;
  destroyed: () => boolean;
  fail: (code: SondeErrorCode, message: string) => void;
  /** Who answers and where: the instance's settings at the moment a survey shows. */
  settings: () => Omit<PresentOptions, "survey" | "onAnswer" | "onDismiss">;
}

/** The prompt on screen, if any: showing it, recording what happens to it, closing it. */
export interface Session {
  /** Whether a prompt is showing or about to. */
  busy(): boolean;
  /** Shows a survey unless one is showing. A preview writes no history and stores no answer. */
  present(survey: Survey, preview: boolean): Promise<void>;
  /** Closes the prompt; `dismissed`: the person closed it (remembered, and a `dismissed` event). */
  close(dismissed: boolean): void;
}

/**
 * Creates the prompt session of one instance. It lives in the prompt's lazy chunk: a page where
 * no survey is due never downloads it.
 */
export function createSession(o: SessionOptions): Session {
  let prompt:
    | { handle: PromptHandle; surveyId: string; responseId: string; stepId: string; preview: boolean }
    | undefined;
  let presenting = false;

  const remember = (surveyId: string, change: Parameters<PersonState["recordHistory"]>[1]) =>
    o.state.recordHistory(surveyId, change).catch((e: unknown) => o.fail("storage", `could not record history: ${e}`));

  const close = (dismissed: boolean) => {
    const current = prompt;
    if (!current) return;
    prompt = undefined;
    current.handle.unmount();
    if (!dismissed) return;
    if (!current.preview) void remember(current.surveyId, (h) => ({ ...h, dismissedAt: o.now() }));
    o.emitter.emit("dismissed", { surveyId: current.surveyId, responseId: current.responseId, stepId: current.stepId });
  };

  const show = async (survey: Survey, preview: boolean) => {
    const shown = await o.presentSurvey({
      ...o.settings(),
      survey,
      onAnswer: async (response, step, answer) => {
        if (prompt) prompt.stepId = step.id;
        if (!preview && o.mayStore()) {
          await o.outbox().enqueue(response); // stored; the outbox flushes on its own
          await remember(survey.id, (h) => ({ ...h, answeredAt: o.now() }));
        }
        if (answer)
          o.emitter.emit("answered", { surveyId: survey.id, responseId: response.id, stepId: step.id, answer });
        if (response.completed)
          o.emitter.emit("completed", { surveyId: survey.id, responseId: response.id, answers: response.answers });
      },
      onDismiss: () => close(true),
    });
    if (o.destroyed()) return shown.handle.unmount();
    prompt = {
      handle: shown.handle,
      surveyId: survey.id,
      responseId: shown.responseId,
      stepId: survey.steps[0]!.id,
      preview,
    };
    if (!preview) await remember(survey.id, (h) => ({ ...h, shownAt: o.now(), displays: (h.displays ?? 0) + 1 }));
    o.emitter.emit("shown", { surveyId: survey.id, responseId: shown.responseId, preview });
  };

  return {
    busy: () => presenting || prompt !== undefined,
    async present(survey, preview) {
      if (presenting || prompt) return;
      presenting = true;
      try {
        await show(survey, preview);
      } catch (error) {
        // The page (an inline selector that matches nothing) or the network (the prompt's code
        // could not load): the survey is not shown, and the host hears why.
        o.fail("display", `survey "${survey.id}" was not shown: ${error instanceof Error ? error.message : error}`);
      } finally {
        presenting = false;
      }
    },
    close,
  };
}
