import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { playwright } from "@vitest/browser-playwright";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

const here = fileURLToPath(new URL(".", import.meta.url));

/** Debian's Chromium (Playwright cannot download browsers here); override with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Flags that keep a headless Chromium quiet on a closed network. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const cdnDir = join(here, "packages/widget/dist/cdn");
const appDir = join(here, "demo/app/dist");
const types: Record<string, string> = {
  ".js": "text/javascript",
  ".map": "application/json",
  ".html": "text/html; charset=utf-8",
};

/** The file under `dir` that a request path names, or null (outside `dir`, missing, a folder). */
function fileIn(dir: string, url: string | undefined): string | null {
  const file = join(dir, (url ?? "/").split("?")[0]!);
  return file.startsWith(dir) && existsSync(file) && statSync(file).isFile() ? file : null;
}

function send(res: import("node:http").ServerResponse, file: string) {
  res.setHeader("content-type", types[extname(file)] ?? "application/octet-stream");
  res.setHeader("cache-control", "no-cache");
  createReadStream(file).pipe(res);
}

/** Serves the widget's built script-tag files at /sonde/, as a site owner would host them. */
function sondeCdn(): Plugin {
  return {
    name: "sonde-cdn",
    configureServer(server) {
      server.middlewares.use("/sonde", (req, res, next) => {
        const file = fileIn(cdnDir, req.url);
        return file ? send(res, file) : next();
      });
    },
  };
}

/**
 * The demo SPA at /app/: its production bundle (`demo/app/build.mjs`, run by `pnpm run build`),
 * Sonde bundled from npm as an app ships it. Every other /app/* path is a client route: index.html.
 */
function demoApp(): Plugin {
  return {
    name: "sonde-demo-app",
    configureServer(server) {
      server.middlewares.use("/app", (req, res, next) => {
        const file = fileIn(appDir, req.url) ?? fileIn(appDir, "/index.html");
        return file ? send(res, file) : next();
      });
    },
  };
}

// Demo: the host site, served from demo/, answers proxied to the collector (which serves the console).
// Tests: one vitest project per environment; DOM and IndexedDB tests run in real Chromium.
export default defineConfig({
  root: join(here, "demo"),
  resolve: { conditions: ["source"] },
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  plugins: [sondeCdn(), demoApp()],
  server: {
    host: "127.0.0.1",
    port: 5173,
    proxy: { "/v1": process.env.SONDE_COLLECTOR_URL ?? "http://127.0.0.1:8787" },
    // Vite would transform the host pages' script tags ahead of the request; /sonde/sonde.js is a
    // built file the middleware above serves as is, so the attempt only logged an error per page.
    preTransformRequests: false,
  },
  test: {
    root: here,
    projects: [
      {
        extends: true,
        test: { name: "core", root: here, include: ["packages/core/src/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: { name: "collector", root: here, include: ["packages/collector/src/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "console",
          root: here,
          include: ["packages/collector/console/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "widget",
          root: here,
          include: ["packages/widget/src/**/*.test.{ts,tsx}"],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});
