import { execFileSync } from "node:child_process";
import puppeteer, { type BrowserContext, type ElementHandle, type KeyInput, type Page } from "puppeteer-core";
import { describeQuery, type EngineBrowser, type Tab, waitFor } from "./driver.js";
import { firefoxPath } from "./engine-paths.mjs";
import { type ControlState, pageCall, type RoleQuery } from "./in-page.js";

// Firefox ESR through puppeteer-core over WebDriver BiDi: stock Firefox speaks it, no geckodriver.

/** Starts headless Firefox; each test gets its own browser context (own storage, own network switch). */
export async function launchFirefox(): Promise<EngineBrowser> {
  const version = execFileSync(firefoxPath, ["--version"], { encoding: "utf8" })
    .replace(/^Mozilla /, "")
    .trim();
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: firefoxPath,
    headless: true,
    // Starting Firefox takes 3 s on an idle machine, over 20 s on a busy one.
    timeout: 60_000,
    protocolTimeout: 60_000,
  });
  let context: BrowserContext | undefined;
  // A person looks at one tab at a time; the others are hidden (Firefox throttles them).
  const front = { page: undefined as Page | undefined };
  return {
    engine: "firefox",
    version,
    async newTab() {
      context ??= await browser.createBrowserContext();
      const page = await context.newPage();
      front.page = page;
      return firefoxTab(page, front);
    },
    async reset() {
      await context?.close();
      context = undefined;
    },
    close: () => browser.close(),
  };
}

function firefoxTab(page: Page, front: { page: Page | undefined }): Tab {
  page.setDefaultNavigationTimeout(15_000);
  const activate = async () => {
    if (front.page === page) return;
    await page.bringToFront();
    front.page = page;
  };
  const evaluate = async <R>(source: string) => {
    await activate();
    return (await page.evaluate(source)) as R;
  };
  const element = async (query: RoleQuery) => {
    await activate();
    const handle = await waitFor(describeQuery(query), async () => {
      const found = await page.evaluateHandle(pageCall("locateInPrompt", query));
      const el = found.asElement() as ElementHandle<Element> | null;
      if (!el) await found.dispose();
      return el;
    });
    return handle;
  };
  return {
    async goto(url) {
      await activate();
      await page.goto(url, { waitUntil: "load" });
    },
    evaluate: (fn, arg) => evaluate(pageCall(String(fn), arg)),
    async click(query) {
      const el = await element(query);
      await el.click();
      await el.dispose();
    },
    async clickPage(selector) {
      await activate();
      await (await page.waitForSelector(selector, { timeout: 10_000 }))!.click();
    },
    async focus(query) {
      const el = await element(query);
      await el.focus();
      await el.dispose();
    },
    describe: (query) => evaluate<ControlState | null>(pageCall("describeInPrompt", query)),
    focused: () => evaluate(pageCall("focusedControl", null)),
    async press(key) {
      await activate();
      await page.keyboard.press(key as KeyInput);
    },
    async type(text) {
      await activate();
      await page.keyboard.type(text);
    },
    async setOffline(offline) {
      await page.setOfflineMode(offline);
      await waitFor(`navigator.onLine to be ${!offline}`, () => evaluate<boolean>(`navigator.onLine === ${!offline}`));
    },
    async close() {
      await page.close();
      if (front.page === page) front.page = undefined;
    },
  };
}
