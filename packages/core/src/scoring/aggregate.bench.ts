// Aggregation of 1,000,000 synthetic responses, as the collector would run it on stored rows.
// Run: npx vitest bench --run --project core packages/core/src/scoring/aggregate.bench.ts
// Building the responses is not timed; each bench times one full tallyResponses + scoreRows.
import { bench, describe } from "vitest";
import type { Answer } from "../schema/wire.js";
import { type ScorableResponse, scoreRows, tallyResponses } from "./aggregate.js";
import { seededRandom } from "./seeded-random.js";

const COUNT = 1_000_000;

function synthetic(count: number, extraScored: boolean): ScorableResponse[] {
  const random = seededRandom(42);
  const start = Date.parse("2024-01-01T00:00:00Z");
  const year = 365 * 86_400_000;
  const urls = ["https://lumen.example/", "https://lumen.example/pricing", "https://lumen.example/app/settings?tab=2"];
  const devices = ["mobile", "tablet", "desktop"] as const;
  const plans = ["free", "pro", "team", "enterprise"];
  const out: ScorableResponse[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const answers: Record<string, Answer> = { ltr: { kind: "nps", value: Math.floor(random() * 11) } };
    if (random() < 0.3) answers.why = { kind: "open", value: "it just works" };
    if (extraScored) {
      answers.sat = { kind: "csat", value: 1 + Math.floor(random() * 5), scale: 5 };
      answers.ease = { kind: "ces", value: 1 + Math.floor(random() * 7), scale: 7 };
    }
    out[i] = {
      surveyId: random() < 0.5 ? "nps-main" : "nps-checkout",
      // Time-ordered, as a store returns them.
      createdAt: start + Math.floor((i / count) * year + random() * 60_000),
      context: {
        url: urls[Math.floor(random() * urls.length)]!,
        locale: "en-GB",
        device: devices[Math.floor(random() * 3)]!,
        attributes: { plan: plans[Math.floor(random() * plans.length)]! },
      },
      answers,
    };
  }
  return out;
}

let npsOnly: ScorableResponse[] | undefined;
let threeScored: ScorableResponse[] | undefined;
const onlyNps = () => {
  npsOnly ??= synthetic(COUNT, false);
  return npsOnly;
};
const withThree = () => {
  threeScored ??= synthetic(COUNT, true);
  return threeScored;
};
const options = { iterations: 5, time: 0, warmupIterations: 1, warmupTime: 0 };

describe("1,000,000 responses (1 NPS answer each, 30% with a comment)", () => {
  bench(
    "by ISO week (UTC) × device",
    () => {
      scoreRows(tallyResponses(onlyNps(), { period: "week", segment: "device" }));
    },
    { ...options, setup: () => void onlyNps() },
  );
  bench(
    "by ISO week (Europe/Paris) × plan attribute",
    () => {
      scoreRows(
        tallyResponses(onlyNps(), { period: "week", timeZone: "Europe/Paris", segment: { attribute: "plan" } }),
      );
    },
    { ...options, setup: () => void onlyNps() },
  );
});

describe("1,000,000 responses (NPS + CSAT + CES each)", () => {
  bench(
    "by ISO week (UTC) × page path",
    () => {
      scoreRows(tallyResponses(withThree(), { period: "week", segment: "path" }));
    },
    { ...options, setup: () => void withThree() },
  );
});
