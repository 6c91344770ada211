import { type Decision, evaluate, type Survey, watchedSignals } from "@sonde/core";
import type { Outbox } from "../outbox/outbox.js";
import { watchNavigation } from "../signals/navigation.js";
import { createPageView } from "../signals/page-view.js";
import { type Consent, initialConsent } from "./consent.js";
import { createDefinitions } from "./definitions.js";
import { type Dependencies, defaults, isolated } from "./dependencies.js";
import { createEmitter, type Emitter, type SondeErrorCode, type SondeEventName, type SondeHandler } from "./events.js";
import { usableConfig } from "./guards.js";
import type { Session } from "./session.js";

export type { Dependencies } from "./dependencies.js";

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

/** Settings that are not part of the public config: outbox timings for tests and benchmarks. */
export interface Internals {
  /** Outbox tuning as JSON text (the script tag's `data-outbox-tuning`). */
  outboxTuning?: string;
}

const log = (...args: unknown[]) => console.error("sonde:", ...args);

function flag(search: string, name: string): string | null {
  try {
    return new URLSearchParams(search).get(name);
  } catch {
    return null;
  }
}

/**
 * Creates Sonde from a config. Never throws: a config the code cannot use loads `diagnose`, which
 * reports each bad field by its path on the console (and as an `error` event), and gives null —
 * Sonde stays inert.
 */
