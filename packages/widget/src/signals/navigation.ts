/**
 * Calls `onChange` after every same-document navigation (pushState, replaceState, back/forward,
 * hash changes). Uses the Navigation API where present; otherwise wraps `history` once, in a way
 * that composes with other wrappers, and undoes it on stop. Returns the stop function.
 */
export function watchNavigation(onChange: () => void): () => void {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    onChange();
  };
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === "function") {
    nav.addEventListener("currententrychange", check);
    return () => nav.removeEventListener("currententrychange", check);
  }
  let stopped = false;
  const restores: (() => void)[] = [];
  for (const method of ["pushState", "replaceState"] as const) {
    const original = history[method];
    const wrapper: History["pushState"] = function (this: History, ...args) {
      const result = original.apply(this, args);
      if (!stopped) check();
      return result;
    };
    history[method] = wrapper;
    // Restore only if nobody wrapped on top of us; otherwise our layer stays, inert.
    restores.push(() => {
      if (history[method] === wrapper) history[method] = original;
    });
  }
  addEventListener("popstate", check);
  addEventListener("hashchange", check);
  return () => {
    stopped = true;
    removeEventListener("popstate", check);
    removeEventListener("hashchange", check);
    for (const restore of restores) restore();
  };
}
