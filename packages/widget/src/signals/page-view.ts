import type { Attributes, PageContext, PageEvent, WatchedSignals } from "@sonde/core";
import { deviceClass } from "./context.js";

/** The facts of the current page view, kept up to date by listeners on the page. */
export interface PageView {
  /** A snapshot for the rules. */
  context(): PageContext;
  /** Records a custom event (from `track()`). */
  event(name: string, properties?: Attributes): void;
  /** Starts a new page view (SPA navigation, `page()`): time, scroll, clicks and events start over. */
  restart(): void;
  /** Listens only for what the surveys' triggers need. */
  watch(signals: WatchedSignals): void;
  stop(): void;
}

/** What the watchers (time, scroll, exit intent, clicks) record about the current page view. */
export interface Observed {
  startedAt: number;
  visibleMs: number;
  visibleSince: number | undefined;
  scrollDepth: number;
  exitIntent: boolean;
  clicks: string[];
}

/** Seconds the page view has been visible. */
export const visibleSeconds = (o: Observed) =>
  (o.visibleMs + (o.visibleSince === undefined ? 0 : Date.now() - o.visibleSince)) / 1000;

const fresh = (): Observed => {
  const now = Date.now();
  return {
    startedAt: now,
    visibleMs: 0,
    visibleSince: document.visibilityState === "visible" ? now : undefined,
    scrollDepth: 0,
    exitIntent: false,
    clicks: [],
  };
};

/**
 * Turns the page into facts for the rules. Time on page, scroll depth, exit intent and clicks
 * are watched by a separate chunk, loaded only when some survey's triggers need one of them;
 * `onChange(why)` is called when a fact changes that may change a decision.
 */
export function createPageView(onChange: (why: string) => void): PageView {
  const observed = fresh();
  let events: PageEvent[] = [];
  let detach: (() => void) | undefined;
  let rearm: (() => void) | undefined;
  let stopped = false;
  return {
    context: () => ({
      url: location.href,
      locale: document.documentElement.lang || navigator.language,
      device: deviceClass(),
      viewStartedAt: observed.startedAt,
      secondsOnPage: visibleSeconds(observed),
      scrollDepth: observed.scrollDepth,
      exitIntent: observed.exitIntent,
      clicks: observed.clicks,
      events,
    }),
    event(name, properties) {
      events = [...events, properties ? { name, properties } : { name }];
    },
    restart() {
      Object.assign(observed, fresh());
      events = [];
      rearm?.();
    },
    watch(signals) {
      detach?.();
      detach = rearm = undefined;
      if (!signals.scroll && !signals.exit && !signals.clicks.length && !signals.seconds.length) return;
      void import("./watchers.js").then(({ watch }) => {
        if (stopped) return;
        ({ detach, rearm } = watch(observed, signals, onChange));
      });
    },
    stop() {
      stopped = true;
      detach?.();
    },
  };
}
