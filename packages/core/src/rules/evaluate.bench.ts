// Evaluation time for 50 surveys against one page context: `npx vitest bench --project core --run`.
// Recorded in BENCHMARKS.md (## Rules). A benchmark, not a timed test: it reports, it does not fail.
import { bench, describe } from "vitest";
import type { Rules } from "../schema/rules.js";
import type { Survey } from "../schema/survey.js";
import type { EvaluationInput } from "./context.js";
import { evaluate } from "./evaluate.js";

const NOW = Date.parse("2026-03-01T12:00:00Z");
const DAY = 86_400_000;

// A realistic mix: every trigger kind, URL conditions of every match, audiences with
// attributes, sampling, frequency; most surveys end up ineligible, as on a real page.
function rulesFor(i: number): Rules {
  const url = [
    { match: "glob" as const, value: `/section-${i % 7}/**` },
    { match: "regex" as const, value: `^/(docs|blog)/${i}\\b`, not: true },
    { match: "contains" as const, value: `utm_campaign=c${i % 5}`, part: "query" as const },
  ];
  const triggers: Rules["triggers"] = [
    [{ type: "pageview", url, urlMatch: "any" }],
    [{ type: "event", name: `event-${i % 4}`, properties: [{ key: "amount", op: "gte", value: i * 10 }] }],
    [{ type: "time", seconds: 10 + i }],
    [{ type: "scroll", percent: 25 + (i % 50) }],
    [{ type: "exit", url: [{ match: "startsWith", value: "/pricing" }] }],
    [{ type: "click", selector: `#cta-${i % 3}` }],
  ][i % 6] as Rules["triggers"];
  return {
    triggers,
    audience: {
      devices: i % 2 ? ["desktop", "tablet"] : ["mobile", "desktop"],
      locales: ["en", "da", "pt-BR"],
      minVisits: i % 4,
      attributes: [
        { key: "plan", op: "in", value: ["pro", "team"] },
        { key: "seats", op: "gt", value: i % 20 },
      ],
    },
    sampling: 10 + (i % 90),
    frequency: { recontactDays: 90, dismissDays: 14, maxDisplays: 3 },
    delay: i % 3,
  };
}

const surveys: Survey[] = Array.from({ length: 50 }, (_, i) => ({
  id: `survey-${i}`,
  priority: i % 5,
  schedule: { start: "2026-01-01T00:00:00Z", end: "2026-12-31T00:00:00Z" },
  steps: [{ kind: "nps", id: "score", question: { en: "How likely…?", da: "Hvor sandsynligt…?" } }],
  rules: rulesFor(i),
}));

const input: EvaluationInput = {
  surveys,
  context: {
    url: "https://lumen.example/section-3/guides/setup/?utm_campaign=c2&lang=en#install",
    locale: "en-GB",
    device: "desktop",
    viewStartedAt: NOW - 25_000,
    scrollDepth: 40,
    exitIntent: false,
    clicks: ["#cta-1"],
    events: [
      { name: "event-1", properties: { amount: 120 } },
      { name: "event-2", properties: { amount: 5 } },
    ],
  },
  history: {
    surveys: Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [
        `survey-${i * 2}`,
        { shownAt: NOW - (i + 15) * DAY, displays: i % 4, ...(i % 3 ? {} : { answeredAt: NOW - (i + 15) * DAY }) },
      ]),
    ),
  },
  now: NOW,
  personId: "7f3c2a9e-4b1d-4c8e-9f0a-1b2c3d4e5f60",
  person: { identified: true, attributes: { plan: "pro", seats: 12 }, visits: 5, firstSeenAt: NOW - 60 * DAY },
};

describe("evaluate", () => {
  bench(
    "50 surveys, one page context",
    () => {
      evaluate(input);
    },
    { time: 3000, warmupTime: 1000 },
  );
});
