import { type ChildProcess, execFile, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { promisify } from "node:util";
import { Builder, By, Key as SeleniumKey, until, type WebDriver, type WebElement } from "selenium-webdriver";
import { describeQuery, type EngineBrowser, type Key, type Tab, waitFor } from "./driver.js";
import { miniBrowserPath, webkitDriverPath } from "./engine-paths.mjs";
import { type ControlState, pageCall, type RoleQuery } from "./in-page.js";

// WebKitGTK: selenium-webdriver against WebKitWebDriver, which starts MiniBrowser in automation
// mode. MiniBrowser has no headless mode (the suite runs under xvfb-run), and without a display a
// new session hangs rather than fails: every session start has a hard timeout.

const SESSION_TIMEOUT_MS = 30_000;

const keys: Record<Key, string> = {
  Tab: SeleniumKey.TAB,
  Enter: SeleniumKey.ENTER,
  Escape: SeleniumKey.ESCAPE,
  ArrowLeft: SeleniumKey.ARROW_LEFT,
  ArrowRight: SeleniumKey.ARROW_RIGHT,
  ArrowUp: SeleniumKey.ARROW_UP,
  ArrowDown: SeleniumKey.ARROW_DOWN,
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Kills a process and its children (MiniBrowser and its helpers under WebKitWebDriver), by pid. */
function killTree(pid: number) {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent's pid (after the command name in parentheses).
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) killTree(Number(entry));
    } catch {}
  }
  try {
    process.kill(pid, "SIGKILL");
  } catch {}
}

