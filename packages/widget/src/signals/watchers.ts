import type { WatchedSignals } from "@sonde/core";
import { type Observed, visibleSeconds } from "./page-view.js";

// Loaded only when some survey triggers on time, scroll, exit intent or a click.

/** Adds the listeners the triggers need (passive, capture) and returns how to re-arm timers and detach. */
export function watch(observed: Observed, signals: WatchedSignals, onChange: (why: string) => void) {
  let timers: ReturnType<typeof setTimeout>[] = [];
  let scrollQueued = false;
  const listening: [EventTarget, string, EventListener][] = [];
  const on = (target: EventTarget, type: string, fn: EventListener) => {
    target.addEventListener(type, fn, { passive: true, capture: true });
    listening.push([target, type, fn]);
  };

  // Time triggers count visible time only: wake up as each threshold passes, re-arm on visibility.
  const rearm = () => {
    for (const t of timers) clearTimeout(t);
    timers = [];
    if (observed.visibleSince === undefined) return;
    const now = visibleSeconds(observed);
    for (const s of signals.seconds) {
      if (s > now) timers.push(setTimeout(() => onChange(`${s} s on page`), (s - now) * 1000 + 20));
    }
  };

  const depth = () => {
    const max = Math.max(document.documentElement.scrollHeight - innerHeight, 0);
    return max === 0 ? 100 : Math.min(100, (100 * scrollY) / max);
  };

  on(document, "visibilitychange", () => {
    if (document.visibilityState === "visible") observed.visibleSince ??= Date.now();
    else if (observed.visibleSince !== undefined) {
      observed.visibleMs += Date.now() - observed.visibleSince;
      observed.visibleSince = undefined;
    }
    rearm();
  });
  if (signals.scroll) {
    observed.scrollDepth = Math.max(observed.scrollDepth, depth());
    on(window, "scroll", () => {
      if (scrollQueued) return;
      scrollQueued = true;
      requestAnimationFrame(() => {
        scrollQueued = false;
        const d = depth();
        if (d > observed.scrollDepth) {
          observed.scrollDepth = d;
          onChange("scroll");
        }
      });
    });
  }
  if (signals.exit) {
    on(document, "mouseout", (e) => {
      const m = e as MouseEvent;
      if (!m.relatedTarget && m.clientY <= 0 && !observed.exitIntent) {
        observed.exitIntent = true;
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
        observed.clicks = [...new Set([...observed.clicks, ...hit])];
        onChange(`click on ${hit.join(", ")}`);
      }
    });
  }
  rearm();
  // Facts already true when the watchers arrive (a page scrolled before Sonde loaded).
  if (signals.scroll && observed.scrollDepth > 0) onChange("scroll");

  return {
    rearm,
    detach() {
      for (const t of timers) clearTimeout(t);
      for (const [target, type, fn] of listening) target.removeEventListener(type, fn, { capture: true });
    },
  };
}
