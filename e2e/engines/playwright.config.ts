import { defineConfig } from "@playwright/test";
import type { EngineOptions } from "./fixtures.js";

// The widget's journeys in Firefox and WebKit, written once against an engine-neutral driver
// (fixtures.ts). Run through run.mjs, which gives the suite an X display and a network namespace
// of its own. One worker per engine, the two engines side by side: each worker starts its browser
// once. Files end in `.journey.ts` so that the Chromium suite (`*.spec.ts`) does not pick them up.

export default defineConfig<EngineOptions>({
  testDir: ".",
  testMatch: "**/*.journey.ts",
  outputDir: "../.artifacts/engines-results",
  workers: 2,
  timeout: 45_000,
  // The suite must never hang the test command: whatever happens, it ends within this.
  globalTimeout: 6 * 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? "../.artifacts/engines.json" }],
  ],
  projects: [
    { name: "firefox", use: { engine: "firefox" }, workers: 1 },
    { name: "webkit", use: { engine: "webkit" }, workers: 1 },
  ],
});
