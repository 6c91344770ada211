// The script-tag entry: `<script type="module" src=".../sonde.js" data-endpoint="..." async>`.
// This file is tiny: it declares `window.sonde` (a queue until init has run), reads its tag's data
// attributes, and imports the rest (`boot`) only once the host's `load` event has fired. A static
// import would make the host's `load` wait for Sonde's module graph; Sonde is never worth delaying
// the page for. Nothing is declared in the host's global scope but `window.sonde`; the work itself
// waits for the page to be idle (see boot).
type Queue = ((...args: unknown[]) => unknown) & { q?: unknown[][] };
const w = window as Window & { sonde?: Queue };
if (!w.sonde) {
  const stub: Queue = (...args) => void stub.q!.push(args);
  stub.q = [];
  w.sonde = stub;
}
// A module has no document.currentScript: its tag is the one whose src is this file.
const tag = [...document.querySelectorAll("script[src]")].find((s) => (s as HTMLScriptElement).src === import.meta.url);
const data = { ...(tag as HTMLScriptElement | undefined)?.dataset };
const start = () =>
  void import("./api/boot.js").then(
    ({ boot }) => boot(data, w),
    (error: unknown) => console.error("sonde: could not load", error),
  );
if (document.readyState === "complete") start();
else addEventListener("load", start, { once: true });
