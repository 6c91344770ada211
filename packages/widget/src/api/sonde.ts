import {
  audienceSchema,
  type Checked,
  checkConfig,
  checkSurveyOutlines,
  conditionSchema,
  type Decision,
  evaluate,
  rulesSchema,
  type Survey,
  type SurveyOutline,
  surveyList,
  surveyOutlineListSchema,
  triggerSchema,
  urlConditionSchema,
  watchedSignals,
} from "@sonde/core";
import { loadHistory, recordHistory } from "../outbox/history.js";
import { anonymousId, newAnonymousId, readOptOut, writeOptOut } from "../outbox/identity.js";
import { createOutbox, type Outbox } from "../outbox/outbox.js";
import { countVisit } from "../outbox/visits.js";
import { watchNavigation } from "../signals/navigation.js";
import { createPageView } from "../signals/page-view.js";
import type { PromptHandle } from "../ui/types.js";
import { type Consent, initialConsent } from "./consent.js";
import { createEmitter, type Emitter, type SondeEventName, type SondeHandler } from "./events.js";
import { idle, warm } from "./idle.js";
import { fetchSurveys } from "./surveys-source.js";

/** Flat, JSON-safe attributes of a person or an event. */
export type Attributes = Record<string, string | number | boolean | null>;

/** A running Sonde: the methods behind the public API. */
export interface SondeInstance {
  identify(userId: string, attributes?: Attributes): void;
  setAttributes(attributes: Attributes): void;
  track(event: string, properties?: Attributes): void;
  page(): void;
  show(surveyId: string, options?: { force?: boolean }): void;
  dismiss(): void;
  on<E extends SondeEventName>(event: E, handler: SondeHandler<E>): void;
  off<E extends SondeEventName>(event: E, handler: SondeHandler<E>): void;
  flush(): Promise<void>;
  reset(): void;
  optOut(): void;
  optIn(): void;
  setConsent(consent: "granted" | "denied"): void;
  destroy(): void;
}

const RETRY_SURVEYS_MS = 60_000;

const log = (...args: unknown[]) => console.error("sonde:", ...args);

function urlFlag(name: string): string | null {
  try {
    return new URLSearchParams(location.search).get(name);
  } catch {
    return null;
  }
}

/** Reports invalid input, one line per problem naming its path; the formatter loads only now. */
function report(emitter: Emitter, code: "config" | "surveys", failed: Extract<Checked<unknown>, { ok: false }>) {
  void import("./report.js").then(({ describeIssues }) => {
    const lines = describeIssues(failed.issues, failed.root);
    for (const line of lines) log(line);
    emitter.emit("error", { code, message: lines.join("\n") });
  });
}

/** Settings that are not part of the public config: outbox timings for tests and benchmarks. */
export interface Internals {
  /** Outbox tuning as JSON text (the script tag's `data-outbox-tuning`). */
  outboxTuning?: string;
}

/**
 * Creates Sonde from a config. Never throws: a bad config is reported on the console (and as an
 * `error` event) with the path of each bad field, and gives null — Sonde stays inert.
 */
