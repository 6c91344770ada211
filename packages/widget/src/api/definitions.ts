import type { Survey } from "@sonde/core";
import type { SondeErrorCode } from "./events.js";
import { surveyArray, usableSurvey } from "./guards.js";
import { fetchSurveys } from "./surveys-source.js";

/** The lazy chunk that says what is wrong with a config or definitions. */
export type Diagnose = Pick<typeof import("./diagnose.js"), "checkDefinitions" | "configErrors">;

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
  /** Reports a survey that broke while in use (its evaluation threw), once, with what `diagnose` says of it. */
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
  const source = o.surveysUrl ? `the definitions at ${o.surveysUrl}` : "the inline definitions";
  const advice = `run \`sonde-collector check\` on ${source}, or turn on debug mode (data-debug="true" or ?sonde_debug=1), to see every mistake`;

  /** What `diagnose` says about the definitions, lines under `prefix` only; none when it cannot load. */
  const diagnosed = async (prefix: string): Promise<string[]> => {
    try {
      const { checkDefinitions } = await o.loadDiagnose();
      return checkDefinitions(input).errors.filter((line) => line.startsWith(prefix));
    } catch {
      return [];
    }
  };

  const report = (what: string, lines: string[]) => {
    o.fail("surveys", [what, ...lines].join("\n"));
  };

  const skipAt = (index: number, survey: unknown, cause: string) => {
    if (reported.has(index)) return;
    reported.add(index);
    const id = survey && typeof survey === "object" && typeof (survey as Survey).id === "string";
    const name = `surveys[${index}]${id ? ` ("${(survey as Survey).id}")` : ""}`;
    void diagnosed(`surveys[${index}]`).then((lines) =>
      report(`${name} ${cause} and is skipped; the other surveys still show. To fix it, ${advice}.`, lines),
    );
  };

  const accept = async (given: unknown): Promise<Survey[] | null> => {
    input = given;
    places.clear();
    reported.clear();
    const list = surveyArray(given);
    if (!list) {
      const lines = await diagnosed("surveys");
      report(`${source} are not a list of surveys (an array, or { "surveys": [...] }); none is shown.`, lines);
      return null;
    }
    let broken: number[] = [];
    if (o.full) {
      try {
        const checked = (await o.loadDiagnose()).checkDefinitions(given);
        for (const warning of checked.warnings) o.info(warning);
        if (checked.errors.length) report(`${source} have mistakes; the surveys named are skipped.`, checked.errors);
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
      if (!usableSurvey(survey)) skipAt(index, survey, "is malformed");
      // History is kept per survey id: a second survey with the same id would share it.
      else if (ids.has(survey.id)) skipAt(index, survey, `repeats the id "${survey.id}"`);
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
      if (index !== undefined) skipAt(index, survey, `broke while being evaluated (${String(error)})`);
    },
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
    },
  };
}
