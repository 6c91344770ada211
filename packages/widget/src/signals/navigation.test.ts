import { afterEach, describe, expect, it, vi } from "vitest";
import { watchNavigation } from "./navigation.js";

const start = location.pathname;
afterEach(() => {
  history.replaceState(null, "", start);
  delete (window as { navigation?: unknown }).navigation;
});

/** Hides the Navigation API, as in browsers without it, so the history fallback runs. */
function withoutNavigationApi() {
  Object.defineProperty(window, "navigation", { value: undefined, configurable: true, writable: true });
}

describe("watchNavigation (real Chromium)", () => {
  it("sees pushState, replaceState and hash changes through the Navigation API", async () => {
    const seen = vi.fn();
    const stop = watchNavigation(() => seen(location.pathname + location.hash));
    history.pushState(null, "", "/nav-a");
    history.replaceState(null, "", "/nav-b");
    location.hash = "#c";
    await vi.waitFor(() => expect(seen.mock.calls.map((c) => c[0])).toEqual(["/nav-a", "/nav-b", "/nav-b#c"]));
    stop();
    history.pushState(null, "", "/nav-after-stop");
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toHaveBeenCalledTimes(3);
  });

  it("falls back to wrapping history once, composes with other wrappers, and unwraps on stop", () => {
    withoutNavigationApi();
    const originalPush = history.pushState;
    const seen = vi.fn();
    const stop = watchNavigation(() => seen(location.pathname));
    expect(history.pushState).not.toBe(originalPush);

    // Another library wraps on top of ours.
    const other = vi.fn();
    const ours = history.pushState;
    history.pushState = function (this: History, ...args: Parameters<History["pushState"]>) {
      other();
      return ours.apply(this, args);
    };
    history.pushState(null, "", "/wrapped-1");
    expect(other).toHaveBeenCalledTimes(1);
    expect(seen).toHaveBeenCalledWith("/wrapped-1");

    stop();
    // The other wrapper still works and ours is inert: nothing is broken, nothing called.
    history.pushState(null, "", "/wrapped-2");
    expect(other).toHaveBeenCalledTimes(2);
    expect(seen).toHaveBeenCalledTimes(1);
    expect(location.pathname).toBe("/wrapped-2");
    history.pushState = ours;
  });

  it("restores the original history methods on stop when nobody wrapped on top", () => {
    withoutNavigationApi();
    const originalPush = history.pushState;
    const originalReplace = history.replaceState;
    const stop = watchNavigation(() => {});
    stop();
    expect(history.pushState).toBe(originalPush);
    expect(history.replaceState).toBe(originalReplace);
  });
});
