// Screenshots of the dashboard for the README: a seeded demo database (fixed seed), the demo
// site, and Chromium. Run after a build: `node demo/screenshots/take.mjs`.
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
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  for (const [survey, file, full] of [
    ["nps-app", "dashboard-nps.png", true],
    ["csat-support", "dashboard-csat.png", false],
  ]) {
    await page.goto(`${demo.siteUrl}/dashboard/?survey=${survey}&period=90d`);
    await page.getByTestId("comment").first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(here, file), fullPage: full });
    console.log(`wrote ${join(here, file)}`);
  }
} finally {
  await browser.close();
  await demo.close();
}
