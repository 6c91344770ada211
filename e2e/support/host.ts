import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import { repoRoot } from "./collector.js";

/** A page served by the test host: its HTML and any response headers (CSP, …). */
export interface HostPage {
  html: string;
  headers?: Record<string, string>;
}

/** A plain static host site: the built script-tag files at /sonde/, pages registered by tests. */
export interface TestHost {
  url: string;
  /** Registers a page at `path` and returns its absolute URL. */
  page(path: string, page: HostPage): string;
  /** Forwards every request under `prefix` (e.g. `/v1/`) to `target`, so the page reaches it on its own origin. */
  proxy(prefix: string, target: string): void;
  /** Sets headers for every /sonde/ file (e.g. to test a CDN without CORS). */
  close(): Promise<void>;
}

const cdnDir = join(repoRoot, "packages/widget/dist/cdn");
const types: Record<string, string> = { ".js": "text/javascript; charset=utf-8", ".map": "application/json" };

/** Starts a host on 127.0.0.1 with a free port. No Vite, no injected scripts: only what a page needs. */
export async function startHost(): Promise<TestHost> {
  const pages = new Map<string, HostPage>();
  const proxies = new Map<string, string>();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0]!;
    for (const [prefix, target] of proxies) {
      if (!path.startsWith(prefix)) continue;
      const upstream = request(new URL(req.url ?? "/", target), { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on("error", () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
      return;
    }
    if (path.startsWith("/sonde/")) {
      const file = join(cdnDir, path.slice("/sonde/".length));
      if (file.startsWith(cdnDir) && existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, {
          "content-type": types[extname(file)] ?? "application/octet-stream",
          "access-control-allow-origin": "*",
          "cache-control": "no-store",
        });
        createReadStream(file).pipe(res);
        return;
      }
    }
    const page = pages.get(path);
    if (page) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...page.headers });
      res.end(page.html);
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  };
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    page(path, page) {
      pages.set(path, page);
      return url + path;
    },
    proxy(prefix, target) {
      proxies.set(prefix, target);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A minimal host page embedding the script tag with the given data attributes (`head`: markup before it). */
export function hostPage(
  attrs: Record<string, string>,
  body = "<main><h1>Host page</h1><p>Content.</p></main>",
  head = "",
): string {
  const data = Object.entries(attrs)
    .map(([k, v]) => ` data-${k}="${v.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>${head}
<script type="module" src="/sonde/sonde.js"${data} async></script></head><body>${body}</body></html>`;
}
