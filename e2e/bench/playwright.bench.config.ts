import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "../../vite.config.js";

// Benchmarks: measured figures for BENCHMARKS.md, not pass/fail tests. Run with `pnpm bench`.
export default defineConfig({
  testDir: ".",
  testMatch: "**/*.bench.ts",
  outputDir: "../.artifacts/bench-results",
  workers: 1,
  timeout: 300_000,
  reporter: [["list"]],
  use: { browserName: "chromium", launchOptions: { executablePath: chromiumPath, args: chromiumArgs } },
});
