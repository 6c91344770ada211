import type { History, Survey, SurveyResponse } from "@sonde/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Outbox } from "../outbox/outbox.js";
import type { PersonState } from "../state/person.js";
import { createEmitter } from "./events.js";
import type { PresentOptions } from "./present.js";
import { createSession, type Present } from "./session.js";
import { createInstance, type Dependencies, type SondeInstance } from "./sonde.js";
import { usableSteps } from "./step-guards.js";

// The instance with its dependencies injected: the person's state in memory, a clock, a prompt
// that renders nothing but lets a test answer or close it, an outbox that records what it is told.

/** What Sonde remembers of the person, in memory. */
function memoryState(): PersonState & { history: History; optedOut: boolean } {
  const s = {
    history: { surveys: {} } as History,
    optedOut: false,
    loadHistory: async () => structuredClone(s.history),
    recordHistory: async (id: string, change: (h: History["surveys"][string]) => History["surveys"][string]) => {
      s.history = { surveys: { ...s.history.surveys, [id]: change(s.history.surveys[id] ?? {}) } };
    },
    anonymousId: async () => "anon-test-1",
    newAnonymousId: async () => "anon-test-2",
    readOptOut: async () => s.optedOut,
    writeOptOut: async (value: boolean) => {
      s.optedOut = value;
    },
    countVisit: async (now: number) => ({ visits: 1, firstSeenAt: now, lastSeenAt: now }),
  };
  return s;
}

/** A prompt that is "shown" without rendering: each shown survey's options, to answer or close it. */
function fakePrompt(fail?: Error) {
  const shown: PresentOptions[] = [];
  const unmounted: string[] = [];
  const load = async () =>
    ({
      createSession,
      usableSteps,
      presentSurvey: async (options: PresentOptions) => {
        if (fail) throw fail;
        shown.push(options);
        return {
          handle: { unmount: () => unmounted.push(options.survey.id) },
          responseId: `resp-${shown.length}-abcdef`,
        };
      },
    }) as unknown as Present;
  return { shown, unmounted, load };
}

function fakeOutbox() {
  const calls: string[] = [];
  const enqueued: SurveyResponse[] = [];
  const outbox: Outbox = {
    enqueue: async (r) => {
      enqueued.push(r);
    },
    flush: async () => ({ sent: [], waiting: 0 }),
    hold: (held) => void calls.push(`hold(${held})`),
    prepare: () => void calls.push("prepare"),
    discard: async () => void calls.push("discard"),
    start: () => void calls.push("start"),
    stop: () => void calls.push("stop"),
  };
  return { outbox, calls, enqueued };
}

const survey = (id: string, rules: Survey["rules"] = { triggers: [{ type: "pageview" }] }): Survey => ({
  id,
  steps: [{ kind: "nps", id: "score", question: "How likely are you to recommend us?" }],
  rules,
});

const NOW = Date.UTC(2026, 0, 15, 12);
const running: SondeInstance[] = [];
afterEach(() => {
  for (const s of running.splice(0)) s.destroy();
  vi.restoreAllMocks();
});
const until = (check: () => void) => vi.waitFor(check, { timeout: 3000 });
const settle = () => new Promise((r) => setTimeout(r, 50));

function start(config: Record<string, unknown>, overrides: Partial<Dependencies> = {}) {
  const state = memoryState();
  const prompt = fakePrompt();
  const box = fakeOutbox();
  const emitter = createEmitter();
  const errors: { code: string; message: string }[] = [];
  emitter.on("error", (e) => errors.push(e));
  const deps: Partial<Dependencies> = {
    state,
    now: () => NOW,
    loadPresent: prompt.load,
    createOutbox: () => box.outbox,
    search: () => "",
    idle: () => Promise.resolve(),
    onceOnline: () => {},
    ...overrides,
  };
  const sonde = createInstance({ endpoint: "/v1/responses", ...config }, emitter, {}, deps);
  if (sonde) running.push(sonde);
  return { sonde, state: (overrides.state ?? state) as ReturnType<typeof memoryState>, prompt, box, emitter, errors };
}

