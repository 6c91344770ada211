import type { Survey } from "@sonde/core";
import { createOutbox, type Outbox, type OutboxOptions } from "../outbox/outbox.js";
import { type PersonState, storedPersonState } from "../state/person.js";
import type { Diagnose } from "./definitions.js";
import { idle } from "./idle.js";
import type { Present } from "./session.js";

// What an instance is given rather than reaching for: storage, the clock, the lazy chunks, the
// network, the page URL. Tests pass their own (sonde.test.ts).

/** What an instance works with; each has a default, tests pass their own. */
export interface Dependencies {
  /** What Sonde remembers of the person. */
  state: PersonState;
  now: () => number;
  fetch: typeof fetch;
  /** The prompt's chunk (Preact, the UI). */
  loadPresent: () => Promise<Present>;
  /** The chunk that says what is wrong (zod and core's schemas). */
  loadDiagnose: () => Promise<Diagnose>;
  createOutbox: (options: OutboxOptions) => Outbox;
  /** The page URL's query string, for `sonde_debug=1` and `sonde_preview=<id>`. */
  search: () => string;
  /** Resolves in an idle period of the page, so that no step makes a long task. */
  idle: () => Promise<void>;
  /** Calls `listener` once, the next time the page comes back online. */
  onceOnline: (listener: () => void) => void;
}

/** The browser's own: localStorage, Date.now, fetch, the chunks through import(), location. */
export const defaults = (): Dependencies => ({
  state: storedPersonState(),
  now: () => Date.now(),
  fetch: (input, init) => fetch(input, init),
  // Destructured where they are imported: a namespace object of the chunk would make the bundler
  // emit its helper, whose for…in a host's Object.prototype pollution breaks.
  loadPresent: async () => {
    const { createSession, presentSurvey, usableSteps } = await import("./present.js");
    return { createSession, presentSurvey, usableSteps };
  },
  loadDiagnose: async () => {
    const { checkDefinitions, configErrors, explainDefinitions } = await import("./diagnose.js");
    return { checkDefinitions, configErrors, explainDefinitions };
  },
  createOutbox,
  search: () => location.search,
  idle,
  onceOnline: (listener) => addEventListener("online", listener, { once: true }),
});

/**
 * `fn(surveys)`, isolating each survey: when it throws, the survey that makes it throw is handed
 * to `broken` and left out, and the others go on.
 */
export function isolated<T>(
  surveys: Survey[],
  fn: (surveys: Survey[]) => T,
  broken: (s: Survey, e: unknown) => void,
): T {
  try {
    return fn(surveys);
  } catch {
    const fine = surveys.filter((survey) => {
      try {
        fn([survey]);
        return true;
      } catch (error) {
        broken(survey, error);
        return false;
      }
    });
    return fn(fine);
  }
}
