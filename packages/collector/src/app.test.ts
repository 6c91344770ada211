import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningCollector, startCollector } from "./server.js";

let collector: RunningCollector;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "sonde-collector-"));
  collector = await startCollector({ port: 0, db: join(dir, "test.sqlite") });
});
afterAll(() => collector.close());

const response = (over: Record<string, unknown> = {}) => ({
  id: "resp-0001",
  surveyId: "nps-pricing",
  revision: 1,
  completed: true,
  answers: { score: { kind: "nps", value: 9 } },
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  anonymousId: "anon-1",
  context: { url: "https://lumen.example/pricing/" },
  schemaVersion: 1,
  ...over,
});

const post = (body: string, type = "application/json") =>
  fetch(`${collector.url}/v1/responses`, { method: "POST", headers: { "content-type": type }, body });

describe("POST /v1/responses", () => {
  it("stores a valid batch and counts a resend as a duplicate", async () => {
    const body = JSON.stringify({ responses: [response({ id: "resp-dup-1" })] });
    const first = await post(body);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: 1, duplicates: 0 });
    const again = await post(body, "text/plain;charset=UTF-8");
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 1 });
  });

  it.each([
    ["not JSON", "{nope", "body is not valid JSON"],
    ["the wrong shape", JSON.stringify({ answers: [] }), "responses: is required"],
    [
      "an out-of-range score",
      JSON.stringify({ responses: [response({ answers: { s: { kind: "nps", value: 11 } } })] }),
      "responses[0].answers.s.value: must be a whole number from 0 to 10 (got 11)",
    ],
    [
      "a wrong type",
      JSON.stringify({ responses: [response({ revision: "2" })] }),
      'responses[0].revision: must be a number (got "2")',
    ],
    [
      "an unknown answer kind",
      JSON.stringify({ responses: [response({ answers: { s: { kind: "stars", value: 3 } } })] }),
      "responses[0].answers.s.kind",
    ],
  ])("rejects %s with a 400 naming the field", async (_, body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: string; issues?: string[] };
    expect([json.error, ...(json.issues ?? [])].join("\n")).toContain(message);
  });

  it("rejects a body over 256 KB with 413", async () => {
    const big = JSON.stringify({
      responses: [response({ answers: { s: { kind: "open", value: "x".repeat(300_000) } } })],
    });
    const res = await post(big);
    expect(res.status).toBe(413);
  });

  it("rejects other content types with 415", async () => {
    const res = await post("a=b", "application/x-www-form-urlencoded");
    expect(res.status).toBe(415);
  });
});

describe("GET /v1/results", () => {
  it("scores what was stored", async () => {
    await post(
      JSON.stringify({ responses: [response({ id: "resp-r-1", answers: { s: { kind: "nps", value: 3 } } })] }),
    );
    const body = (await (await fetch(`${collector.url}/v1/results`)).json()) as {
      nps: unknown;
      latest: { id: string }[];
    };
    expect(body.nps).toMatchObject({ promoters: 1, detractors: 1, n: 2, score: 0 });
    expect(body.latest.map((r: { id: string }) => r.id)).toContain("resp-r-1");
  });
});
