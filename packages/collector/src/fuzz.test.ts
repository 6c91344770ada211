// Thousands of random and mutated requests against a real collector and SQLite file: whatever
// arrives, the answer is never a 500 and the process keeps serving. Seeded, so a failure can be
// replayed; bounded in time, so it cannot hang the suite.

import { seededRandom } from "@sonde/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { demoSurveys, response, type TestCollector, testCollector, worstCaseResponse } from "./testing/fixtures.js";

const SEED = Number(process.env.SONDE_FUZZ_SEED ?? 20_251_123);
const CASES = Number(process.env.SONDE_FUZZ_CASES ?? 3000);
const BUDGET_MS = 15_000;

let collector: TestCollector;
beforeAll(async () => {
  collector = await testCollector({ surveys: demoSurveys, rateLimit: false });
});
afterAll(() => collector.close());

type Random = () => number;
const int = (random: Random, n: number) => Math.floor(random() * n);
const oneOf = <T>(random: Random, xs: readonly T[]): T => xs[int(random, xs.length)]!;

const STRINGS = [
  "",
  " ",
  "x".repeat(70),
  "nps",
  "csat",
  "open",
  "gap",
  "__proto__",
  "constructor",
  "toString",
  "\u0000",
  "\ud800",
  "💥",
  "ø",
  "Ω≈ç√",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "=cmd|' /C calc'!A0",
  "../../etc/passwd",
  "2025-13-45",
  "NaN",
  "1e309",
];
const NUMBERS = [0, -0, 1, -1, 5, 7, 10, 11, 0.5, -1e-9, 1e21, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 8.64e15 + 1, 1e308];

function randomValue(random: Random, depth = 0): unknown {
  const r = random();
  if (depth > 4 || r < 0.25) return oneOf(random, NUMBERS);
  if (r < 0.5) return oneOf(random, STRINGS);
  if (r < 0.6) return oneOf(random, [null, true, false]);
  if (r < 0.8) return Array.from({ length: int(random, 4) }, () => randomValue(random, depth + 1));
  const obj: Record<string, unknown> = {};
  for (let i = int(random, 4); i > 0; i--)
    obj[oneOf(random, [...STRINGS, "kind", "value", "id"])] = randomValue(random, depth + 1);
  return obj;
}

/** Paths to every value inside a JSON value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push(...paths(v, [...prefix, i]));
    });
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

/** A valid batch with one to three fields replaced, removed or added. */
function mutatedBatch(random: Random): unknown {
  const kinds = [
    { score: { kind: "nps", value: int(random, 11) } },
    {
      s: { kind: "csat", value: 1 + int(random, 5), scale: 5 },
      e: { kind: "ces", value: 1 + int(random, 7), scale: 7 },
    },
    { g: { kind: "gap", expected: 1 + int(random, 5), experienced: 1 + int(random, 5), scale: 5 } },
    { c: { kind: "open", value: oneOf(random, STRINGS) }, t: { kind: "thumbs", value: "up" } },
    { m: { kind: "multiple", value: ["a", "b"], other: "x" }, o: { kind: "single", value: "a" } },
  ];
  const batch = {
    responses: Array.from({ length: 1 + int(random, 3) }, () =>
      response({
        surveyId: oneOf(random, ["nps-pricing", "nps-app", "csat-support", "gap-onboarding", "fuzz"]),
        answers: oneOf(random, kinds),
        createdAt: oneOf(random, [0, 1_700_000_000_000, Date.now(), 2 ** 53 - 1]),
        context: {
          url: oneOf(random, ["https://a.example/x?y#z", "", "/p", "💥", "javascript:alert(1)"]),
          locale: oneOf(random, ["da", "zh-CN", "x".repeat(35)]),
          // Own "__proto__" and "constructor" keys, as JSON.parse makes them from a body.
          attributes: {
            plan: oneOf(random, ["free", null, 3, true]),
            ...JSON.parse('{"__proto__": "p", "constructor": "c"}'),
          },
        },
      }),
    ),
  } as Record<string, unknown>;
  const all = paths(batch).filter((p) => p.length > 0);
  for (let m = 1 + int(random, 3); m > 0; m--) {
    const path = oneOf(random, all);
    // Earlier mutations may have removed the way there: then skip this one.
    let parent: unknown = batch;
    for (const key of path.slice(0, -1)) {
      parent = parent && typeof parent === "object" ? (parent as Record<string | number, unknown>)[key] : undefined;
    }
    if (!parent || typeof parent !== "object") continue;
    const last = path.at(-1)!;
    const r = random();
    const target = parent as Record<string | number, unknown>;
    if (r < 0.4) target[last] = randomValue(random);
    else if (r < 0.6) delete target[last];
    else target[oneOf(random, STRINGS)] = randomValue(random);
  }
  return batch;
}

