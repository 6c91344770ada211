// The script-tag entry, `<script src=".../sonde.js" data-endpoint="..." data-surveys-url="...">`.
// It runs as a classic script in the host's global scope: it declares nothing there but
// `window.sonde` (a queue until the rest has loaded) and holds no static import: it reads its
// own tag, then loads the rest through import().
type Queue = ((...args: unknown[]) => unknown) & { q?: unknown[][] };
((w: Window & { sonde?: Queue }, data: Record<string, string | undefined>) => {
  if (!w.sonde) {
    const stub: Queue = (...args) => void stub.q!.push(args);
    stub.q = [];
    w.sonde = stub;
  }
  // Nothing of Sonde runs before the host page is idle.
  const load = () =>
    import("./api/boot.js").then(
      (m) => m.boot(data, w),
      (error: unknown) => console.error("sonde: could not load", error),
    );
  if (typeof requestIdleCallback === "function") requestIdleCallback(load, { timeout: 3000 });
  else setTimeout(load, 1);
})(window, { ...(document.currentScript as HTMLScriptElement | null)?.dataset });
