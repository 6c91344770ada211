import type { ControlState, RoleQuery } from "./in-page.js";

/** The engines the cross-engine journeys run in. */
export type Engine = "firefox" | "webkit";

/** Keys the journeys press, by their DOM `key` names. */
export type Key = "Tab" | "Enter" | "Escape" | "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown";

/**
 * One tab of an engine, driven the way a person would: real pointer clicks and key presses, the
 * prompt's controls found by role and accessible name. The same for every engine, so that each
 * journey is written once.
 */
export interface Tab {
  /** Opens `url` and waits for its load event. */
  goto(url: string): Promise<void>;
  /**
   * Runs `fn(arg)` in the page and returns its (JSON) result, awaiting a promise. `fn` is sent as
   * source text: it may use its argument and the page's globals, nothing from the test's scope.
   */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits until the prompt shows this control, then clicks its centre with the pointer. */
  click(query: RoleQuery): Promise<void>;
  /** Clicks an element of the host page (outside the prompt), found by CSS selector. */
  clickPage(selector: string): Promise<void>;
  /** Focuses a control of the prompt (as a script would; to start keyboard journeys from it). */
  focus(query: RoleQuery): Promise<void>;
  /** The control's state, or null while the prompt does not show it. */
  describe(query: RoleQuery): Promise<ControlState | null>;
  /** What has focus: a control of the prompt (role and name), or the host page's element (tag). */
  focused(): Promise<{ role: string; name: string } | { tag: string } | null>;
  /** Presses and releases one key, sent to whatever has focus. */
  press(key: Key): Promise<void>;
  /** Types text, key by key, into whatever has focus. */
  type(text: string): Promise<void>;
  /**
   * Takes the browser off the network or back on it, as the engine knows it: `navigator.onLine`
   * turns and `offline`/`online` fire before this resolves.
   */
  setOffline(offline: boolean): Promise<void>;
  /** Closes the tab as a person would (its `pagehide` runs). */
  close(): Promise<void>;
}

/** One engine's browser: started once per worker, a fresh tab per need. */
export interface EngineBrowser {
  engine: Engine;
  /** Engine and version, e.g. `Firefox 153.8.0esr`. */
  version: string;
  /** Opens a new tab (the first of a test may reuse an idle one). */
  newTab(): Promise<Tab>;
  /** Closes every tab of the test that ends, leaving the browser as it was started. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Polls `probe` until it returns something other than null/undefined/false, or throws after `ms`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 10_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** How a query reads in an error message. */
export const describeQuery = (q: RoleQuery) => `${q.role}${q.name === undefined ? "" : ` "${q.name}"`} in the prompt`;
