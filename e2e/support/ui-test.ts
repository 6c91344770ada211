import { spawnCollector } from "./collector.js";
import { test as base } from "./fixtures.js";

export { expect, outboxIds, prompt } from "./fixtures.js";

/**
 * The prompts' specs: the shared fixtures, but a collector process and SQLite file of their own,
 * so the answers they send never change what the demo's dashboard counts in another spec.
 */
export const test = base.extend({
  collector: [
    async ({}, use) => {
      const collector = await spawnCollector();
      await use(collector);
      await collector.stop();
    },
    { scope: "worker" },
  ],
});
