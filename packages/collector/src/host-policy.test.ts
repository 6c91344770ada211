// Only its own hosts: a page on another site can point a browser at a collector under any host
// name (DNS rebinding). Real HTTP on 127.0.0.1, with the Host and Origin headers such a browser sends.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestCollector, testCollector } from "./testing/fixtures.js";

/** One request with exactly these headers (fetch would not let a test set Host). */
function send(
  url: string,
  path: string,
  headers: Record<string, string>,
  method = "GET",
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const port = (url: string) => new URL(url).port;
const answer = JSON.stringify({
  responses: [
    {
      id: "resp-rebind-1",
      surveyId: "s",
      revision: 1,
      completed: true,
      answers: { q: { kind: "nps", value: 0 } },
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      anonymousId: "a",
      context: { url: "https://x.example/" },
      schemaVersion: 1,
    },
  ],
});

describe("a collector without a read key answers loopback names only", () => {
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await testCollector({ rateLimit: false });
  });
  afterAll(() => collector.close());

  it("refuses a rebinding page: its host name, its origin, reading results (421)", async () => {
    const host = `rebind.evil.example:${port(collector.url)}`;
    const res = await send(collector.url, "/v1/results/surveys", { host, origin: `http://${host}` });
    expect(res.status).toBe(421);
    expect(JSON.parse(res.body).error).toContain("--read-key");
  });

  it.each(["/v1/surveys", "/v1/results", "/nothing"])("refuses any other host on %s", async (path) => {
    expect((await send(collector.url, path, { host: "collect.example.com" })).status).toBe(421);
  });

  it("refuses answers sent under another host name, storing nothing", async () => {
    const res = await send(
      collector.url,
      "/v1/responses",
      { host: "evil.example", "content-type": "application/json" },
      "POST",
      answer,
    );
    expect(res.status).toBe(421);
    expect(collector.rows()).toBe(0);
  });

  it.each(["127.0.0.1", "localhost", "[::1]", "127.0.0.53", "app.localhost"])("answers %s", async (name) => {
    expect((await send(collector.url, "/v1/surveys", { host: `${name}:${port(collector.url)}` })).status).toBe(200);
  });

  it("compares origins by scheme, host and port: https or another port is not the collector", async () => {
    const host = `127.0.0.1:${port(collector.url)}`;
    const read = (origin: string) => send(collector.url, "/v1/results/surveys", { host, origin });
    expect((await read(`http://${host}`)).status).toBe(200);
    expect((await read(`https://${host}`)).status).toBe(403);
    expect((await read(`http://127.0.0.1:${Number(port(collector.url)) + 1}`)).status).toBe(403);
    expect((await read(`http://localhost:${port(collector.url)}`)).status).toBe(403);
  });
});

describe("--public-url and --allowed-host name the hosts served", () => {
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await testCollector({
      rateLimit: false,
      readKey: "rk_public_0123456789",
      publicUrl: "https://collect.example.com",
      allowedHosts: ["10.0.0.5:8787", "internal.example"],
    });
  });
  afterAll(() => collector.close());
  const auth = { authorization: "Bearer rk_public_0123456789" };

  it.each([
    ["collect.example.com", 200],
    ["COLLECT.example.com", 200],
    ["10.0.0.5:8787", 200],
    ["10.0.0.5:9999", 421],
    ["internal.example:3000", 200],
    ["127.0.0.1", 421],
    ["evil.example", 421],
  ])("Host %s → %i", async (host, status) => {
    expect((await send(collector.url, "/v1/surveys", { host })).status).toBe(status);
  });

  it("takes the public URL's origin as its own, scheme included", async () => {
    const read = (origin: string) =>
      send(collector.url, "/v1/results/surveys", { host: "collect.example.com", origin, ...auth });
    expect((await read("https://collect.example.com")).status).toBe(200);
    expect((await read("http://collect.example.com")).status).toBe(403);
  });
});

describe("a collector with a read key and no named hosts", () => {
  it("answers any host name: its results need the key", async () => {
    const collector = await testCollector({ rateLimit: false, readKey: "rk_any_host_0123456789" });
    const res = await send(collector.url, "/v1/surveys", { host: "collect.example.com" });
    await collector.close();
    expect(res.status).toBe(200);
  });
});

describe("where a collector may listen", () => {
  it("refuses a non-loopback address without a read key or named hosts", async () => {
    await expect(testCollector({ host: "0.0.0.0" })).rejects.toThrow(
      "--host 0.0.0.0: without --read-key a collector listens on loopback only",
    );
  });

  it("refuses a public URL or host that is not one", async () => {
    await expect(testCollector({ publicUrl: "collect.example.com" })).rejects.toThrow("--public-url");
    await expect(testCollector({ allowedHosts: ["a b"] })).rejects.toThrow("--allowed-host");
  });
});