describe("consent and opt-out", () => {
  it("shows a due survey when consent is granted (the default)", async () => {
    const { prompt } = start({ surveys: [survey("nps")] });
    await until(() => expect(prompt.shown.map((o) => o.survey.id)).toEqual(["nps"]));
  });

  it("shows nothing, and touches no storage, while consent is pending; shows once granted", async () => {
    const state = memoryState();
    const read = vi.spyOn(state, "readOptOut");
    const { sonde, prompt } = start({ surveys: [survey("nps")], consent: "pending" }, { state });
    await settle();
    expect(prompt.shown).toEqual([]);
    expect(read).not.toHaveBeenCalled();
    sonde!.setConsent("granted");
    await until(() => expect(prompt.shown.length).toBe(1));
  });

  it("remembers an opt-out: a later page of the same browser shows nothing", async () => {
    const first = start({ surveys: [survey("nps", { triggers: [{ type: "event", name: "go" }] })] });
    await settle();
    first.sonde!.optOut();
    await until(() => expect(first.state.optedOut).toBe(true));
    first.sonde!.track("go");
    await settle();
    expect(first.prompt.shown).toEqual([]);

    const later = start({ surveys: [survey("nps")] }, { state: first.state });
    await settle();
    expect(later.prompt.shown).toEqual([]);
    later.sonde!.optIn();
    await until(() => expect(later.prompt.shown.length).toBe(1));
    expect(later.state.optedOut).toBe(false);
  });

  it("setConsent('denied') closes the prompt, holds the outbox and deletes the answers still waiting", async () => {
    const again = { triggers: [{ type: "pageview" as const }], frequency: { maxDisplays: 5 } };
    const { sonde, prompt, box } = start({ surveys: [survey("nps", again)], cooldownDays: 0 });
    await until(() => expect(prompt.shown.length).toBe(1));
    sonde!.setConsent("denied");
    expect(prompt.unmounted).toEqual(["nps"]);
    await until(() => expect(box.calls).toEqual(["start", "prepare", "hold(true)", "discard"]));
    sonde!.show("nps", { force: true });
    sonde!.page(); // a new page view, where the survey would show again
    await settle();
    expect(prompt.shown.length).toBe(1);
  });
});

describe("the prompt's code fails to load", () => {
  /** A prompt whose chunk fails to load `failures` times, then loads; and the page's online event. */
  function flaky(failures: number) {
    const prompt = fakePrompt();
    let calls = 0;
    const online: (() => void)[] = [];
    const overrides: Partial<Dependencies> = {
      loadPresent: () =>
        ++calls <= failures
          ? Promise.reject(new TypeError("Failed to fetch dynamically imported module"))
          : prompt.load(),
      onceOnline: (listener) => void online.push(listener),
    };
    return {
      prompt,
      overrides,
      calls: () => calls,
      goOnline: () => {
        for (const l of online.splice(0)) l();
      },
    };
  }

  it("is tried once more when the page is back online, and the survey shows once", async () => {
    const f = flaky(1);
    const { errors } = start({ surveys: [survey("nps")] }, f.overrides);
    await until(() => expect(errors.map((e) => e.code)).toEqual(["display"]));
    expect(f.prompt.shown).toEqual([]);
    f.goOnline();
    await until(() => expect(f.prompt.shown.map((o) => o.survey.id)).toEqual(["nps"]));
    f.goOnline();
    await settle();
    expect(f.prompt.shown.length).toBe(1);
    expect(f.calls()).toBe(2);
  });

  it("or at the next trigger, whichever comes first; the online event then shows nothing more", async () => {
    const f = flaky(1);
    const { sonde, errors } = start(
      { surveys: [survey("nps", { triggers: [{ type: "event", name: "export" }] })] },
      f.overrides,
    );
    await settle();
    sonde!.track("export");
    await until(() => expect(errors.length).toBe(1));
    sonde!.track("export");
    await until(() => expect(f.prompt.shown.length).toBe(1));
    f.goOnline();
    await settle();
    expect(f.prompt.shown.length).toBe(1);
  });

  it("only once: a second failure is reported and later triggers do not try again", async () => {
    const f = flaky(5);
    const { sonde, errors } = start(
      { surveys: [survey("nps", { triggers: [{ type: "event", name: "export" }] })] },
      f.overrides,
    );
    await settle();
    sonde!.track("export");
    await until(() => expect(errors.length).toBe(1));
    f.goOnline();
    sonde!.track("export");
    await until(() => expect(errors.length).toBe(2));
    sonde!.track("export");
    await settle();
    expect(f.calls()).toBe(2);
    expect(errors.map((e) => e.code)).toEqual(["display", "display"]);
    expect(errors[1]!.message).toContain("Failed to fetch dynamically imported module");
    expect(f.prompt.shown).toEqual([]);
  });
});

