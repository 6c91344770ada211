import { test as base, expect, type Page } from "@playwright/test";
import { startDemo } from "../../demo/start.mjs";
import { type CollectorProcess, spawnCollector } from "./collector.js";
import { startHost, type TestHost } from "./host.js";

interface Demo {
  siteUrl: string;
  close(): Promise<void>;
}

/** Each worker runs the demo site against its own collector process and SQLite file. */
export const test = base.extend<object, { collector: CollectorProcess; demo: Demo; host: TestHost }>({
  collector: [
    async ({}, use) => {
      const collector = await spawnCollector();
      await use(collector);
      await collector.stop();
    },
    { scope: "worker" },
  ],
  demo: [
    async ({ collector }, use) => {
      const demo: Demo = await startDemo({ sitePort: 0, collectorUrl: collector.url, quiet: true });
      await use(demo);
      await demo.close();
    },
    { scope: "worker" },
  ],
  host: [
    async ({}, use) => {
      const host = await startHost();
      await use(host);
      await host.close();
    },
    { scope: "worker" },
  ],
});

export { expect };

/** The ids of responses waiting in the widget's IndexedDB outbox. */
export function outboxIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("sonde-outbox");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("responses")) return resolve([]);
          const req = db.transaction("responses").objectStore("responses").getAllKeys();
          req.onsuccess = () => resolve(req.result.map(String));
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** The prompt's host element (its shadow root is open, so locators reach inside). */
export const prompt = (page: Page) => page.locator("sonde-prompt");
