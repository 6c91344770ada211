// Thousands of random and mutated requests to the admin API of a real collector and SQLite file:
// whatever arrives, the answer is never a 500, the process keeps serving, and every definition the
// store holds afterwards still passes the schema. Seeded, so a failure can be replayed; bounded in time.

import { parseSurvey, parseSurveys, seededRandom, unknownFieldIssues } from "@sonde/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { demoSurveys, type TestCollector, testCollector } from "./testing/fixtures.js";

const SEED = Number(process.env.SONDE_FUZZ_SEED ?? 20_251_205);
const CASES = Number(process.env.SONDE_FUZZ_CASES ?? 2000);
const BUDGET_MS = 12_000;
const ADMIN_KEY = "fuzz-admin-key-0123456789";

let collector: TestCollector;
beforeAll(async () => {
  collector = await testCollector({ surveys: demoSurveys, adminKey: ADMIN_KEY, rateLimit: false });
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
  "single",
  "__proto__",
  "constructor",
  "toString",
  "\u0000",
  "\ud800",
  "💥",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "../../etc/passwd",
  "2026-13-45",
  "2026-01-01T00:00:00Z",
  "/pricing",
  "https://hooks.example.com/x",
  "http://127.0.0.1/x",
];
const NUMBERS = [0, -1, 1, 5, 7, 10, 11, 0.5, 101, 1e21, 2 ** 53 + 2, 1e308];
// Mostly ids that get created, so that edits, launches and pauses reach real surveys.
const IDS = [
  "fuzz-a",
  "fuzz-a",
  "fuzz-a",
  "fuzz-b",
  "fuzz-b",
  "fuzz-b",
  "nps-pricing",
  "nps-app",
  "__proto__",
  "constructor",
  "x".repeat(300),
  "%00",
  "a%2Fb",
];

function randomValue(random: Random, depth = 0): unknown {
  const r = random();
  if (depth > 4 || r < 0.25) return oneOf(random, NUMBERS);
  if (r < 0.5) return oneOf(random, STRINGS);
  if (r < 0.6) return oneOf(random, [null, true, false]);
  if (r < 0.8) return Array.from({ length: int(random, 4) }, () => randomValue(random, depth + 1));
  const obj: Record<string, unknown> = {};
  for (let i = int(random, 4); i > 0; i--)
    obj[oneOf(random, [...STRINGS, "kind", "id", "steps", "rules", "alerts"])] = randomValue(random, depth + 1);
  return obj;
}

/** A rich valid definition: every kind of part the schema checks, to mutate. */
function validSurvey(random: Random, id: string): Record<string, unknown> {
  return {
    id,
    name: oneOf(random, ["Fuzz", "Ünïcode ✓", ""]),
    defaultLocale: "en",
    priority: int(random, 10),
    schedule: { start: "2026-01-01T00:00:00Z", end: "2027-01-01T00:00:00Z" },
    rules: {
      sampling: int(random, 101),
      triggers: [{ type: "pageview", url: [{ match: "startsWith", value: "/pricing" }] }],
    },
    steps: [
      { kind: "nps", id: "score", question: { en: "How likely…?", da: "Hvor sandsynligt…?" } },
      {
        kind: "single",
        id: "why",
        question: "Why?",
        choices: [
          { id: "price", label: "Price" },
          { id: "other", label: "Other" },
        ],
      },
      { kind: "open", id: "comment", question: "Tell us more" },
    ],
  };
}

/** Paths to every value inside a JSON value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) for (const [i, v] of value.entries()) out.push(...paths(v, [...prefix, i]));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

/** A valid definition with one to three fields replaced, removed or added. */
function mutatedSurvey(random: Random, id: string): unknown {
  const survey = validSurvey(random, id);
  const all = paths(survey).filter((p) => p.length > 0);
  for (let m = int(random, 4); m > 0; m--) {
    const path = oneOf(random, all);
    let parent: unknown = survey;
    for (const key of path.slice(0, -1))
      parent = parent && typeof parent === "object" ? (parent as Record<string | number, unknown>)[key] : undefined;
    if (!parent || typeof parent !== "object") continue;
    const target = parent as Record<string | number, unknown>;
    const last = path.at(-1)!;
    const r = random();
    if (r < 0.4) target[last] = randomValue(random);
    else if (r < 0.6) delete target[last];
    else target[oneOf(random, STRINGS)] = randomValue(random);
  }
  return survey;
}

/** A valid JSON text with characters flipped, dropped or cut short. */
function mutatedText(random: Random, id: string): string {
  let text = JSON.stringify(validSurvey(random, id), null, random() < 0.5 ? 2 : undefined);
  for (let m = 1 + int(random, 4); m > 0; m--) {
    const at = int(random, text.length);
    const r = random();
    if (r < 0.4) text = text.slice(0, at) + String.fromCharCode(int(random, 0x3000)) + text.slice(at + 1);
    else if (r < 0.7) text = text.slice(0, at) + text.slice(at + 1);
    else if (r < 0.8) text = text.slice(0, at);
    else text = text.slice(0, at) + oneOf(random, ['"', "{", "]", "\\u", ",,", "\u0000", "//"]) + text.slice(at);
  }
  return text;
}

interface Case {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

function adminCase(random: Random): Case {
  const id = oneOf(random, IDS);
  const encoded = random() < 0.8 ? encodeURIComponent(id) : id;
  const r = random();
  let body: string | Uint8Array | undefined;
  if (r < 0.45) body = JSON.stringify(mutatedSurvey(random, id));
  else if (r < 0.65) body = mutatedText(random, id);
  else if (r < 0.75) body = JSON.stringify(randomValue(random));
  else if (r < 0.8) body = `${"[".repeat(1 + int(random, 50_000))}`;
  else if (r < 0.85)
    body = `{"id":"${id}","steps":[{"kind":"nps","id":"s","question":"q"}],"x":${"[".repeat(5000)}${"]".repeat(5000)}}`;
  else if (r < 0.9) body = new Uint8Array(Array.from({ length: int(random, 400) }, () => int(random, 256)));
  const [method, path] = oneOf(random, [
    ["GET", ""],
    ["POST", ""],
    ["POST", ""],
    ["GET", `/${encoded}`],
    ["PUT", `/${encoded}`],
    ["PUT", `/${encoded}`],
    ["GET", `/${encoded}/versions`],
    ["POST", `/${encoded}/launch`],
    ["POST", `/${encoded}/pause`],
    ["POST", `/${encoded}/archive`],
    ["DELETE", `/${encoded}`],
    ["PATCH", `/${encoded}`],
    ["OPTIONS", `/${encoded}`],
    ["POST", `/${encoded}/launch/extra`],
  ] as const);
  const headers: Record<string, string> = {};
  const type = oneOf(random, [
    "application/json",
    "application/json; charset=utf-8",
    "text/plain",
    "APPLICATION/JSON",
    "",
  ]);
  if (type) headers["content-type"] = type;
  const a = random();
  headers.authorization =
    a < 0.85
      ? `Bearer ${ADMIN_KEY}`
      : oneOf(random, ["Bearer", "Bearer  ", "Basic x", "Bearer a b", `bearer ${ADMIN_KEY}`]);
  if (random() < 0.7) headers["if-match"] = oneOf(random, ['"v1"', '"v2"', '"v3"', "*", 'W/"v1"', "", '"', "v1, v2"]);
  if (random() < 0.1) headers.origin = oneOf(random, ["null", "https://evil.example", collector.url]);
  return {
    method,
    path: `/v1/admin/surveys${path}`,
    headers,
    body: method === "GET" || method === "OPTIONS" ? undefined : body,
  };
}

async function send(c: Case): Promise<{ status: number; text: string; type: string }> {
  const res = await fetch(`${collector.url}${c.path}`, { method: c.method, headers: c.headers, body: c.body });
  return { status: res.status, text: await res.text(), type: res.headers.get("content-type") ?? "" };
}

it(`the admin API answers ${CASES} random and mutated requests without a 500 (seed ${SEED})`, {
  timeout: BUDGET_MS + 30_000,
}, async () => {
  const random = seededRandom(SEED);
  const started = Date.now();
  const statuses = new Map<number, number>();
  let sent = 0;
  while (sent < CASES && Date.now() - started < BUDGET_MS) {
    const cases = Array.from({ length: 8 }, () => adminCase(random));
    const answers = await Promise.all(cases.map(send));
    answers.forEach((answer, i) => {
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const c = cases[i]!;
      const shown = typeof c.body === "string" ? c.body.slice(0, 300) : `${c.body?.length ?? 0} bytes`;
      if (answer.status >= 500) throw new Error(`${c.method} ${c.path} ${shown} → ${answer.status} ${answer.text}`);
      if (answer.type.startsWith("application/json")) JSON.parse(answer.text);
    });
    sent += cases.length;
  }
  console.log(`admin fuzz: ${sent} requests in ${Date.now() - started} ms, statuses ${JSON.stringify([...statuses])}`);
  expect(sent).toBeGreaterThanOrEqual(Math.min(CASES, 400));
  // Some mutations stayed valid and were saved, edited or launched.
  expect(statuses.get(201)).toBeGreaterThan(0);
  expect(statuses.get(200)).toBeGreaterThan(0);

  // Whatever was saved still passes the schema, as it would at start; pages get a valid list.
  const list = await fetch(`${collector.url}/v1/admin/surveys`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
  expect(list.status).toBe(200);
  for (const { id } of ((await list.json()) as { surveys: { id: string }[] }).surveys) {
    const res = await fetch(`${collector.url}/v1/admin/surveys/${encodeURIComponent(id)}/versions`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(res.status).toBe(200);
    for (const v of ((await res.json()) as { versions: { definition: unknown }[] }).versions) {
      const parsed = parseSurvey(v.definition, { unknownFields: unknownFieldIssues });
      expect(parsed.ok ? [] : parsed.errors, id).toEqual([]);
    }
  }
  const served = await fetch(`${collector.url}/v1/surveys`);
  expect(served.status).toBe(200);
  expect(parseSurveys(await served.json()).ok).toBe(true);
});