export function createInstance(
  input: unknown,
  emitter: Emitter = createEmitter(),
  internals: Internals = {},
): SondeInstance | null {
  // zod/mini never compiles parsers with `new Function`, so strict CSPs see no eval probe.
  const parsed = checkConfig(input);
  if (!parsed.ok) {
    report(emitter, "config", parsed);
    return null;
  }
  const config = parsed.value;
  const debug = config.debug === true || urlFlag("sonde_debug") === "1";
  const preview = urlFlag("sonde_preview");
  const info = (...args: unknown[]) => debug && console.info("sonde:", ...args);

  let consent: Consent = initialConsent(config);
  let optedOut = false;
  let destroyed = false;
  // What the rules need of each survey; its steps are checked in full when it is about to show.
  let surveys: SurveyOutline[] | null = null;
  // Each survey as given, with its place in the list (for error paths), until checked in full.
  let given = new Map<string, { index: number; definition: unknown }>();
  const checked = new Map<string, Survey>();
  let userId = config.userId;
  let attributes: Attributes = { ...config.attributes };
  let anonId: string | undefined;
  let prompt: { handle: PromptHandle; surveyId: string; responseId: string; stepId: string } | undefined;
  let presenting = false;
  let delayTimer: ReturnType<typeof setTimeout> | undefined;
  let visits: { visits: number; firstSeenAt: number } | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let outbox: Outbox | undefined;
  const stops: (() => void)[] = [];
  // Resolves once definitions are loaded, so that show() called early is not lost.
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const fail = (code: "surveys" | "storage" | "delivery", message: string) => {
    log(message);
    emitter.emit("error", { code, message });
  };

  const mayStore = () => consent === "granted" && !destroyed;

  const getOutbox = () => {
    outbox ??= createOutbox({
      endpoint: config.endpoint,
      onSent: (ids) => emitter.emit("sent", { responseIds: ids }),
      // A failure that will be retried is only worth a line in debug mode (the outbox says it there).
      onError: (e) => {
        if (e.willRetry) return;
        log(e.message);
        emitter.emit("error", { code: e.status ? "rejected" : "storage", message: e.message });
      },
      onDropped: (d) => fail("storage", d.message),
      debug,
      tuning: internals.outboxTuning,
    });
    return outbox;
  };

  // Warnings (unknown fields) are said once, though the full check sees the outline's again.
  const warned = new Set<string>();
  const warn = (warnings: string[]) => {
    for (const warning of warnings) {
      if (!warned.has(warning)) info(warning);
      warned.add(warning);
    }
  };

  const loadDefinitions = async (): Promise<void> => {
    let result: Checked<SurveyOutline[]>;
    let input: unknown;
    try {
      [input] = await Promise.all([
        config.surveysUrl ? fetchSurveys(config.surveysUrl) : config.surveys,
        // Meanwhile, one per idle period, build the schemas: building and checking in one task
        // would make a long one (see `warm`).
        warm([
          urlConditionSchema,
          conditionSchema,
          triggerSchema,
          audienceSchema,
          rulesSchema,
          surveyOutlineListSchema,
        ]),
      ]);
      await idle();
      result = checkSurveyOutlines(input);
    } catch (error) {
      fail("surveys", `${error instanceof Error ? error.message : String(error)}; retrying in a minute`);
      retryTimer = setTimeout(() => void loadDefinitions().then(() => evaluateNow("retry")), RETRY_SURVEYS_MS);
      return;
    }
    if (!result.ok) return report(emitter, "surveys", result);
    warn(result.warnings);
    const list = surveyList(input) as unknown[];
    given = new Map(result.value.map((s, index) => [s.id, { index, definition: list[index] }]));
    checked.clear();
    surveys = result.value;
    // In debug mode every survey is checked in full at once, so that a mistake shows while developing.
    if (debug) for (const survey of surveys) await inFull(survey);
    view.watch(watchedSignals(surveys));
    markReady();
    emitter.emit("ready", { surveyIds: surveys.map((s) => s.id) });
  };

  /**
   * The survey checked in full: steps and appearance. A broken one is reported with the path of
   * each mistake and dropped, so that the rules choose among the others.
   */
  const inFull = async (outline: SurveyOutline): Promise<Survey | null> => {
    const known = checked.get(outline.id);
    if (known) return known;
    const { checkSurvey } = await import("./present.js");
    const { index, definition } = given.get(outline.id)!;
    const result = checkSurvey(definition, ["surveys", index]);
    if (!result.ok) {
      report(emitter, "surveys", result);
      surveys = surveys?.filter((s) => s.id !== outline.id) ?? null;
      return null;
    }
    warn(result.warnings);
    checked.set(outline.id, result.value);
    return result.value;
  };

  /** Asks the core rules, with everything the page and the history know. `requested`: show() asked for it. */
  const decide = async (requested?: string): Promise<Decision<SurveyOutline> | null> => {
    if (!surveys || !mayStore() || optedOut) return null;
    const [history, id] = await Promise.all([loadHistory(), anonymousId(), idle()]);
    anonId = id;
    visits ??= await countVisit(Date.now());
    const decision = evaluate({
      surveys,
      context: view.context(),
      history,
      now: Date.now(),
      personId: userId ?? id,
      person: { identified: userId !== undefined, attributes, ...visits },
      cooldownDays: config.cooldownDays,
      requested,
    });
    for (const v of decision.verdicts) info(v.surveyId, v.eligible ? "eligible" : `not shown: ${v.reasons.join("; ")}`);
    return decision;
  };

  const evaluateNow = async (why: string, requested?: string): Promise<void> => {
    if (prompt || presenting || destroyed) return;
    const decision = await decide(requested);
    info(`evaluated on ${why}`);
    const survey = decision?.survey;
    if (!survey || prompt || presenting) return;
    if (decision.delayMs > 0) {
      // Ask again when the delay is over: a page that no longer matches cancels the prompt.
      clearTimeout(delayTimer);
      delayTimer = setTimeout(() => run(showIfStillChosen(survey.id)), decision.delayMs);
      info(`${survey.id} due in ${decision.delayMs} ms`);
      return;
    }
    // A survey whose steps turn out broken is dropped: the rules choose again among the others.
    if (!(await present(survey, false))) await evaluateNow(why, requested);
  };

  const showIfStillChosen = async (surveyId: string) => {
    const decision = await decide();
    if (decision?.survey?.id === surveyId && !prompt && !presenting) await present(decision.survey, false);
    else info(`${surveyId} cancelled: no longer chosen when its delay ended`);
  };

  /** Shows a survey unless one is showing; false when its definition turned out broken. */
  const present = async (outline: SurveyOutline, isPreview: boolean): Promise<boolean> => {
    if (presenting || prompt) return true;
    presenting = true;
    try {
      const survey = await inFull(outline);
      if (survey) await mount(survey, isPreview);
      return survey !== null;
    } finally {
      presenting = false;
    }
  };

  const mount = async (survey: Survey, isPreview: boolean) => {
    const { presentSurvey } = await import("./present.js");
    if (destroyed) return;
    const shown = await presentSurvey({
      survey,
      locale: config.locale,
      anonymousId: anonId ?? "preview",
      userId,
      attributes,
      device: view.context().device,
      captureQuery: config.captureQuery,
      nonce: config.nonce,
      onAnswer: async (response, step, answer) => {
        if (prompt) prompt.stepId = step.id;
        if (!isPreview && mayStore()) {
          await getOutbox().enqueue(response); // stored; the outbox flushes on its own
          await recordHistory(survey.id, (h) => ({ ...h, answeredAt: Date.now() }));
        }
        if (answer) emitter.emit("answered", { surveyId: survey.id, responseId: response.id, stepId: step.id, answer });
        if (response.completed) {
          emitter.emit("completed", { surveyId: survey.id, responseId: response.id, answers: response.answers });
        }
      },
      onDismiss: () => close(true),
    });
    if (destroyed) return shown.handle.unmount();
    prompt = { handle: shown.handle, surveyId: survey.id, responseId: shown.responseId, stepId: survey.steps[0]!.id };
    if (!isPreview)
      await recordHistory(survey.id, (h) => ({ ...h, shownAt: Date.now(), displays: (h.displays ?? 0) + 1 }));
    emitter.emit("shown", { surveyId: survey.id, responseId: shown.responseId, preview: isPreview });
  };

  const close = (dismissed: boolean) => {
    const current = prompt;
    if (!current) return;
    prompt = undefined;
    current.handle.unmount();
    if (!dismissed) return;
    if (!preview) void recordHistory(current.surveyId, (h) => ({ ...h, dismissedAt: Date.now() }));
    emitter.emit("dismissed", { surveyId: current.surveyId, responseId: current.responseId, stepId: current.stepId });
  };

  const begin = async () => {
    if (!mayStore()) return;
    optedOut = await readOptOut();
    getOutbox().start();
    await loadDefinitions();
    if (preview && surveys) {
      const survey = surveys.find((s) => s.id === preview);
      if (survey) await present(survey, true);
      else log(`preview: no survey with id "${preview}"`);
      return;
    }
    await evaluateNow("load");
  };

  const guard =
    <A extends unknown[], R>(name: string, fn: (...args: A) => R, fallback: R) =>
    (...args: A): R => {
      if (destroyed) return fallback;
      try {
        return fn(...args);
      } catch (error) {
        log(`${name}() failed:`, error);
        return fallback;
      }
    };
  const run = (p: Promise<unknown>) => void p.catch((e: unknown) => fail("storage", String(e)));

  const view = createPageView((why) => run(evaluateNow(why)));
  stops.push(
    watchNavigation(() => {
      view.restart();
      run(evaluateNow("navigation"));
    }),
    () => view.stop(),
    () => clearTimeout(delayTimer),
  );
  run(idle().then(begin));

  return {
    identify: guard(
      "identify",
      (id: string, attrs?: Attributes) => {
        if (typeof id !== "string" || !id)
          throw new TypeError(`identify(userId) needs a non-empty string (got ${String(id)})`);
        userId = id;
        if (attrs) attributes = { ...attributes, ...attrs };
        run(evaluateNow("identify"));
      },
      undefined,
    ),
    setAttributes: guard(
      "setAttributes",
      (attrs: Attributes) => {
        attributes = { ...attributes, ...attrs };
        run(evaluateNow("attributes"));
      },
      undefined,
    ),
    track: guard(
      "track",
      (event: string, properties?: Attributes) => {
        if (typeof event !== "string" || !event)
          throw new TypeError(`track(event) needs a non-empty name (got ${String(event)})`);
        view.event(event, properties);
        run(evaluateNow(`event ${event}`));
      },
      undefined,
    ),
    page: guard(
      "page",
      () => {
        view.restart();
        run(evaluateNow("page"));
      },
      undefined,
    ),
    show: guard(
      "show",
      (surveyId: string, options?: { force?: boolean }) => {
        run(
          (async () => {
            await ready;
            if (prompt || !surveys) return;
            const survey = surveys.find((s) => s.id === surveyId);
            if (!survey) return log(`show(): no survey with id "${surveyId}"`);
            if (options?.force) {
              if (mayStore() && !optedOut) await present(survey, false);
              return;
            }
            await evaluateNow(`show(${surveyId})`, surveyId);
          })(),
        );
      },
      undefined,
    ),
    dismiss: guard("dismiss", () => close(true), undefined),
    on: guard("on", emitter.on, undefined),
    off: guard("off", emitter.off, undefined),
    flush: guard(
      "flush",
      () =>
        mayStore()
          ? getOutbox()
              .flush()
              .then(() => undefined)
          : Promise.resolve(),
      Promise.resolve(),
    ),
    reset: guard(
      "reset",
      () => {
        userId = undefined;
        attributes = {};
        if (mayStore())
          run(
            newAnonymousId().then((id) => {
              anonId = id;
            }),
          );
      },
      undefined,
    ),
    optOut: guard(
      "optOut",
      () => {
        optedOut = true;
        close(false);
        if (mayStore()) run(writeOptOut(true));
      },
      undefined,
    ),
    optIn: guard(
      "optIn",
      () => {
        optedOut = false;
        if (mayStore()) run(writeOptOut(false).then(() => evaluateNow("opt-in")));
      },
      undefined,
    ),
    setConsent: guard(
      "setConsent",
      (value: "granted" | "denied") => {
        if (value !== "granted" && value !== "denied")
          throw new TypeError(`setConsent() takes "granted" or "denied" (got ${String(value)})`);
        const before = consent;
        consent = value;
        if (value === "denied") close(false);
        if (value === "granted" && before !== "granted") run(begin());
      },
      undefined,
    ),
    destroy: guard(
      "destroy",
      () => {
        close(false);
        destroyed = true;
        clearTimeout(retryTimer);
        outbox?.stop();
        for (const stop of stops) stop();
        emitter.clear();
      },
      undefined,
    ),
  };
}
