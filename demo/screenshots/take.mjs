// Screenshots of the dashboard for the README: a seeded demo database (fixed seed), the demo
// site, and Chromium, at a desktop width and a phone's. Run after a build: `node demo/screenshots/take.mjs`.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright";
import { startDemo } from "../start.mjs";

const here = dirname(fileURLToPath(import.meta.url));
// As in vite.config.ts (which plain Node cannot import): Debian's Chromium, quiet flags.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"];
const demo = await startDemo({
  sitePort: 0,
  collectorPort: 0,
  db: join(mkdtempSync(join(tmpdir(), "sonde-shots-")), "demo.sqlite"),
  seed: true,
  quiet: true,
});
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const shots = [
  // [survey, period, width, file, full page]
  ["nps-pricing", "7d", 1280, "dashboard-nps-7d-1280.png", true],
  ["nps-pricing", "7d", 390, "dashboard-nps-7d-390.png", true],
  ["nps-app", "90d", 1280, "dashboard-nps.png", true],
  ["nps-app", "90d", 390, "dashboard-nps-390.png", true],
  ["csat-support", "90d", 1280, "dashboard-csat.png", false],
];
try {
  for (const [survey, period, width, file, full] of shots) {
    const page = await browser.newPage({
      viewport: { width, height: width < 600 ? 844 : 900 },
      deviceScaleFactor: width < 600 ? 2 : 1,
      locale: "en-GB",
      timezoneId: "Europe/Copenhagen",
    });
    await page.goto(`${demo.collectorUrl}/console/?survey=${survey}&period=${period}`);
    await page.getByTestId("trend-chart").waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(here, file), fullPage: full });
    console.log(`wrote ${join(here, file)}`);
    await page.close();
  }
} finally {
  await browser.close();
  await demo.close();
}
