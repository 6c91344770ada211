import type { SurveyInput, WidgetConfig } from "@sonde/core";
import { createEmitter, type SondeEventName, type SondeHandler } from "./events.js";
import { type Attributes, createInstance, type Internals, type SondeInstance } from "./sonde.js";

/**
 * The options `init()` takes (validated at run time by the core schema). Inline `surveys` are typed
 * as core's survey input, so a misspelled kind or field is a compile error, not a console line.
 */
export type SondeConfig = Omit<WidgetConfig, "surveys"> & {
  /** Surveys given inline, as an array or `{ surveys: [...] }` (a surveys file's shape). */
  surveys?: SurveyInput[] | { $schema?: string; surveys: SurveyInput[] };
};

let instance: SondeInstance | undefined;
// Calls made before init() are kept and replayed in order, so none is lost.
let early: [keyof SondeInstance, unknown[]][] = [];
const emitter = createEmitter();

function call<K extends keyof SondeInstance>(
  method: K,
  args: Parameters<SondeInstance[K]>,
): ReturnType<SondeInstance[K]> | undefined {
  if (!instance) {
    early.push([method, args]);
    return undefined;
  }
  return (instance[method] as (...a: unknown[]) => ReturnType<SondeInstance[K]>)(...args);
}

/**
 * Starts Sonde. Invalid config is reported on the console with the path of each bad field and
 * leaves Sonde inert; a second `init()` warns and keeps the first.
 * @example init({ endpoint: "https://collector.example/v1/responses", surveysUrl: "https://collector.example/v1/surveys" })
 */
export function init(config: SondeConfig): void {
  initWith(config);
}

/** `init()` with internal settings (the script tag passes outbox timings for tests); not exported by the package. */
export function initWith(config: SondeConfig, internals?: Internals): void {
  try {
    if (instance) {
      console.warn("sonde: init() was called again; keeping the first configuration (call destroy() first to re-init)");
      return;
    }
    const created = createInstance(config, emitter, internals);
    if (!created) return; // reported; calls stay queued for a valid init()
    instance = created;
    const queued = early;
    early = [];
    for (const [method, args] of queued) (instance[method] as (...a: unknown[]) => unknown)(...args);
  } catch (error) {
    console.error("sonde: init() failed", error);
  }
}

/** Names the person answering; attributes feed audience rules. @example identify("user-42", { plan: "team" }) */
export function identify(userId: string, attributes?: Attributes): void {
  call("identify", [userId, attributes]);
}

/** Adds or changes attributes of the person. @example setAttributes({ plan: "team", seats: 12 }) */
export function setAttributes(attributes: Attributes): void {
  call("setAttributes", [attributes]);
}

/** Records a custom event that surveys can trigger on. @example track("export_done", { format: "csv" }) */
export function track(event: string, properties?: Attributes): void {
  call("track", [event, properties]);
}

/** Tells Sonde a new page view happened (for routers it cannot see). @example page() */
export function page(): void {
  call("page", []);
}

/** Shows a survey now if its rules allow, or regardless with `force`. @example show("nps-q3", { force: true }) */
export function show(surveyId: string, options?: { force?: boolean }): void {
  call("show", [surveyId, options]);
}

/** Closes the prompt on screen, as if the user dismissed it. @example dismiss() */
export function dismiss(): void {
  call("dismiss", []);
}

/** Listens to an event; handlers that throw are isolated. @example on("completed", (e) => console.log(e.responseId)) */
export function on<E extends SondeEventName>(event: E, handler: SondeHandler<E>): void {
  emitter.on(event, handler);
}

/** Stops listening. @example off("completed", handler) */
export function off<E extends SondeEventName>(event: E, handler: SondeHandler<E>): void {
  emitter.off(event, handler);
}

/** Sends waiting answers now; resolves when the attempt is over. @example await flush() */
export function flush(): Promise<void> {
  return call("flush", []) ?? Promise.resolve();
}

/** Logs the person out: new anonymous id, user and attributes cleared, unsent answers kept. @example reset() */
export function reset(): void {
  call("reset", []);
}

/** The person opts out of surveys on this browser (remembered). @example optOut() */
export function optOut(): void {
  call("optOut", []);
}

/** Undoes `optOut()`. @example optIn() */
export function optIn(): void {
  call("optIn", []);
}

/** Grants or denies consent; with `consent: "pending"` nothing is stored or sent until granted. @example setConsent("granted") */
export function setConsent(consent: "granted" | "denied"): void {
  call("setConsent", [consent]);
}

/** Removes the prompt and every listener; unsent answers stay stored. `init()` may follow. @example destroy() */
export function destroy(): void {
  instance?.destroy();
  instance = undefined;
  early = [];
}
