import {
  type Answer,
  baseLanguage,
  type Survey,
  type SurveyResponse,
  seededRandom,
  WIRE_SCHEMA_VERSION,
} from "@sonde/core";
import type { ResponseStore } from "../store/store.js";
import { SEED_COMMENTS, SEED_LOCALES, SEED_PAGES, type Sentiment } from "./seed-comments.js";

/** How much to seed and from which random seed; the same options give the same responses. */
export interface SeedOptions {
  /** Responses per survey (default 600). */
  responses?: number;
  /** How many days back they spread (default 120). */
  days?: number;
  seed?: number;
  /** The end of the seeded period (default now). */
  now?: number;
}

const DAY = 86_400_000;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

const LOCALE_MOOD: Record<string, number> = { fi: -0.3, de: -0.15, ru: -0.1, da: 0.15, zh: 0.2, ja: -0.1 };
const PAGE_MOOD: Record<string, number> = {
  "/pricing/enterprise/": -0.45,
  "/pricing/compare/": -0.25,
  "/pricing/teams/": 0.05,
  "/app/settings/export/": -0.5,
  "/app/search/": 0.15,
  "/help/billing/": -0.35,
};
const PLANS: readonly [string, number][] = [
  ["free", 55],
  ["team", 35],
  ["enterprise", 10],
];
const DEVICES: readonly ["mobile" | "tablet" | "desktop", number][] = [
  ["desktop", 62],
  ["mobile", 30],
  ["tablet", 8],
];

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of weighted) total += w;
  let r = random() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted.at(-1)![0];
}

/** A standard normal draw (Box–Muller). */
const normal = (random: () => number) => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/** The pages a survey is answered on: under the path its first page-view trigger names. */
function pagesOf(survey: Survey): readonly [string, number][] {
  const pageview = survey.rules?.triggers?.find((t) => t.type === "pageview");
  const value = (pageview && "url" in pageview ? pageview.url?.[0]?.value : undefined) ?? "/";
  const base = `/${value.replace(/^\/+|\/+$/g, "")}`;
  return SEED_PAGES[base] ?? [[base === "/" ? "/" : `${base}/`, 1]];
}

/** A day in the period, busier on weekdays and busier lately (a product that grows). */
function pickDay(random: () => number, days: number, now: number): number {
  while (true) {
    const back = Math.floor(random() * days);
    const weekday = new Date(now - back * DAY).getUTCDay();
    const weight = (0.55 + (0.45 * (days - back)) / days) * (weekday === 0 || weekday === 6 ? 0.45 : 1);
    if (random() < weight) return back;
  }
}

function answerFor(step: Survey["steps"][number], mood: number, random: () => number): Answer | undefined {
  const noise = () => normal(random) * 0.6;
  switch (step.kind) {
    case "nps":
      return { kind: "nps", value: clamp(7.1 + 2.1 * mood + noise(), 0, 10) };
    case "csat":
      return { kind: "csat", value: clamp(3.7 + 1 * mood + noise(), 1, 5), scale: 5 };
    case "ces":
      return { kind: "ces", value: clamp(4.9 + 1.3 * mood + noise(), 1, 7), scale: 7 };
    case "gap": {
      const scale = step.scale ?? 7;
      const expected = clamp(scale * 0.72 + normal(random) * 0.9, 1, scale);
      return {
        kind: "gap",
        scale,
        expected,
        experienced: clamp(expected + 0.9 * mood - 0.3 + noise(), 1, scale),
      };
    }
    case "thumbs":
      return { kind: "thumbs", value: mood + noise() > 0 ? "up" : "down" };
    case "single":
      return { kind: "single", value: step.choices[Math.floor(random() * step.choices.length)]!.id };
    case "multiple":
      return { kind: "multiple", value: step.choices.filter(() => random() < 0.4).map((c) => c.id) };
    default:
      return undefined;
  }
}

/**
 * The language the prompt was shown in, as the widget picks it: the person's language when the
 * survey is written in it, else the survey's own default.
 */
function promptLanguage(survey: Survey, tag: string): string {
  const written = new Set<string>();
  for (const step of survey.steps)
    if (typeof step.question === "object") for (const t of Object.keys(step.question)) written.add(baseLanguage(t));
  const own = baseLanguage(tag);
  return written.has(own) ? own : (survey.defaultLocale ?? "en");
}

function sentimentOf(answers: Record<string, Answer>, mood: number): Sentiment {
  for (const a of Object.values(answers)) {
    if (a.kind === "nps") return a.value >= 9 ? "positive" : a.value >= 7 ? "neutral" : "negative";
    if (a.kind === "csat") return a.value >= 4 ? "positive" : a.value === 3 ? "neutral" : "negative";
  }
  return mood > 0.7 ? "positive" : mood < -0.1 ? "negative" : "neutral";
}

