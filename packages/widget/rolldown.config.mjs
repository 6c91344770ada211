import { defineConfig } from "rolldown";

// The script-tag build. `sonde.js` runs as a classic <script>: it may hold no static
// `import`/`export` and no `import.meta`; everything else is ES module chunks beside it,
// loaded through import() so that a page downloads only what it shows.
export default defineConfig({
  input: { sonde: "src/cdn.ts" },
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
    entryFileNames: "[name].js",
    chunkFileNames: "[name]-[hash].js",
    minify: true,
    // Pure annotations have done their work once the bundle is tree-shaken; shipping them costs bytes.
    comments: { legal: true, annotation: false, jsdoc: false },
    sourcemap: true,
    cleanDir: true,
  },
});
