import { defineConfig } from "@playwright/test";
import config from "../playwright.config.js";

// Benchmarks: not part of the test run (`npm run bench`). They print figures; they assert only
// that the work was done (every answer stored), never how fast.
export default defineConfig({
  ...config,
  testDir: ".",
  testMatch: "**/*.bench.ts",
  fullyParallel: false,
  workers: 1,
  timeout: 300_000,
  reporter: [["list"]],
  // No trace: its snapshots run Playwright's script inside the page, which ScriptDuration counts.
  use: { ...config.use, trace: "off" },
});
