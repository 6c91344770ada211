// Builds the console — the results dashboard the collector serves at /console/ — into the
// collector's dist/console/, as static files the package ships: no dev server where it runs.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const here = dirname(fileURLToPath(import.meta.url));

await build({
  root: here,
  base: "/console/",
  configFile: false,
  logLevel: "warn",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: join(here, "../dist/console"),
    emptyOutDir: true,
    // Timings of plugins depend on the machine's load, not on anything a reader of the output can change.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
