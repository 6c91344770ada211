// Builds the demo SPA for production, as an app that installs Sonde from npm would: Vite
// resolves `@sonde/widget` through its package exports (the published ESM in dist/esm, not the
// sources) and bundles it with the app. The demo serves the result at /app/.
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const here = dirname(fileURLToPath(import.meta.url));

await build({
  root: here,
  base: "/app/",
  configFile: false,
  logLevel: "warn",
  // Timings of plugins depend on the machine's load, not on anything a reader of the output can change.
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, rolldownOptions: { checks: { bundlerTimings: false } } },
});