/**
 * Realistic responses to the given surveys: people whose browsers speak ten languages (the prompt
 * in theirs when the survey has it, else in its default) on several pages and devices,
 * scores that differ by locale, page and plan and improve over time, comments in their own
 * language. Some responses arrive twice (an earlier revision first), some are left unfinished.
 * Returned in the order to ingest them.
 */
export function seedResponses(surveys: readonly Survey[], options: SeedOptions = {}): SurveyResponse[] {
  const random = seededRandom(options.seed ?? 1);
  const days = options.days ?? 120;
  const now = options.now ?? Date.now();
  const perSurvey = options.responses ?? 600;
  const out: SurveyResponse[] = [];
  surveys.forEach((survey, s) => {
    const pages = pagesOf(survey);
    const questions = survey.steps.filter((step) => step.kind !== "thanks");
    for (let i = 0; i < perSurvey; i++) {
      const back = pickDay(random, days, now);
      const progress = 1 - back / days;
      // Working hours, 07:00–21:00 UTC; today's answers all lie in the past.
      const day = Math.floor((now - back * DAY) / DAY) * DAY;
      const createdAt = Math.floor(
        Math.min(day + (7 + random() * 14) * 3_600_000, now - 60_000 - random() * 3_600_000),
      );
      const locale = pick(random, SEED_LOCALES);
      const page = pick(random, pages);
      const device = pick(random, DEVICES);
      const plan = pick(random, PLANS);
      const mood =
        0.15 +
        0.55 * progress +
        (LOCALE_MOOD[baseLanguage(locale)] ?? 0) +
        (PAGE_MOOD[page] ?? 0) +
        (plan === "enterprise" ? 0.15 : plan === "free" ? -0.15 : 0) +
        (device === "mobile" ? -0.1 : 0) +
        normal(random) * 0.85;
      const answers: Record<string, Answer> = {};
      const completed = random() > 0.08;
      for (const step of completed ? questions : questions.slice(0, 1)) {
        if (step.kind === "open") {
          if (random() < 0.42) {
            const bank = SEED_COMMENTS[baseLanguage(locale)] ?? SEED_COMMENTS.en!;
            const lines = bank[sentimentOf(answers, mood)];
            answers[step.id] = { kind: "open", value: lines[Math.floor(random() * lines.length)]! };
          }
          continue;
        }
        const answer = answerFor(step, mood, random);
        if (answer) answers[step.id] = answer;
      }
      const steps = Object.keys(answers);
      const response: SurveyResponse = {
        id: `seed-${options.seed ?? 1}-${s}-${String(i).padStart(5, "0")}`,
        surveyId: survey.id,
        ...(survey.version ? { surveyVersion: survey.version } : {}),
        revision: steps.length,
        completed,
        answers,
        createdAt,
        updatedAt: createdAt + 4000 * steps.length,
        anonymousId: `anon-${Math.floor(random() * perSurvey * 0.8)}`,
        ...(random() < 0.35 ? { userId: `user-${Math.floor(random() * 5000)}` } : {}),
        context: {
          url: `https://lumen.example${page}`,
          locale: promptLanguage(survey, locale),
          browserLocale: locale,
          device,
          attributes: plan === "free" ? { plan } : { plan, seats: 3 + Math.floor(random() * 60) },
        },
        schemaVersion: WIRE_SCHEMA_VERSION,
      };
      // Multi-step answers arrive as they grow: sometimes the first revision is stored first.
      if (steps.length > 1 && random() < 0.15) {
        const first = steps[0]!;
        out.push({
          ...response,
          revision: 1,
          completed: false,
          answers: { [first]: answers[first]! },
          updatedAt: createdAt,
        });
      }
      out.push(response);
    }
  });
  return out;
}

/**
 * Seeds a SQLite store in batches, as a collector would receive them; returns how many responses
 * were seeded. Synchronous, as the demo and the `seed` command (which writes a file) use it.
 */
export function seedStore(store: ResponseStore<"sync">, surveys: readonly Survey[], options: SeedOptions = {}): number {
  const responses = seedResponses(surveys, options);
  const receivedAt = options.now ?? Date.now();
  for (let i = 0; i < responses.length; i += 250) store.ingest(responses.slice(i, i + 250), receivedAt);
  return new Set(responses.map((r) => r.id)).size;
}

/**
 * Seeds any store — PostgreSQL's answers with promises — in the same batches, each awaited; resolves
 * with how many responses were seeded. The `seed` command uses it for both.
 */
export async function seedAnyStore(
  store: ResponseStore,
  surveys: readonly Survey[],
  options: SeedOptions = {},
): Promise<number> {
  const responses = seedResponses(surveys, options);
  const receivedAt = options.now ?? Date.now();
  for (let i = 0; i < responses.length; i += 250) await store.ingest(responses.slice(i, i + 250), receivedAt);
  return new Set(responses.map((r) => r.id)).size;
}
