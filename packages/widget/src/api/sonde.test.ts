import { afterEach, describe, expect, it, vi } from "vitest";
import { createInstance as start } from "./sonde.js";

afterEach(() => {
  vi.restoreAllMocks();
  document.querySelectorAll("sonde-prompt").forEach((el) => {
    el.remove();
  });
});

// Sonde works in idle periods, a step each: on a loaded machine that can take more than the
// default second.
const until = (check: () => void) => vi.waitFor(check, { timeout: 5000 });

const validSurvey = {
  id: "nps-here",
  steps: [{ kind: "nps", id: "score", question: "How likely are you to recommend us?" }],
  rules: { triggers: [{ type: "pageview" }] },
};

describe("createInstance() with bad input", () => {
  it("reports a bad config field by path and stays inert without throwing", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(start({ endpoint: 42, surveys: [] })).toBeNull();
    // The formatter loads lazily, only when something is wrong.
    await until(() =>
      expect(errors.mock.calls.map((c) => c.join(" ")).join("\n")).toContain(
        "config.endpoint: must be a string (got 42)",
      ),
    );
  });

  it("reports a bad survey definition by path and shows nothing", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const bad = { ...validSurvey, steps: [{ kind: "nps", id: "score" }] };
    const sonde = start({ endpoint: "/v1/responses", surveys: [bad] })!;
    await until(() => expect(errors).toHaveBeenCalled());
    expect(errors.mock.calls.map((c) => c.join(" ")).join("\n")).toContain("surveys[0].steps[0].question: is required");
    await new Promise((r) => setTimeout(r, 200));
    expect(document.querySelector("sonde-prompt")).toBeNull();
    sonde.destroy();
  });

  it("shows a valid survey in a shadow root", async () => {
    vi.spyOn(globalThis, "fetch").mockResolvedValue(new Response("{}", { status: 200 }));
    const sonde = start({ endpoint: "/v1/responses", surveys: [validSurvey] })!;
    await until(() => expect(document.querySelector("sonde-prompt")?.shadowRoot?.textContent).toContain("recommend"));
    sonde.destroy();
    expect(document.querySelector("sonde-prompt")).toBeNull();
  });
});

describe("a survey's steps are checked in full when it is about to show", () => {
  const broken = { ...validSurvey, id: "broken", priority: 1, steps: [{ kind: "nps", id: "score" }] };
  const lines = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map((c) => c.join(" ")).join("\n");

  it("reports a broken survey when it is due, by its path in the list, and shows the next one instead", async () => {
    vi.spyOn(globalThis, "fetch").mockResolvedValue(new Response("{}", { status: 200 }));
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    // Earlier tests showed a prompt in this browser: no cooldown here.
    const fallback = { ...validSurvey, id: "nps-fallback" };
    const sonde = start({ endpoint: "/v1/responses", surveys: [broken, fallback], cooldownDays: 0 })!;
    await until(() => expect(document.querySelector("sonde-prompt")?.shadowRoot?.textContent).toContain("recommend"));
    expect(lines(errors)).toContain("surveys[0].steps[0].question: is required");
    sonde.destroy();
  });

  it("says nothing about a broken survey that is not due, unless in debug mode", async () => {
    const notHere = {
      ...broken,
      rules: { triggers: [{ type: "pageview", url: [{ match: "exact", value: "/elsewhere" }] }] },
    };
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "info").mockImplementation(() => {});
    const ready = vi.fn();
    const quiet = start({ endpoint: "/v1/responses", surveys: [notHere] })!;
    quiet.on("ready", ready);
    await until(() => expect(ready).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 200));
    expect(lines(errors)).not.toContain("steps[0].question");
    quiet.destroy();

    const debug = start({ endpoint: "/v1/responses", surveys: [notHere], debug: true })!;
    await until(() => expect(lines(errors)).toContain("surveys[0].steps[0].question: is required"));
    debug.destroy();
  });
});
