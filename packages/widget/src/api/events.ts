import type { Answer } from "@sonde/core";

/**
 * Why something went wrong, for `on("error")` handlers: `config` invalid (Sonde stays inert);
 * `surveys` could not be loaded, or one is malformed and skipped; `display` a survey could not be
 * shown (an inline selector that matches nothing, the prompt's code not loaded); `storage` the
 * browser's storage failed or an answer was dropped; `delivery`/`rejected` sending failed or the
 * endpoint refused; `handler` one of the host's handlers threw.
 */
export type SondeErrorCode = "config" | "surveys" | "display" | "storage" | "delivery" | "rejected" | "handler";

/** Every event Sonde emits and its payload. */
export interface SondeEvents {
  /** Config valid, surveys loaded. */
  ready: { surveyIds: string[] };
  /** A prompt became visible. */
  shown: { surveyId: string; responseId: string; preview: boolean };
  /** One step was answered (and persisted). */
  answered: { surveyId: string; responseId: string; stepId: string; answer: Answer };
  /** The last question was answered. */
  completed: { surveyId: string; responseId: string; answers: Record<string, Answer> };
  /** The user closed the prompt before finishing. */
  dismissed: { surveyId: string; responseId: string; stepId: string };
  /** The endpoint accepted these responses. */
  sent: { responseIds: string[] };
  /** Something failed; Sonde carries on where it can. */
  error: { code: SondeErrorCode; message: string };
}

export type SondeEventName = keyof SondeEvents;
export type SondeHandler<E extends SondeEventName> = (payload: SondeEvents[E]) => void;

/** A tiny event emitter whose handlers cannot break Sonde or the host: each runs isolated. */
export function createEmitter() {
  const handlers = new Map<SondeEventName, Set<(payload: never) => void>>();
  return {
    on<E extends SondeEventName>(event: E, handler: SondeHandler<E>): void {
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event)!.add(handler as (payload: never) => void);
    },
    off<E extends SondeEventName>(event: E, handler: SondeHandler<E>): void {
      handlers.get(event)?.delete(handler as (payload: never) => void);
    },
    emit<E extends SondeEventName>(event: E, payload: SondeEvents[E]): void {
      for (const handler of handlers.get(event) ?? []) {
        try {
          (handler as SondeHandler<E>)(payload);
        } catch (error) {
          console.error(`sonde: an "${event}" handler threw; Sonde carries on.`, error);
        }
      }
    },
    clear: () => handlers.clear(),
  };
}

export type Emitter = ReturnType<typeof createEmitter>;