describe("display history", () => {
  it("records shown, answered and dismissed, so that frequency rules hold on the next page", async () => {
    const { sonde, prompt, state, box } = start({ surveys: [survey("nps")] });
    await until(() => expect(prompt.shown.length).toBe(1));
    await until(() => expect(state.history.surveys.nps).toEqual({ shownAt: NOW, displays: 1 }));
    const step = prompt.shown[0]!.survey.steps[0]!;
    const response = { id: "resp-1-abcdef", completed: false, answers: {} } as unknown as SurveyResponse;
    await prompt.shown[0]!.onAnswer(response, step, { kind: "nps", value: 9 } as never);
    expect(box.enqueued.map((r) => r.id)).toEqual(["resp-1-abcdef"]);
    expect(state.history.surveys.nps).toMatchObject({ answeredAt: NOW });
    prompt.shown[0]!.onDismiss();
    await until(() => expect(state.history.surveys.nps).toMatchObject({ dismissedAt: NOW }));
    sonde!.page();
    await settle();
    expect(prompt.shown.length).toBe(1); // answered once already
  });

  it("a dismissed survey with dismissDays waits that long", async () => {
    const rules = { triggers: [{ type: "pageview" as const }], frequency: { dismissDays: 3, maxDisplays: 5 } };
    const { sonde, prompt, state } = start({ surveys: [survey("nps", rules)], cooldownDays: 0 });
    await until(() => expect(prompt.shown.length).toBe(1));
    sonde!.dismiss();
    await until(() => expect(state.history.surveys.nps?.dismissedAt).toBe(NOW));
    sonde!.page();
    await settle();
    expect(prompt.shown.length).toBe(1);
  });

  it("preview shows the survey it names, writes no history and stores no answer", async () => {
    const { prompt, state, box, emitter } = start(
      { surveys: [survey("nps", { triggers: [] })] },
      { search: () => "?sonde_preview=nps" },
    );
    const shown = vi.fn();
    emitter.on("shown", shown);
    await until(() => expect(prompt.shown.length).toBe(1));
    await until(() => expect(shown).toHaveBeenCalledWith(expect.objectContaining({ surveyId: "nps", preview: true })));
    const step = prompt.shown[0]!.survey.steps[0]!;
    await prompt.shown[0]!.onAnswer({ id: "r-1", completed: true, answers: {} } as never, step, undefined);
    prompt.shown[0]!.onDismiss();
    await settle();
    expect(state.history).toEqual({ surveys: {} });
    expect(box.enqueued).toEqual([]);
  });
});

describe("each failure with its own code, nothing thrown", () => {
  it("a survey that cannot be shown (an inline selector matching nothing) is a `display` error, not `storage`", async () => {
    const failing = fakePrompt(new Error('appearance.selector "#nowhere" matches no element; the survey is not shown'));
    const { errors } = start({ surveys: [survey("inline")] }, { loadPresent: failing.load });
    await until(() => expect(errors.map((e) => e.code)).toEqual(["display"]));
    expect(errors[0]!.message).toContain('survey "inline" was not shown: appearance.selector "#nowhere"');
  });

  it("a config the code cannot use loads the diagnosis: each bad field by path, Sonde inert", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const emitter = createEmitter();
    const errors = vi.fn();
    emitter.on("error", errors);
    expect(createInstance({ endpoint: 42, surveys: [] }, emitter)).toBeNull();
    await until(() =>
      expect(errors).toHaveBeenCalledWith({ code: "config", message: "config.endpoint: must be a string (got 42)" }),
    );
  });

  it("a malformed survey among good ones is skipped and named with its path-precise errors; the good one shows", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const bad = { ...survey("broken"), priority: 5, steps: [{ kind: "nps", id: "score" }] };
    const { prompt, errors } = start({ surveys: [bad, survey("fine")] });
    await until(() => expect(prompt.shown.map((o) => o.survey.id)).toEqual(["fine"]));
    await until(() => expect(errors.length).toBe(1));
    expect(errors[0]!.code).toBe("surveys");
    expect(errors[0]!.message).toContain('surveys[0] ("broken") is malformed and is skipped');
    expect(errors[0]!.message).toContain("sonde-collector check");
    expect(errors[0]!.message).toContain("surveys[0].steps[0].question: is required");
  });

  it("a survey whose evaluation throws is dropped and reported once; the others are still chosen", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    // Passes the guards, yet the rules cannot read its URL conditions.
    const odd = survey("odd", { triggers: [{ type: "pageview", url: "not a list" as never }] });
    const { prompt, errors, sonde } = start({ surveys: [{ ...odd, priority: 9 }, survey("fine")], cooldownDays: 0 });
    await until(() => expect(prompt.shown.map((o) => o.survey.id)).toEqual(["fine"]));
    sonde!.page();
    await settle();
    expect(errors.filter((e) => e.message.includes('"odd"')).length).toBe(1);
  });

  it("definitions that are not a list: reported, nothing shown, nothing thrown", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { prompt, errors } = start({ surveys: { survey: [survey("nps")] } });
    await until(() => expect(errors.map((e) => e.code)).toEqual(["surveys"]));
    expect(errors[0]!.message).toContain("not a list of surveys");
    expect(prompt.shown).toEqual([]);
  });

  it("a failed load is retried a minute later, and a failing retry is reported, not thrown", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const fetch = vi
        .fn<typeof globalThis.fetch>()
        .mockRejectedValueOnce(new TypeError("Failed to fetch"))
        .mockRejectedValueOnce(new TypeError("Failed to fetch"))
        .mockResolvedValue(new Response(JSON.stringify({ surveys: [survey("nps")] })));
      const { prompt, errors } = start({ surveysUrl: "/surveys.json" }, { fetch });
      await vi.waitFor(() => expect(errors.length).toBe(1));
      await vi.advanceTimersByTimeAsync(60_000);
      await vi.waitFor(() => expect(errors.length).toBe(2));
      await vi.advanceTimersByTimeAsync(60_000);
      await vi.waitFor(() => expect(prompt.shown.length).toBe(1));
      expect(errors.map((e) => e.code)).toEqual(["surveys", "surveys"]);
    } finally {
      vi.useRealTimers();
    }
  });
});
