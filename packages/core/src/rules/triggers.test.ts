import { describe, expect, it } from "vitest";
import type { Rules } from "../schema/rules.js";
import type { Survey } from "../schema/survey.js";
import { watchedSignals } from "./triggers.js";

const survey = (id: string, rules?: Rules): Survey => ({
  id,
  steps: [{ kind: "thumbs", id: "t", question: "Useful?" }],
  ...(rules ? { rules } : {}),
});

describe("watchedSignals", () => {
  it("asks for nothing when surveys only need page views", () => {
    expect(watchedSignals([survey("a", { triggers: [{ type: "pageview" }] }), survey("b")])).toEqual({
      events: [],
      clicks: [],
      seconds: [],
      scroll: false,
      exit: false,
    });
  });

  it("collects what every trigger needs, once each, time thresholds ascending", () => {
    const surveys = [
      survey("a", {
        triggers: [
          { type: "time", seconds: 60 },
          { type: "event", name: "checkout" },
          { type: "click", selector: "#upgrade" },
        ],
      }),
      survey("b", {
        triggers: [
          { type: "time", seconds: 15 },
          { type: "time", seconds: 60 },
          { type: "scroll", percent: 50 },
          { type: "event", name: "checkout" },
        ],
      }),
      survey("c", { triggers: [{ type: "exit" }, { type: "manual" }] }),
    ];
    expect(watchedSignals(surveys)).toEqual({
      events: ["checkout"],
      clicks: ["#upgrade"],
      seconds: [15, 60],
      scroll: true,
      exit: true,
    });
  });
});
