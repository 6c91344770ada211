import { defineConfig } from "rolldown";

// The script-tag build: `sonde.js`, a module script that imports `boot` (what every page runs:
// config, rules, outbox, the JS API); the rest is ES module chunks beside them, loaded through
// import() so that a page downloads only what it shows. `boot` is an entry of its own so that
// its URL is unique and hashed: the lazy chunks import it, and a host that loads sonde.js under
// another URL (a query string) still gets one Sonde.
export default defineConfig({
  input: { sonde: "src/cdn.ts", boot: "src/api/boot.ts" },
  platform: "browser",
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
    minify: true,
    // Pure annotations have done their work once the bundle is tree-shaken; shipping them costs bytes.
    comments: { legal: true, annotation: false, jsdoc: false },
    sourcemap: true,
    cleanDir: true,
  },
});