export function createInstance(
  input: unknown,
  emitter: Emitter = createEmitter(),
  internals: Internals = {},
  dependencies: Partial<Dependencies> = {},
): SondeInstance | null {
  const deps = { ...defaults(), ...dependencies };
  const fail = (code: SondeErrorCode, message: string) => {
    log(message);
    emitter.emit("error", { code, message });
  };
  const explainConfig = (fallback: string) =>
    deps
      .loadDiagnose()
      .then(({ configErrors }) => configErrors(input))
      .catch(() => [])
      .then((lines) => {
        if (lines.length || fallback) fail("config", (lines.length ? lines : [fallback]).join("\n"));
        return lines.length > 0;
      });

  const config = usableConfig(input);
  if (!config) {
    void explainConfig("config: not a configuration Sonde can use; Sonde stays inactive");
    return null;
  }
  const debug = config.debug === true || flag(deps.search(), "sonde_debug") === "1";
  const preview = flag(deps.search(), "sonde_preview");
  const info = (...args: unknown[]) => debug && console.info("sonde:", ...args);

  let consent: Consent = initialConsent(config);
  let optedOut = false;
  let destroyed = false;
  let surveys: Survey[] | null = null;
  let userId = config.userId;
  let attributes: Attributes = { ...config.attributes };
  let anonId: string | undefined;
  let visits: { visits: number; firstSeenAt: number } | undefined;
  let delayTimer: ReturnType<typeof setTimeout> | undefined;
  let outbox: Outbox | undefined;
  const stops: (() => void)[] = [];
  // Resolves once definitions are loaded, so that show() called early is not lost.
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const mayStore = () => consent === "granted" && !destroyed;
  // Failures of Sonde's own work, reported (never thrown into the host) under the code of what failed.
  const run = (p: Promise<unknown>, code: SondeErrorCode = "surveys") =>
    void p.catch((e: unknown) => fail(code, String(e)));

  const getOutbox = () => {
    outbox ??= deps.createOutbox({
      endpoint: config.endpoint,
      onSent: (ids) => emitter.emit("sent", { responseIds: ids }),
      // A failure that will be retried is only worth a line in debug mode (the outbox says it there).
      onError: (e) => {
        if (e.willRetry) return;
        fail(e.status ? "rejected" : "storage", e.message);
      },
      onDropped: (d) => fail("storage", d.message),
      hold: consent !== "granted",
      debug,
      tuning: internals.outboxTuning,
    });
    return outbox;
  };

  const definitions = createDefinitions({
    surveys: config.surveys,
    surveysUrl: config.surveysUrl,
    fetch: deps.fetch,
    full: debug || preview !== null,
    loadDiagnose: deps.loadDiagnose,
    fail,
    info,
    onRetried: (loaded) => {
      use(loaded);
      run(evaluateNow("retry"));
    },
  });

  /** Drops a survey that broke while in use (its evaluation threw, or its steps are malformed); the others go on. */
  const drop = (survey: Survey, error: unknown) => {
    definitions.skip(survey, error);
    surveys = surveys?.filter((s) => s !== survey) ?? null;
  };

  const use = (loaded: Survey[]) => {
    surveys = loaded;
    view.watch(isolated(loaded, watchedSignals, drop));
    markReady();
    emitter.emit("ready", { surveyIds: (surveys ?? []).map((s) => s.id) });
  };

  // Failed loads of the prompt's code in a row (offline, a CDN hiccup). After one it is tried once
  // more — back online, or at the next trigger — by asking the rules again: what shows is still
  // what they choose, and only once. After two, this page stops trying.
  let chunkFailures = 0;

  // The prompt session (showing, history writes, events) comes with the prompt's chunk.
  let session: Session | undefined;
  let presenting = false;
  const busy = () => presenting || session?.busy() === true;
  const close = (dismissed: boolean) => session?.close(dismissed);
  /**
   * Shows a survey unless one is showing; false when its steps turned out malformed (it is then
   * dropped and reported). A failure to load the prompt is reported, not thrown.
   */
  const present = async (survey: Survey, preview: boolean): Promise<boolean> => {
    if (busy() || chunkFailures > 1) return true;
    presenting = true;
    try {
      // An answer given offline must still reach IndexedDB: its code loads with the prompt's.
      if (!preview && mayStore()) getOutbox().prepare();
      const { createSession, presentSurvey, usableSteps } = await deps.loadPresent().then(
        (chunk) => {
          chunkFailures = 0;
          return chunk;
        },
        (error) => {
          if (++chunkFailures === 1) deps.onceOnline(() => chunkFailures === 1 && run(evaluateNow("online")));
          throw error;
        },
      );
      if (destroyed) return true;
      if (!usableSteps(survey)) {
        drop(survey, "malformed");
        return false;
      }
      session ??= createSession({
        emitter,
        state: deps.state,
        now: deps.now,
        presentSurvey,
        outbox: getOutbox,
        mayStore,
        destroyed: () => destroyed,
        fail,
        settings: () => ({
          locale: config.locale,
          anonymousId: anonId ?? "preview",
          userId,
          attributes,
          device: view.context().device,
          captureQuery: config.captureQuery,
          nonce: config.nonce,
        }),
      });
      presenting = false;
      await session.present(survey, preview);
    } catch (error) {
      fail("display", `survey "${survey.id}" was not shown: ${error}`);
    } finally {
      presenting = false;
    }
    return true;
  };

  /** Asks the core rules, with everything the page and the history know. `requested`: show() asked for it. */
  const decide = async (requested?: string): Promise<Decision<Survey> | null> => {
    if (!surveys || !mayStore() || optedOut) return null;
    const [history, id] = await Promise.all([deps.state.loadHistory(), deps.state.anonymousId(), deps.idle()]);
    anonId = id;
    visits ??= await deps.state.countVisit(deps.now());
    if (!surveys || !mayStore() || optedOut) return null;
    const base = {
      context: view.context(),
      history,
      now: deps.now(),
      personId: userId ?? id,
      person: { identified: userId !== undefined, attributes, ...visits },
      cooldownDays: config.cooldownDays,
      requested,
    };
    const decision = isolated(surveys, (list) => evaluate({ ...base, surveys: list }), drop);
    for (const v of decision.verdicts) info(v.surveyId, v.eligible ? "eligible" : `not shown: ${v.reasons.join("; ")}`);
    return decision;
  };

  const evaluateNow = async (why: string, requested?: string): Promise<void> => {
    if (busy() || destroyed) return;
    const decision = await decide(requested);
    info(`evaluated on ${why}`);
    const survey = decision?.survey;
    if (!survey || busy()) return;
    if (decision.delayMs > 0) {
      // Ask again when the delay is over: a page that no longer matches cancels the prompt.
      clearTimeout(delayTimer);
      delayTimer = setTimeout(() => run(showIfStillChosen(survey.id)), decision.delayMs);
      info(`${survey.id} due in ${decision.delayMs} ms`);
      return;
    }
    // A survey whose steps turn out malformed is dropped: the rules choose again among the others.
    if (!(await present(survey, false))) await evaluateNow(why, requested);
  };

  const showIfStillChosen = async (surveyId: string) => {
    const decision = await decide();
    if (decision?.survey?.id === surveyId && !busy()) await present(decision.survey, false);
    else info(`${surveyId} cancelled: no longer chosen when its delay ended`);
  };

  let inert = false;
  const begin = async () => {
    if (!mayStore() || inert) return;
    // Debug mode and preview check the config in full, as the entrances would.
    if (debug || preview !== null) inert = await explainConfig("");
    if (inert) return;
    optedOut = await deps.state.readOptOut();
    getOutbox().start();
    const loaded = await definitions.load();
    if (!loaded || destroyed) return;
    use(loaded);
    if (preview !== null) {
      const survey = surveys?.find((s) => s.id === preview);
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

  const view = createPageView((why) => run(evaluateNow(why)));
  stops.push(
    watchNavigation(() => {
      view.restart();
      run(evaluateNow("navigation"));
    }),
    () => view.stop(),
    () => clearTimeout(delayTimer),
    () => definitions.stop(),
  );
  run(deps.idle().then(begin));

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
            if (busy() || !surveys) return;
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
            deps.state.newAnonymousId().then((id) => {
              anonId = id;
            }),
            "storage",
          );
      },
      undefined,
    ),
    optOut: guard(
      "optOut",
      () => {
        optedOut = true;
        close(false);
        if (mayStore()) run(deps.state.writeOptOut(true), "storage");
      },
      undefined,
    ),
    optIn: guard(
      "optIn",
      () => {
        optedOut = false;
        if (mayStore())
          run(
            deps.state.writeOptOut(false).then(() => evaluateNow("opt-in")),
            "storage",
          );
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
        if (value === "denied") {
          // Consent withdrawn: nothing more is processed, answers still waiting included.
          close(false);
          const box = getOutbox();
          box.hold(true);
          run(box.discard(), "storage");
        }
        if (value === "granted" && before !== "granted") {
          outbox?.hold(false);
          run(begin());
        }
      },
      undefined,
    ),
    destroy: guard(
      "destroy",
      () => {
        close(false);
        destroyed = true;
        outbox?.stop();
        for (const stop of stops) stop();
        emitter.clear();
      },
      undefined,
    ),
  };
}
