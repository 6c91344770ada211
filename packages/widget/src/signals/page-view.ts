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

/**
 * Turns the page into facts for the rules: time on page (while visible), deepest scroll, exit
 * intent, clicks on watched selectors, tracked events. Calls `onChange(why)` when one of them
 * may change a decision; listeners are passive and only those the triggers need are added.
 */
export function createPageView(onChange: (why: string) => void): PageView {
  let startedAt = Date.now();
  let visibleMs = 0;
  let visibleSince: number | undefined = document.visibilityState === "visible" ? startedAt : undefined;
  let scrollDepth = 0;
  let exitIntent = false;
  let clicks: string[] = [];
  let events: PageEvent[] = [];
  let signals: WatchedSignals = { events: [], clicks: [], seconds: [], scroll: false, exit: false };
  let timers: ReturnType<typeof setTimeout>[] = [];
  let scrollQueued = false;
  const listening: [EventTarget, string, EventListener][] = [];

  const seconds = () => (visibleMs + (visibleSince === undefined ? 0 : Date.now() - visibleSince)) / 1000;

  const depth = () => {
    const doc = document.documentElement;
    const max = Math.max(doc.scrollHeight - innerHeight, 0);
    return max === 0 ? 100 : Math.min(100, (100 * scrollY) / max);
  };

  // Time triggers: wake up as each threshold passes (visible time only, so re-arm on visibility).
  const arm = () => {
    for (const t of timers) clearTimeout(t);
    timers = [];
    if (visibleSince === undefined) return;
    const now = seconds();
    for (const s of signals.seconds) {
      if (s > now) timers.push(setTimeout(() => onChange(`${s} s on page`), (s - now) * 1000 + 20));
    }
  };

  const on = (target: EventTarget, type: string, fn: EventListener) => {
    target.addEventListener(type, fn, { passive: true, capture: true });
    listening.push([target, type, fn]);
  };
  const off = () => {
    for (const [target, type, fn] of listening) target.removeEventListener(type, fn, { capture: true });
    listening.length = 0;
  };

  on(document, "visibilitychange", () => {
    if (document.visibilityState === "visible") visibleSince ??= Date.now();
    else if (visibleSince !== undefined) {
      visibleMs += Date.now() - visibleSince;
      visibleSince = undefined;
    }
    arm();
  });

  const listen = () => {
    if (signals.scroll) {
      on(window, "scroll", () => {
        if (scrollQueued) return;
        scrollQueued = true;
        requestAnimationFrame(() => {
          scrollQueued = false;
          const d = depth();
          if (d > scrollDepth) {
            scrollDepth = d;
            onChange("scroll");
          }
        });
      });
    }
    if (signals.exit) {
      on(document, "mouseout", (e) => {
        const m = e as MouseEvent;
        if (!m.relatedTarget && m.clientY <= 0 && !exitIntent) {
          exitIntent = true;
          onChange("exit intent");
        }
      });
    }
    if (signals.clicks.length) {
      on(document, "click", (e) => {
        const target = e.target instanceof Element ? e.target : null;
        const hit = signals.clicks.filter((selector) => {
          try {
            return target?.closest(selector);
          } catch {
            return false; // an invalid selector never matches
          }
        });
        if (hit.length) {
          clicks = [...new Set([...clicks, ...hit])];
          onChange(`click on ${hit.join(", ")}`);
        }
      });
    }
  };

  return {
    context: () => ({
      url: location.href,
      locale: document.documentElement.lang || navigator.language,
      device: deviceClass(),
      viewStartedAt: startedAt,
      secondsOnPage: seconds(),
      scrollDepth: Math.max(scrollDepth, signals.scroll ? depth() : 0),
      exitIntent,
      clicks,
      events,
    }),
    event(name, properties) {
      events = [...events, properties ? { name, properties } : { name }];
    },
    restart() {
      startedAt = Date.now();
      visibleMs = 0;
      visibleSince = document.visibilityState === "visible" ? startedAt : undefined;
      scrollDepth = 0;
      exitIntent = false;
      clicks = [];
      events = [];
      arm();
    },
    watch(next) {
      signals = next;
      const keepVisibility = listening.slice(0, 1);
      off();
      for (const [target, type, fn] of keepVisibility) on(target, type, fn);
      listen();
      arm();
    },
    stop() {
      for (const t of timers) clearTimeout(t);
      off();
    },
  };
}
