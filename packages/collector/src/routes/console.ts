import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import type { Context, Hono } from "hono";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
};

/**
 * The console's pages may run their own scripts and styles and talk to this collector, nothing
 * else: no inline script, no other origin, no framing.
 */
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The file a console path names inside `root`, or undefined when it would leave it. */
export function consoleFile(root: string, path: string): string | undefined {
  let rest: string;
  try {
    rest = decodeURIComponent(path.slice("/console/".length));
  } catch {
    return undefined;
  }
  if (rest === "") rest = "index.html";
  if (rest.includes("\0") || rest.split(/[\\/]/).some((part) => part === "..")) return undefined;
  const file = resolve(root, rest);
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : undefined;
}

/**
 * The console (results dashboard) as static files built into `dir`, at `/console/`: hashed assets
 * cached for good, the page itself checked every time. `/` leads there.
 */
export function consoleRoutes(app: Hono, dir: string): void {
  const root = resolve(dir);
  const send = async (c: Context) => {
    const file = consoleFile(root, c.req.path);
    if (file === undefined) return c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404);
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const immutable = file.startsWith(join(root, "assets") + sep);
    c.header("content-type", type);
    c.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    c.header("content-security-policy", CONSOLE_CSP);
    if (c.req.method === "HEAD") return c.body(null);
    return c.body(new Uint8Array(await readFile(file)));
  };
  app.on(["GET", "HEAD"], "/console", (c) => c.redirect(`/console/${new URL(c.req.url).search}`, 301));
  app.on(["GET", "HEAD"], "/console/*", send);
  app.get("/", (c) => c.redirect("/console/", 302));
}