/** Starts WebKitWebDriver on a free loopback port and opens a session, or fails within the timeout. */
async function startSession(): Promise<{ driver: WebDriver; server: ChildProcess }> {
  if (!process.env.DISPLAY) throw new Error("WebKit needs an X display: run the suite through e2e/engines/run.mjs");
  const port = await freePort();
  const server = spawn(webkitDriverPath, [`--port=${port}`, "--host=127.0.0.1"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  server.stderr!.on("data", (c: Buffer) => (log = (log + c).slice(-4000)));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      killTree(server.pid!);
      reject(
        new Error(
          `WebKit session did not start within ${SESSION_TIMEOUT_MS} ms (display ${process.env.DISPLAY}): ${log}`,
        ),
      );
    }, SESSION_TIMEOUT_MS);
  });
  try {
    // The server takes a moment to listen; a session request before that is refused at once.
    await Promise.race([
      waitFor("WebKitWebDriver to listen", () =>
        fetch(`http://127.0.0.1:${port}/status`).then(
          (r) => r.ok,
          () => false,
        ),
      ),
      timeout,
    ]);
    const driver = await Promise.race([
      new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({
          browserName: "MiniBrowser",
          "webkitgtk:browserOptions": { binary: miniBrowserPath, args: ["--automation"] },
        })
        .build(),
      timeout,
    ]);
    await driver.manage().setTimeouts({ pageLoad: 15_000, script: 15_000 });
    return { driver, server };
  } catch (error) {
    killTree(server.pid!);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Offline in WebKitGTK is what the system's network monitor says: no default route. Only inside
 * the network namespace the launcher makes (loopback only, a default route through it) may the
 * suite remove and restore that route; never on the machine's own network.
 */
export function webkitOfflineUnavailable(): string | undefined {
  if (process.env.SONDE_ENGINES_NETNS !== "1")
    return "needs the suite's own network namespace (run e2e/engines/run.mjs as root)";
  // /proc/self/net shows this process's network namespace (unlike /sys/class/net).
  const links = readFileSync("/proc/self/net/dev", "utf8")
    .split("\n")
    .slice(2)
    .map((line) => line.split(":")[0]!.trim())
    .filter(Boolean);
  if (links.join() !== "lo") return `expected a namespace with loopback only, found ${links}`;
  return undefined;
}

let systemOffline = false;

async function setSystemOffline(offline: boolean) {
  const why = webkitOfflineUnavailable();
  if (why) throw new Error(`WebKit cannot go offline here: it ${why}`);
  if (offline === systemOffline) return;
  await promisify(execFile)("ip", ["route", offline ? "del" : "add", "default", "dev", "lo"]);
  systemOffline = offline;
}

/** Starts MiniBrowser through WebKitWebDriver; tests share its one session, each in tabs of its own. */
export async function launchWebKit(): Promise<EngineBrowser> {
  let { driver, server } = await startSession();
  const version = `WebKitGTK ${(await driver.getCapabilities()).get("browserVersion")}`;
  let current = await driver.getWindowHandle();
  let idle: string | undefined = current; // the window a test may take as its first tab
  const open = new Set<string>([current]);
  const on = async (handle: string) => {
    if (current === handle) return;
    await driver.switchTo().window(handle);
    current = handle;
  };

  const tab = (handle: string): Tab => {
    const run = async <R>(source: string): Promise<R> => {
      await on(handle);
      const result = (await driver.executeAsyncScript(
        `var done = arguments[arguments.length - 1];
Promise.resolve().then(function () { return ${source}; }).then(
  function (v) { done({ ok: true, v: v === undefined ? null : v }); },
  function (e) { done({ ok: false, e: String((e && e.stack) || e) }); });`,
      )) as { ok: boolean; v: R; e: string };
      if (!result.ok) throw new Error(`in the page: ${result.e}`);
      return result.v;
    };
    const element = async (query: RoleQuery) => {
      await on(handle);
      return waitFor(
        describeQuery(query),
        () => driver.executeScript(`return ${pageCall("locateInPrompt", query)};`) as Promise<WebElement | null>,
      );
    };
    return {
      async goto(url) {
        await on(handle);
        await driver.get(url);
      },
      evaluate: (fn, arg) => run(pageCall(String(fn), arg)),
      async click(query) {
        await (await element(query)).click();
      },
      async clickPage(selector) {
        await on(handle);
        await (await driver.wait(until.elementLocated(By.css(selector)), 10_000)).click();
      },
      async focus(query) {
        await driver.executeScript("arguments[0].focus();", await element(query));
      },
      describe: (query) => run<ControlState | null>(pageCall("describeInPrompt", query)),
      focused: () => run(pageCall("focusedControl", null)),
      async press(key) {
        await on(handle);
        await driver.actions().sendKeys(keys[key]).perform();
      },
      async type(text) {
        await on(handle);
        await driver.actions().sendKeys(text).perform();
      },
      async setOffline(offline) {
        await setSystemOffline(offline);
        // WebKit reads the network monitor on a timer: a change shows within a few seconds.
        await waitFor(
          `navigator.onLine to be ${!offline}`,
          () => run<boolean>(`navigator.onLine === ${!offline}`),
          20_000,
        );
      },
      async close() {
        await on(handle);
        await driver.close();
        open.delete(handle);
        const [other] = open;
        if (other) await driver.switchTo().window(other);
        current = other ?? "";
      },
    };
  };

  return {
    engine: "webkit",
    version,
    async newTab() {
      if (idle) {
        const handle = idle;
        idle = undefined;
        return tab(handle);
      }
      await on([...open][0]!);
      await driver.switchTo().newWindow("tab");
      current = await driver.getWindowHandle();
      open.add(current);
      return tab(current);
    },
    async reset() {
      if (systemOffline) await setSystemOffline(false);
      // A test that closed every tab ended the session: start a new one.
      if (!open.size) {
        killTree(server.pid!);
        ({ driver, server } = await startSession());
        current = await driver.getWindowHandle();
        open.add(current);
      }
      const [keep, ...rest] = open;
      for (const handle of rest) {
        await on(handle);
        await driver.close();
        open.delete(handle);
      }
      await on(keep!);
      await driver.get("about:blank");
      idle = keep;
    },
    async close() {
      try {
        await driver.quit();
      } finally {
        killTree(server.pid!);
      }
    },
  };
}
