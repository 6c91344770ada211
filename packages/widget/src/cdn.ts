// The script-tag entry: `<script type="module" src=".../sonde.js" data-endpoint="..." async>`.
// A module script rather than a classic one that import()s the rest: Chromium loads a module
// graph off the main thread, while an import() from a classic script costs the page ~8 ms of
// script time with the CPU throttled 4× (e2e/bench/host-cost.bench.ts measures both). Nothing
// is declared in the host's global scope but `window.sonde`, a queue until init has run; the
// work itself waits for the page to be idle (see boot).
import { boot } from "./api/boot.js";

type Queue = ((...args: unknown[]) => unknown) & { q?: unknown[][] };
const w = window as Window & { sonde?: Queue };
if (!w.sonde) {
  const stub: Queue = (...args) => void stub.q!.push(args);
  stub.q = [];
  w.sonde = stub;
}
// A module has no document.currentScript: its tag is the one whose src is this file.
const tag = [...document.querySelectorAll("script[src]")].find((s) => (s as HTMLScriptElement).src === import.meta.url);
boot({ ...(tag as HTMLScriptElement | undefined)?.dataset }, w);
