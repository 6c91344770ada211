import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoSurveys, post, response, type TestCollector, testCollector } from "./testing/fixtures.js";

const READ_KEY = "rk_test_5b9e1f0a2c";
const SITE = "https://www.lumen.example";
let collector: TestCollector;

beforeAll(async () => {
  collector = await testCollector({
    surveys: demoSurveys,
    readKey: READ_KEY,
    corsOrigins: [`${SITE}, https://admin.lumen.example`],
    rateLimit: false,
  });
  await post(collector.url, { responses: [response()] });
});
afterAll(() => collector.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${collector.url}${path}`, { headers });

describe("the read key guards every results route", () => {
  const routes = [
    "/v1/results",
    "/v1/results/surveys",
    "/v1/results/comments",
    "/v1/results/export.csv?survey=nps-pricing",
  ];

  it.each(routes)("%s: 401 without a key, naming how to send one", async (route) => {
    const res = await get(route);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
    expect(((await res.json()) as { error: string }).error).toContain("Authorization: Bearer <key>");
  });

  it.each(routes)("%s: 401 with a wrong key, as a header or a query parameter", async (route) => {
    const sep = route.includes("?") ? "&" : "?";
    expect((await get(route, { authorization: `Bearer ${READ_KEY}x` })).status).toBe(401);
    expect((await get(`${route}${sep}key=${READ_KEY.slice(0, -1)}`)).status).toBe(401);
    expect((await get(route, { authorization: `Basic ${btoa(`u:${READ_KEY}`)}` })).status).toBe(401);
  });

  it.each(routes)("%s: 200 with the key, as a header or a query parameter (for the CSV link)", async (route) => {
    const sep = route.includes("?") ? "&" : "?";
    expect((await get(route, { authorization: `Bearer ${READ_KEY}` })).status).toBe(200);
    expect((await get(`${route}${sep}key=${READ_KEY}`)).status).toBe(200);
  });

  it("does not guard ingest or survey definitions", async () => {
    expect((await post(collector.url, { responses: [response()] })).status).toBe(200);
    expect((await get("/v1/surveys")).status).toBe(200);
  });
});

describe("CORS allowlist", () => {
  const preflight = (path: string, origin: string, method = "POST", headers = "content-type") =>
    fetch(`${collector.url}${path}`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": method, "access-control-request-headers": headers },
    });

  it("answers a preflight from a listed origin", async () => {
    const res = await preflight("/v1/responses", SITE);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")).toContain("content-type");
    expect(res.headers.get("vary")).toContain("Origin");
  });

  it("refuses a preflight from an origin not on the list, without CORS headers", async () => {
    const res = await preflight("/v1/responses", "https://evil.example");
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses answers sent from another origin even without a preflight (text/plain)", async () => {
    const a = response();
    const res = await post(
      collector.url,
      { responses: [a] },
      { type: "text/plain", headers: { origin: "https://evil.example" } },
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toContain("--cors-origin");
    expect(collector.rows("id = ?", a.id)).toBe(0);
  });

  it("lets a listed origin send answers and read them with the key", async () => {
    const res = await post(collector.url, { responses: [response()] }, { headers: { origin: SITE } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(SITE);
    const pre = await preflight("/v1/results", SITE, "GET", "authorization");
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-headers")).toContain("authorization");
    const read = await get("/v1/results", { origin: SITE, authorization: `Bearer ${READ_KEY}` });
    expect(read.status).toBe(200);
    expect(read.headers.get("access-control-allow-origin")).toBe(SITE);
  });

  it("never lets an unlisted origin read results, key or not", async () => {
    const res = await get("/v1/results", { origin: "https://evil.example", authorization: `Bearer ${READ_KEY}` });
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("lets the collector's own origin read results (a dashboard served from it)", async () => {
    const res = await get("/v1/results", { origin: collector.url, authorization: `Bearer ${READ_KEY}` });
    expect(res.status).toBe(200);
  });
});

describe("without an allowlist", () => {
  let open: TestCollector;
  beforeAll(async () => {
    open = await testCollector({ rateLimit: false });
  });
  afterAll(() => open.close());

  it("takes answers from any origin", async () => {
    const res = await post(open.url, { responses: [response()] }, { headers: { origin: "https://anyone.example" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("keeps results same-origin", async () => {
    const res = await fetch(`${open.url}/v1/results`, { headers: { origin: "https://anyone.example" } });
    expect(res.status).toBe(403);
  });
});

it("refuses an allowlist entry that is not an origin, naming it", async () => {
  await expect(testCollector({ corsOrigins: ["https://ok.example", "https://bad.example/path"] })).rejects.toThrow(
    '--cors-origin: "https://bad.example/path" is not an origin',
  );
});

describe("security headers", () => {
  it.each([
    ["POST /v1/responses", () => post(collector.url, { responses: [response()] })],
    ["GET /v1/surveys", () => get("/v1/surveys")],
    ["GET /v1/results", () => get("/v1/results", { authorization: `Bearer ${READ_KEY}` })],
    ["a 401", () => get("/v1/results")],
    ["a 404", () => get("/nothing-here")],
  ])("on %s", async (_, send) => {
    const res = await send();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("results are never cached", async () => {
    const res = await get("/v1/results", { authorization: `Bearer ${READ_KEY}` });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a client spends its burst, and lets it back after", async () => {
    let clock = 1_000_000;
    const { createApp } = await import("./app.js");
    const { openSqliteStore } = await import("./store/sqlite.js");
    const { tempDir } = await import("./testing/fixtures.js");
    const store = openSqliteStore(`${tempDir()}/rl.sqlite`);
    const app = createApp({
      store,
      surveys: [],
      rateLimit: { rate: 2, burst: 5 },
      clientOf: (c) => c.req.header("x-test-client") ?? "?",
      now: () => clock,
    });
    const hit = (client: string) => app.request("/v1/surveys", { headers: { "x-test-client": client } });
    for (let i = 0; i < 5; i++) expect((await hit("a")).status).toBe(200);
    const limited = await hit("a");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    // Another client has its own bucket.
    expect((await hit("b")).status).toBe(200);
    clock += 500; // two per second: one token back
    expect((await hit("a")).status).toBe(200);
    expect((await hit("a")).status).toBe(429);
    store.close();
  });

  it("limits a real client by its address over HTTP", async () => {
    const limited = await testCollector({ rateLimit: { rate: 1, burst: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${limited.url}/v1/surveys`)).status);
    await limited.close();
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

