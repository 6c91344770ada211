// Type test, checked by `npm run typecheck` (never run): inline surveys are typed with core's
// survey input, so the mistakes below fail to compile. Each `@ts-expect-error` fails the
// typecheck if its line compiles, as it would were `surveys` typed `unknown` again.
import { init, type SondeConfig } from "../index.js";

const endpoint = "/v1/responses";

export const correct = {
  endpoint,
  surveys: [
    {
      id: "nps-export",
      steps: [
        { kind: "nps", id: "score", question: { en: "How likely are you to recommend us?", da: "Hvor sandsynligt…?" } },
        { kind: "open", id: "why", question: "What is the main reason?", required: false },
        { kind: "thanks", id: "thanks", question: "Thanks!" },
      ],
      rules: { triggers: [{ type: "event", name: "export_done" }], sampling: 50 },
      appearance: { position: "bottom-right", theme: { brand: "#4f46e5" } },
    },
  ],
} satisfies SondeConfig;

// A surveys file's shape, `{ surveys: [...] }`, is accepted too.
export const asFile = {
  endpoint,
  surveys: { surveys: [{ id: "thumbs", steps: [{ kind: "thumbs", id: "helpful", question: "Helpful?" }] }] },
} satisfies SondeConfig;

export const misspelledKind = {
  endpoint,
  surveys: [
    {
      id: "csat",
      steps: [
        {
          // @ts-expect-error — "stars" is not a kind of step (a csat step has `display: "stars"`)
          kind: "stars",
          id: "score",
          question: "How was it?",
        },
      ],
    },
  ],
} satisfies SondeConfig;

export const misspelledStepField = {
  endpoint,
  surveys: [
    {
      id: "nps",
      steps: [
        {
          kind: "nps",
          id: "score",
          // @ts-expect-error — `qestion` is not a field of a step (did you mean `question`?)
          qestion: "How likely are you to recommend us?",
        },
      ],
    },
  ],
} satisfies SondeConfig;

/** Never called: `init()` itself rejects the same mistakes in an inline literal. */
export function initWithMistakes(): void {
  init({
    endpoint,
    surveys: [
      {
        id: "nps",
        steps: [{ kind: "nps", id: "score", question: "How likely are you to recommend us?" }],
        // @ts-expect-error — `trigers` is not a field of rules (did you mean `triggers`?)
        rules: { trigers: [{ type: "pageview" }] },
      },
    ],
  });
}
