import { defineConfig } from "rolldown";

/**
 * The bundler's namespace helper (`__exportAll`, emitted when a chunk is reached through import()
 * and shared with another chunk, e.g. IndexedDB's code) walks its export map with `for…in`, which
 * also visits keys a host page added to Object.prototype, and then throws "Getter must be a
 * function". Own keys only: Sonde runs on pages it does not control (e2e/hostile-page.spec.ts).
 */
const ownKeysInNamespaces = {
  name: "sonde-own-keys-in-namespaces",
  renderChunk(code) {
    const helper = "for (var name in all) {";
    // One line changed in place, nothing moved: the chunk's source map still holds (`map: null`).
    return code.includes(helper)
      ? { code: code.replace(helper, "for (var name of Object.keys(all)) {"), map: null }
      : null;
  },
};

// The script-tag build: `sonde.js`, a module script that imports `boot` (what every page runs:
// config, rules, outbox, the JS API); the rest is ES module chunks beside them, loaded through
// import() so that a page downloads only what it shows. `boot` is an entry of its own so that
// its URL is unique and hashed: the lazy chunks import it, and a host that loads sonde.js under
// another URL (a query string) still gets one Sonde.
export default defineConfig({
  input: { sonde: "src/cdn.ts", boot: "src/api/boot.ts" },
  platform: "browser",
  plugins: [ownKeysInNamespaces],
  resolve: { conditionNames: ["source", "import", "default"] },
  transform: {
    jsx: { runtime: "automatic", importSource: "preact" },
    target: "es2020",
    define: { "process.env.NODE_ENV": '"production"' },
  },
  preserveEntrySignatures: false,
  output: {
    dir: "dist/cdn",
    format: "es",
    entryFileNames: (chunk) => (chunk.name === "sonde" ? "sonde.js" : "[name]-[hash].js"),
    chunkFileNames: "[name]-[hash].js",
    // V8 compiles a function when it is first called, on the main thread. This magic comment
    // (Chromium 136+, ignored elsewhere) has it compile every function of a chunk while the file
    // streams in, off the main thread: each chunk holds what one situation runs (every page,
    // a prompt, a delivery), so nearly all of it runs once loaded. Unthrottled, it halved the
    // main-thread time of a page where no survey is due (BENCHMARKS.md, host page cost).
    postBanner: "//# allFunctionsCalledOnLoad",
    minify: true,
    // Pure annotations have done their work once the bundle is tree-shaken; shipping them costs bytes.
    comments: { legal: true, annotation: false, jsdoc: false },
    sourcemap: true,
    cleanDir: true,
  },
});
