import type { CollectorProcess } from "../support/collector.js";
import { type FaultProxy, startFaultProxy } from "../support/fault-proxy.js";
import { test as base, expect } from "../support/fixtures.js";
import { startHost, type TestHost } from "../support/host.js";
import type { Engine, EngineBrowser, Tab } from "./driver.js";
import { launchFirefox } from "./firefox.js";
import { type PageReport, reportsInPage, watchPages } from "./page-watch.js";
import { launchWebKit } from "./webkit.js";

/** The engine a project runs in: `use: { engine: "webkit" }`. */
export interface EngineOptions {
  engine: Engine;
}

/** What each journey gets: a site of its own, the worker's collector, and tabs of the worker's browser. */
export interface Journey {
  /** A test host of its own: a new origin, so nothing the widget stored in an earlier test is seen. */
  host: TestHost;
  /** The worker's collector process and SQLite file (starting one costs a second or two). */
  collector: CollectorProcess;
  /** The rows of this journey in the collector's SQLite file: those of the answers sent through its proxy. */
  rows(): ReturnType<CollectorProcess["rows"]>;
  /** A fault-injecting proxy in front of the collector; the host forwards /v1/ through it. */
  proxy: FaultProxy;
  /**
   * A proxy in front of the host, standing for the network between the browser and the site
   * (`refuseAll` takes it down). Pages opened at its URL reach the host only through it.
   */
  network(): Promise<FaultProxy>;
  /** The tag to put in each page's <head>, before Sonde: it records console errors, uncaught exceptions, CSP violations. */
  head: string;
  /** The test's first tab. */
  tab: Tab;
  /** Opens another tab of the same browser (same storage). */
  newTab(): Promise<Tab>;
  /** Reports matching these are expected by the test; anything else fails it. */
  allowReports(...patterns: RegExp[]): void;
  /** Reports so far, those still held by open pages included. */
  reports(): Promise<PageReport[]>;
}

const launchers: Record<Engine, () => Promise<EngineBrowser>> = { firefox: launchFirefox, webkit: launchWebKit };

// On the Chromium suite's fixtures, for its worker-scoped collector process (the others are not used).
export const test = base.extend<{ journey: Journey }, EngineOptions & { engineBrowser: EngineBrowser }>({
  engine: ["firefox", { option: true, scope: "worker" }],
  // One browser per worker, started once: its start is the costly part (seconds, not milliseconds).
  engineBrowser: [
    async ({ engine }, use) => {
      const browser = await launchers[engine]();
      console.log(`${engine}: ${browser.version}`);
      await use(browser);
      await browser.close();
    },
    { scope: "worker", timeout: 90_000 },
  ],
  journey: async ({ engineBrowser, collector }, use, testInfo) => {
    testInfo.annotations.push({ type: "engine", description: engineBrowser.version });
    const proxy = await startFaultProxy(collector.url);
    const host = await startHost();
    host.proxy("/v1/", proxy.url);
    const watch = await watchPages(host);
    let network: Promise<FaultProxy> | undefined;
    const tabs: Tab[] = [];
    const closed = new Set<Tab>();
    const track = (tab: Tab): Tab => {
      tabs.push(tab);
      const close = tab.close.bind(tab);
      tab.close = async () => {
        closed.add(tab);
        await close();
      };
      return tab;
    };
    const allowed: RegExp[] = [];
    const reports = async () => {
      const inPages: PageReport[][] = [];
      for (const tab of tabs) if (!closed.has(tab)) inPages.push(await tab.evaluate(reportsInPage).catch(() => []));
      return watch.reports(inPages);
    };
    // A failing test does not make `use` throw: the body's outcome is Playwright's to record.
    await use({
      host,
      collector,
      rows: () => collector.rows().filter((r) => proxy.postsWith(r.id).length > 0),
      proxy,
      network: () => (network ??= startFaultProxy(host.url)),
      head: watch.tag,
      tab: track(await engineBrowser.newTab()),
      newTab: async () => track(await engineBrowser.newTab()),
      allowReports: (...patterns) => allowed.push(...patterns),
      reports,
    });
    // Every journey, in every engine: nothing thrown into the page, no console error, no CSP
    // violation, unless the journey expects it.
    const unexpected = await reports().then((all) => all.filter((r) => !allowed.some((p) => p.test(r.text))));
    // Servers stop even when the browser cannot be reset; then the reset's error fails the test.
    const reset = engineBrowser.reset().then(
      () => undefined,
      (error: unknown) => error,
    );
    await Promise.all([watch.close(), host.close(), proxy.close(), network?.then((n) => n.close())]);
    const resetError = await reset;
    expect(unexpected, "what the pages reported").toEqual([]);
    if (resetError) throw resetError;
  },
});

export { expect };

type SondeWindow = { sonde?: (...args: unknown[]) => unknown; completed?: string[] };

/**
 * Waits until the page's `window.sonde` is callable (the script tag defines it once booted) and
 * records the ids of completed responses in `window.completed`; returns when listening.
 */
export async function listenForCompleted(tab: Tab): Promise<void> {
  await tab.evaluate(async () => {
    const w = window as unknown as SondeWindow;
    for (let i = 0; typeof w.sonde !== "function" && i < 500; i++) await new Promise((r) => setTimeout(r, 20));
    w.completed = [];
    w.sonde!("on", "completed", (e: { responseId: string }) => w.completed!.push(e.responseId));
  });
}

/** The ids of responses completed since `listenForCompleted`. */
export const completedIds = (tab: Tab) => tab.evaluate(() => (window as unknown as SondeWindow).completed ?? []);

/** Runs `sonde("flush")` once `window.sonde` is there: resolves when the outbox's attempt is over. */
export const flush = (tab: Tab) =>
  tab.evaluate(async () => {
    const w = window as unknown as SondeWindow;
    for (let i = 0; typeof w.sonde !== "function" && i < 500; i++) await new Promise((r) => setTimeout(r, 20));
    await w.sonde!("flush");
    return null;
  });
