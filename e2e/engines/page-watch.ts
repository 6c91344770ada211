import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestHost } from "../support/host.js";

// What a page says went wrong, the same way in every engine: console errors, uncaught exceptions,
// unhandled rejections and CSP violations. A small script, first in each page's <head>, records
// them in the page and sends each to the test host at once (a beacon survives the tab closing).

/** One thing the page reported. */
export interface PageReport {
  kind: "console.error" | "uncaught" | "unhandled rejection" | "csp violation";
  text: string;
  /** The page's path. */
  page: string;
  /** Unique per report, so that the page's copy and the beacon's count once. */
  id: string;
}

/** The script the pages load first; same origin, so a strict CSP allows it. */
const SCRIPT = `(function () {
  var reports = (window.__pageReports = []);
  var token = Math.random().toString(36).slice(2);
  function text(value) {
    if (value instanceof Error) return value.stack ? value.message + "\\n" + value.stack : String(value);
    if (typeof value === "string") return value;
    try { return JSON.stringify(value); } catch (e) { return String(value); }
  }
  function report(kind, value) {
    var entry = { kind: kind, text: text(value).slice(0, 4000), page: location.pathname, id: token + "-" + reports.length };
    reports.push(entry);
    try { navigator.sendBeacon("/page-reports", JSON.stringify(entry)); } catch (e) {}
  }
  var error = console.error;
  console.error = function () {
    report("console.error", Array.prototype.map.call(arguments, text).join(" "));
    return error.apply(this, arguments);
  };
  addEventListener("error", function (e) { report("uncaught", e.error || e.message); });
  addEventListener("unhandledrejection", function (e) { report("unhandled rejection", e.reason); });
  document.addEventListener("securitypolicyviolation", function (e) {
    report("csp violation", e.effectiveDirective + " blocked " + (e.blockedURI || "(inline)") + " in " + e.sourceFile + ":" + e.lineNumber + " " + e.sample);
  });
})();`;

/** Reads the reports of a host's pages. */
export interface PageWatch {
  /** The tag to put in each page's <head>, before the script tag. */
  tag: string;
  /** Every report so far: those that arrived as beacons, and those still in the pages given. */
  reports(inPages?: PageReport[][]): PageReport[];
  close(): Promise<void>;
}

/** Serves the watch script on `host` and collects what its pages send. */
export async function watchPages(host: TestHost): Promise<PageWatch> {
  const received = new Map<string, PageReport>();
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c));
    req.on("end", () => {
      try {
        const entry = JSON.parse(body) as PageReport;
        received.set(entry.id, entry);
      } catch {}
      res.writeHead(204);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  host.page("/page-watch.js", { html: SCRIPT, headers: { "content-type": "text/javascript; charset=utf-8" } });
  host.proxy("/page-reports", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return {
    tag: `<script src="/page-watch.js"></script>`,
    reports(inPages = []) {
      const all = new Map(received);
      for (const entry of inPages.flat()) all.set(entry.id, entry);
      return [...all.values()];
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A page's own copy of its reports (empty where the watch script did not run, e.g. about:blank). */
export const reportsInPage = () => (window as unknown as { __pageReports?: PageReport[] }).__pageReports ?? [];