/** A valid JSON text with characters flipped, dropped, doubled, or cut short. */
function mutatedText(random: Random): string {
  let text = JSON.stringify({ responses: [response()] });
  for (let m = 1 + int(random, 4); m > 0; m--) {
    const at = int(random, text.length);
    const r = random();
    if (r < 0.3) text = text.slice(0, at) + String.fromCharCode(int(random, 0x3000)) + text.slice(at + 1);
    else if (r < 0.5) text = text.slice(0, at) + text.slice(at + 1);
    else if (r < 0.7) text = text.slice(0, at) + text.slice(at - 5, at) + text.slice(at);
    else if (r < 0.8) text = text.slice(0, at);
    else text = text.slice(0, at) + oneOf(random, ['"', "{", "]", "\\u", "\\", ",,", "\u0000"]) + text.slice(at);
  }
  return text;
}

const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;

interface Case {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

function ingestCase(random: Random): Case {
  const r = random();
  let body: string | Uint8Array;
  if (r < 0.45) body = JSON.stringify(mutatedBatch(random));
  else if (r < 0.7) body = mutatedText(random);
  else if (r < 0.85) body = JSON.stringify(randomValue(random));
  else if (r < 0.9) body = deep(1 + int(random, 50_000));
  else if (r < 0.99) body = new Uint8Array(Array.from({ length: int(random, 400) }, () => int(random, 256)));
  // Around the 500-response limit.
  else body = JSON.stringify({ responses: Array.from({ length: 490 + int(random, 20) }, () => response()) });
  const type = oneOf(random, [
    "application/json",
    "application/json",
    "text/plain;charset=UTF-8",
    "text/plain; charset=latin1",
    "application/x-www-form-urlencoded",
    "APPLICATION/JSON",
    "",
  ]);
  return {
    method: "POST",
    path: `/v1/responses${random() < 0.1 ? `?key=${oneOf(random, STRINGS)}` : ""}`,
    headers: type ? { "content-type": type } : {},
    body,
  };
}

const PARAMS = ["survey", "from", "to", "tz", "interval", "by", "compare", "top", "limit", "cursor", "key"];
const VALUES = [
  ...STRINGS,
  "nps-app",
  "csat-support",
  "2025-03-01",
  "2025-03-01T00:00:00Z",
  "0001-01-01",
  "9999-12-31",
  "Europe/Copenhagen",
  "day",
  "week",
  "month",
  "path,locale,attr.plan,attr.__proto__",
  "attr.",
  "previous",
  "-1",
  "100000",
  "WzE3MDAwMDAwMDAwMDAsIngiXQ",
  "W251bGwsbnVsbF0",
];

function readCase(random: Random): Case {
  const path = oneOf(random, [
    "/v1/results",
    "/v1/results/comments",
    "/v1/results/export.csv",
    "/v1/results/surveys",
    "/v1/surveys",
    "/v1/results/../surveys",
    "/v1/nothing",
    "/",
  ]);
  const query = new URLSearchParams();
  for (let i = int(random, 5); i > 0; i--) query.append(oneOf(random, PARAMS), oneOf(random, VALUES));
  const method = random() < 0.9 ? "GET" : oneOf(random, ["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"]);
  const headers: Record<string, string> = {};
  if (random() < 0.2) headers.origin = oneOf(random, ["null", "https://evil.example", "not a url", collector.url]);
  if (random() < 0.1) headers["if-none-match"] = oneOf(random, ['"x"', "*", "W/", ""]);
  if (random() < 0.1) headers.authorization = oneOf(random, ["Bearer", "Bearer  ", "Basic x", "Bearer a b"]);
  return { method, path: `${path}?${query}`, headers };
}

async function send(c: Case): Promise<{ status: number; text: string; type: string }> {
  const res = await fetch(`${collector.url}${c.path}`, { method: c.method, headers: c.headers, body: c.body });
  return { status: res.status, text: await res.text(), type: res.headers.get("content-type") ?? "" };
}

it(`answers ${CASES} random and mutated requests without a 500 (seed ${SEED})`, {
  timeout: BUDGET_MS + 20_000,
}, async () => {
  const random = seededRandom(SEED);
  const started = Date.now();
  const statuses = new Map<number, number>();
  let sent = 0;
  while (sent < CASES && Date.now() - started < BUDGET_MS) {
    const cases = Array.from({ length: 8 }, () => (random() < 0.65 ? ingestCase(random) : readCase(random)));
    const answers = await Promise.all(cases.map(send));
    answers.forEach((answer, i) => {
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const c = cases[i]!;
      const shown = typeof c.body === "string" ? c.body.slice(0, 300) : `${c.body?.length ?? 0} bytes`;
      if (answer.status >= 500) throw new Error(`${c.method} ${c.path} ${shown} → ${answer.status} ${answer.text}`);
      if (c.method !== "HEAD" && answer.status !== 304 && answer.type.startsWith("application/json")) {
        try {
          JSON.parse(answer.text);
        } catch {
          throw new Error(
            `${c.method} ${c.path} ${shown} → ${answer.status} with a body that is not JSON: ${answer.text}`,
          );
        }
      }
    });
    sent += cases.length;
  }
  console.log(`fuzz: ${sent} requests in ${Date.now() - started} ms, statuses ${JSON.stringify([...statuses])}`);
  // A very busy machine may get through fewer in the time budget; never a token few.
  expect(sent).toBeGreaterThanOrEqual(Math.min(CASES, 500));
  // Some mutations stayed valid and were stored; everything stored can still be read back.
  expect(statuses.get(200)).toBeGreaterThan(0);
  expect(collector.rows()).toBeGreaterThan(0);
  const surveys = (await (await fetch(`${collector.url}/v1/results/surveys`)).json()) as { surveys: { id: string }[] };
  for (const { id } of surveys.surveys) {
    for (const path of [
      `/v1/results?survey=${id}&by=path,locale,attr.plan,attr.constructor&compare=previous`,
      `/v1/results/comments?survey=${id}&limit=100`,
      `/v1/results/export.csv?survey=${id}`,
    ]) {
      const res = await fetch(`${collector.url}${path}`);
      expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
      await res.arrayBuffer();
    }
  }
});

/** A worst-case response, or one pushed just past a limit of the wire format (which must be refused). */
function worstCase(random: Random, n: number): { body: Record<string, unknown>; valid: boolean } {
  const createdAt = oneOf(random, [0, 1, 1_700_000_000_000, Date.now(), Date.now() + 86_400_000]);
  const body = worstCaseResponse(n, {
    surveyId: oneOf(random, ["nps-app", "worst", "fuzz"]),
    createdAt,
    updatedAt: createdAt,
  });
  const context = body.context as Record<string, unknown>;
  const r = random();
  if (r < 0.6) return { body, valid: true };
  if (r < 0.7) (body.answers as Record<string, unknown>).extra = { kind: "nps", value: 1 };
  else if (r < 0.8) (context.attributes as Record<string, unknown>).extra = 1;
  else if (r < 0.85) context.url = `${(context.url as string).slice(0, 2047)}\ud800`;
  else if (r < 0.9) context.locale = "da\u0000";
  else if (r < 0.95) body.anonymousId = `a\u001b[2J`;
  else context.url = `${context.url}x`;
  return { body, valid: false };
}

const HEAVY_READS = [
  "/v1/results?survey=worst&interval=day",
  "/v1/results?survey=worst&interval=week&by=path,locale,device",
  `/v1/results?survey=worst&interval=month&by=path,locale,device,attr.${"attr0".padEnd(64, "_")}&compare=previous&top=500`,
  "/v1/results?survey=nps-app&from=1970-01-01&interval=month&by=path",
  "/v1/results/comments?survey=worst&limit=100",
  "/v1/results/surveys",
  "/v1/results/export.csv?survey=worst",
];

it(`worst-case mode: the largest responses the schema allows and just past it, with the heaviest reads (seed ${SEED})`, {
  timeout: BUDGET_MS + 60_000,
}, async () => {
  const random = seededRandom(SEED + 1);
  const started = Date.now();
  const statuses = new Map<number, number>();
  let n = 0;
  const surveyLatencies: number[] = [];
  while (Date.now() - started < BUDGET_MS && n < 600) {
    const batch = Array.from({ length: 1 + int(random, 6) }, () => worstCase(random, n++));
    const valid = batch.every((b) => b.valid);
    const reads = Array.from({ length: 2 }, () => oneOf(random, HEAVY_READS));
    const t = performance.now();
    const [ingest, ...answers] = await Promise.all([
      send({
        method: "POST",
        path: "/v1/responses",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ responses: batch.map((b) => b.body) }),
      }),
      ...reads.map((path) => send({ method: "GET", path, headers: {} })),
      send({ method: "GET", path: "/v1/surveys", headers: {} }).then((a) => {
        surveyLatencies.push(performance.now() - t);
        return a;
      }),
    ]);
    const size = JSON.stringify({ responses: batch.map((b) => b.body) }).length;
    // Six worst-case responses pass the default body limit: 413 then, 200 or 400 as the content says.
    expect(ingest!.status, ingest!.text).toBe(size > 256 * 1024 ? 413 : valid ? 200 : 400);
    for (const [i, answer] of answers.entries()) {
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      // A heavy read may be refused (400 past the score limit, 503 past the time budget, 404 before
      // the survey has answers), never fail.
      expect(
        [200, 400, 404, 503],
        `${reads[i] ?? "/v1/surveys"} → ${answer.status} ${answer.text.slice(0, 300)}`,
      ).toContain(answer.status);
      if (answer.type.startsWith("application/json")) JSON.parse(answer.text);
    }
  }
  surveyLatencies.sort((a, b) => a - b);
  console.log(
    `fuzz worst case: ${n} responses in ${Date.now() - started} ms, read statuses ${JSON.stringify([...statuses])}, ` +
      `GET /v1/surveys median ${surveyLatencies[surveyLatencies.length >> 1]?.toFixed(1)} ms`,
  );
  expect(collector.rows("survey_id = 'worst'")).toBeGreaterThan(0);
  expect((await fetch(`${collector.url}/v1/surveys`)).status).toBe(200);
});