describe("request log", () => {
  /** A collector logging into `lines`, with the read key. */
  async function logged(options: Parameters<typeof testCollector>[0] = {}) {
    const lines: string[] = [];
    const collector = await testCollector({
      quiet: false,
      readKey: READ_KEY,
      logTo: { write: (chunk: string) => lines.push(...chunk.split("\n").filter(Boolean)) },
      ...options,
    });
    return { collector, lines };
  }

  it("writes one line per request, with the key redacted", async () => {
    const { collector: log, lines } = await logged();
    await fetch(`${log.url}/v1/results/surveys?key=${READ_KEY}`);
    await fetch(`${log.url}/v1/surveys`);
    await post(log.url, "{");
    await log.close();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z 127\.0\.0\.1 GET \/v1\/results\/surveys\?key=\[redacted\] 200 [\d.]+ms$/,
    );
    expect(lines[1]).toContain("GET /v1/surveys 200");
    expect(lines[2]).toContain("POST /v1/responses 400");
    expect(lines.join("\n")).not.toContain(READ_KEY);
  });

  it.each([
    ["%6Bey", 200],
    ["k%65y", 200],
    ["%6b%65%79", 200],
    ["KEY", 401],
    ["Key", 401],
    ["ke%79", 200],
  ])("redacts the key sent as ?%s= (the router decodes names; status %i)", async (name, status) => {
    const { collector: log, lines } = await logged();
    const res = await fetch(`${log.url}/v1/results/surveys?x=1&${name}=${READ_KEY}&y=2`);
    await log.close();
    expect(res.status).toBe(status);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`?x=1&${name}=[redacted]&y=2`);
    expect(lines[0]).not.toContain(READ_KEY);
  });

  it("redacts every copy of a repeated key", async () => {
    const { collector: log, lines } = await logged();
    await fetch(`${log.url}/v1/results/surveys?key=wrong-one&key=${READ_KEY}`);
    await log.close();
    expect(lines[0]).toContain("?key=[redacted]&key=[redacted]");
  });

  it("cannot be forged through a trusted proxy's X-Forwarded-For", async () => {
    const { collector: log, lines } = await logged({ trustProxy: true, readKey: undefined });
    await fetch(`${log.url}/v1/surveys`, { headers: { "x-forwarded-for": "10.1.2.3" } });
    await fetch(`${log.url}/v1/surveys`, {
      headers: { "x-forwarded-for": "1.2.3.4 GET /v1/results?key=stolen 200 0.1ms\t" },
    });
    await log.close();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/Z 10\.1\.2\.3 GET \/v1\/surveys 200 /);
    // Not an address: the socket's is logged instead, and nothing of the header.
    expect(lines[1]).toMatch(/Z 127\.0\.0\.1 GET \/v1\/surveys 200 [\d.]+ms$/);
    expect(lines.join("\n")).not.toContain("stolen");
  });

  it("escapes controls, spaces and invisible characters in logged values", async () => {
    const { logField, redactTarget } = await import("./http/request-log.js");
    expect(logField("a b\nc\td\\e\u202ef\u0000")).toBe("a\\x20b\\x0ac\\x09d\\x5ce\\u{202e}f\\x00");
    expect(logField("/v1/surveys?lang=ø")).toBe("/v1/surveys?lang=ø");
    expect(redactTarget("/v1/results?Key=a&%4B%45%59=b&keys=c&monkey=d")).toBe(
      "/v1/results?Key=[redacted]&%4B%45%59=[redacted]&keys=c&monkey=d",
    );
  });
});

describe("keys in error output", () => {
  it("are redacted from internal errors, whatever the error says", async () => {
    const { createApp } = await import("./app.js");
    const { openSqliteStore } = await import("./store/sqlite.js");
    const { tempDir } = await import("./testing/fixtures.js");
    const store = openSqliteStore(`${tempDir()}/err.sqlite`);
    const failing = {
      ...store,
      surveyTotals: () => {
        throw new Error(`cannot read http://127.0.0.1/v1/results?key=${READ_KEY} (Bearer ${READ_KEY})`);
      },
    };
    const app = createApp({ store: failing, surveys: [], readKey: READ_KEY, rateLimit: false });
    const printed: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => printed.push(args.map(String).join(" "));
    try {
      const res = await app.request("/v1/results/surveys", { headers: { authorization: `Bearer ${READ_KEY}` } });
      expect(res.status).toBe(500);
      expect(await res.text()).not.toContain(READ_KEY);
    } finally {
      console.error = original;
      store.close();
    }
    expect(printed.join("\n")).toContain("cannot read http://127.0.0.1/v1/results?key=[redacted]");
    expect(printed.join("\n")).not.toContain(READ_KEY);
  });
});
