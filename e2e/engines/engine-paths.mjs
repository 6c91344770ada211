// Where the engines' binaries live on Debian, shared by the test command (which installs what is
// missing), the suite's launcher and its fixtures. Each can be overridden by an environment variable.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Debian's MiniBrowser sits under the multiarch library folder, e.g. /usr/lib/x86_64-linux-gnu. */
function findMiniBrowser() {
  for (const dir of existsSync("/usr/lib") ? readdirSync("/usr/lib") : []) {
    const path = join("/usr/lib", dir, "webkit2gtk-4.1/MiniBrowser");
    if (existsSync(path)) return path;
  }
  return "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
}

/** Firefox ESR, driven over WebDriver BiDi (no geckodriver). */
export const firefoxPath = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
/** WebKitGTK's WebDriver server. */
export const webkitDriverPath = process.env.WEBKIT_WEBDRIVER_PATH ?? "/usr/bin/WebKitWebDriver";
/** WebKitGTK's MiniBrowser, which WebKitWebDriver starts in automation mode. */
export const miniBrowserPath = process.env.MINIBROWSER_PATH ?? findMiniBrowser();

/** What the engines need, and the Debian package that brings each. */
export const engineParts = [
  { path: firefoxPath, pkg: "firefox-esr" },
  { path: webkitDriverPath, pkg: "webkit2gtk-driver" },
  { path: miniBrowserPath, pkg: "webkit2gtk-driver" },
  // MiniBrowser has no headless mode: it runs on a virtual X display.
  { path: "/usr/bin/xvfb-run", pkg: "xvfb" },
  { path: "/usr/bin/xauth", pkg: "xauth" },
  // The launcher gives the suite a network namespace of its own, where WebKit can go offline.
  { path: "/usr/sbin/ip", pkg: "iproute2" },
];
