import type { Survey } from "@sonde/core";
import type { Problem } from "./diagnose.js";
import type { SondeErrorCode } from "./events.js";
import { surveyArray, usableSurvey } from "./guards.js";
import { fetchSurveys } from "./surveys-source.js";

/** The lazy chunk that says what is wrong with a config or definitions. */
export type Diagnose = Pick<typeof import("./diagnose.js"), "checkDefinitions" | "configErrors" | "explainDefinitions">;

/** What loading definitions needs from the instance. */
export interface DefinitionsOptions {
  /** Inline definitions (used when there is no URL). */
  surveys: unknown;
  surveysUrl: string | undefined;
  fetch: typeof fetch;
  /** Check every survey in full with `diagnose` at load: debug mode and preview. */
  full: boolean;
  loadDiagnose: () => Promise<Diagnose>;
  fail: (code: SondeErrorCode, message: string) => void;
  /** A line for debug mode. */
  info: (...args: unknown[]) => void;
  /** Definitions loaded by a retry after a failed load. */
  onRetried: (surveys: Survey[]) => void;
}

/** Loads definitions, the page's trust boundary for them. */
export interface Definitions {
  /** The usable surveys; null when none could be loaded (reported; a failed fetch is retried in a minute). */
  load(): Promise<Survey[] | null>;
  /**
   * Reports a survey that broke while in use, once, with what `diagnose` says of it: its
   * evaluation threw `error`, or (`"malformed"`) its steps failed their guard.
   */
  skip(survey: Survey, error: unknown): void;
  stop(): void;
}

const RETRY_SURVEYS_MS = 60_000;

/**
 * Definitions reached the page validated by an entrance (the collector at start, or
 * `sonde-collector check`), so the page trusts them after cheap guards (see `usableSurvey`). A
 * survey that fails one is skipped, and reported once with its place in the list and the precise
 * errors from `diagnose`; the others still show.
 */
export function createDefinitions(o: DefinitionsOptions): Definitions {
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let input: unknown;
  // Where each survey stands in the list as given, for error paths; and which were reported.
  const places = new Map<unknown, number>();
  const reported = new Set<number>();
  const source = o.surveysUrl ?? "inline";

  /** Reports a problem in the words of `diagnose`, with what is wrong path by path. */
  const report = (problem: Problem) =>
    o
      .loadDiagnose()
      .then(
        (d) => d.explainDefinitions(input, source, problem),
        () => `surveys${problem.index === undefined ? "" : `[${problem.index}]`}: ${problem.cause}, skipped`,
      )
      .then((message) => o.fail("surveys", message));

  const skip = (problem: Problem & { index: number }) => {
    if (reported.has(problem.index)) return;
    reported.add(problem.index);
    void report(problem);
  };

  const accept = async (given: unknown): Promise<Survey[] | null> => {
    input = given;
    places.clear();
    reported.clear();
    const list = surveyArray(given);
    if (!list) {
      await report({ cause: "shape" });
      return null;
    }
    let broken: number[] = [];
    if (o.full) {
      try {
        const d = await o.loadDiagnose();
        const checked = d.checkDefinitions(given);
        for (const warning of checked.warnings) o.info(warning);
        if (checked.errors.length) o.fail("surveys", d.explainDefinitions(given, source, { cause: "mistakes" }));
        broken = checked.broken;
        for (const index of broken) reported.add(index);
      } catch {
        // The check could not load (offline): the guards below still keep the page safe.
      }
    }
    const ids = new Set<string>();
    const surveys: Survey[] = [];
    for (let index = 0; index < list.length; index++) {
      const survey = list[index];
      if (broken.includes(index)) continue;
      if (!usableSurvey(survey)) skip({ index, cause: "malformed" });
      // History is kept per survey id: a second survey with the same id would share it.
      else if (ids.has(survey.id)) skip({ index, cause: "repeated" });
      else {
        ids.add(survey.id);
        places.set(survey, index);
        surveys.push(survey);
      }
    }
    return surveys;
  };

  const load = async (): Promise<Survey[] | null> => {
    let given: unknown;
    try {
      given = o.surveysUrl ? await fetchSurveys(o.surveysUrl, o.fetch) : o.surveys;
    } catch (error) {
      o.fail("surveys", `${error instanceof Error ? error.message : String(error)}; retrying in a minute`);
      if (!stopped)
        retryTimer = setTimeout(
          () =>
            void load().then(
              (surveys) => surveys && !stopped && o.onRetried(surveys),
              (e: unknown) => o.fail("surveys", `could not load the surveys: ${String(e)}`),
            ),
          RETRY_SURVEYS_MS,
        );
      return null;
    }
    return accept(given);
  };

  return {
    load,
    skip(survey, error) {
      const index = places.get(survey);
      if (index !== undefined)
        skip(error === "malformed" ? { index, cause: "malformed" } : { index, cause: "threw", error: String(error) });
    },
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
    },
  };
}
