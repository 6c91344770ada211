import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "./app.js";
import { CONSOLE_CSP } from "./routes/console.js";
import { openSqliteStore } from "./store/sqlite.js";

// A built console as the package ships it: a page and hashed assets. Beside it, a file the
// console must never serve.
const dir = mkdtempSync(join(tmpdir(), "sonde-console-"));
const root = join(dir, "console");
mkdirSync(join(root, "assets"), { recursive: true });
writeFileSync(
  join(root, "index.html"),
  '<!doctype html><script type="module" src="/console/assets/index-abc.js"></script>',
);
writeFileSync(join(root, "assets/index-abc.js"), "console.log(1)");
writeFileSync(join(dir, "secret.sqlite"), "not for the web");
const store = openSqliteStore(":memory:");
const app = createApp({ store, surveys: [], consoleDir: root, rateLimit: false });
const get = (path: string, method = "GET") => app.request(`http://127.0.0.1${path}`, { method });
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the console, served by the collector", () => {
  it("serves its page at /console/, checked on every load, under a CSP that allows only its own scripts", async () => {
    const res = await get("/console/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-security-policy")).toBe(CONSOLE_CSP);
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).not.toContain("unsafe");
    expect(await res.text()).toContain("/console/assets/index-abc.js");
  });

  it("serves hashed assets with their type, cached for good", async () => {
    const res = await get("/console/assets/index-abc.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect(await res.text()).toBe("console.log(1)");
  });

  it("leads /console and / to the page, keeping the query", async () => {
    const bare = await get("/console?survey=nps-app");
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toBe("/console/?survey=nps-app");
    expect((await get("/")).headers.get("location")).toBe("/console/");
  });

  it("answers HEAD without a body", async () => {
    const res = await get("/console/", "HEAD");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });

  it.each([
    "/console/..%2fsecret.sqlite",
    "/console/%2e%2e/secret.sqlite",
    "/console/assets/..%2f..%2fsecret.sqlite",
    "/console/..%5csecret.sqlite",
    "/console/%00index.html",
    "/console/%E0%A4%A",
    "/console/missing.js",
    "/console/assets",
  ])("never serves what is not a file of the console: %s is a 404", async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("not for the web");
  });

  it("is not served at all without a console folder", async () => {
    const bare = createApp({ store, surveys: [], rateLimit: false });
    expect((await bare.request("http://127.0.0.1/console/")).status).toBe(404);
  });
});
