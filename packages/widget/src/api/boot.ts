import { idle } from "./idle.js";
import {
  destroy,
  dismiss,
  flush,
  identify,
  init,
  initWith,
  off,
  on,
  optIn,
  optOut,
  page,
  reset,
  type SondeConfig,
  setAttributes,
  setConsent,
  show,
  track,
} from "./public.js";

// Every public function is a command of `sonde("name", ...args)`. Named imports and a literal
// table, not `import * as` with a rest pattern: the bundler turns that into a for…in over the
// namespace, which walks keys a host page added to Object.prototype and threw there.
const commands = {
  destroy,
  dismiss,
  flush,
  identify,
  init,
  off,
  on,
  optIn,
  optOut,
  page,
  reset,
  setAttributes,
  setConsent,
  show,
  track,
};
type Command = keyof typeof commands;
type Global = { sonde?: ((...args: unknown[]) => unknown) & { q?: unknown[][]; loaded?: boolean } };
let booted = false;

// Data attributes that are on/off switches; `data-cooldown-days` is a number, `data-surveys` JSON.
const FLAGS = ["debug", "honorPrivacySignals", "captureQuery"];

/** The config the script tag's data attributes give (`data-surveys-url` → `surveysUrl`); null without an endpoint. */
function configFromData(data: Record<string, string | undefined>): Record<string, unknown> | null {
  if (!data.endpoint) return null;
  const config: Record<string, unknown> = {};
  for (const key of Object.keys(data)) {
    const value = data[key]!;
    if (key === "outboxTuning") continue;
    if (key !== "surveys")
      config[key] = FLAGS.includes(key) ? value !== "false" : key === "cooldownDays" ? Number(value) : value;
    else
      try {
        config.surveys = JSON.parse(value);
      } catch (error) {
        console.error(`sonde: data-surveys is not valid JSON (${(error as Error).message})`);
        return null;
      }
  }
  return config;
}

/** Runs one `sonde("method", ...args)` command; unknown commands are reported, never thrown. */
function dispatch(method: unknown, ...args: unknown[]): unknown {
  try {
    if (typeof method !== "string" || !Object.hasOwn(commands, method)) {
      console.error(`sonde: unknown command ${JSON.stringify(method)}; use one of ${Object.keys(commands).join(", ")}`);
      return undefined;
    }
    return (commands[method as Command] as (...a: unknown[]) => unknown)(...args);
  } catch (error) {
    console.error(`sonde: ${String(method)}() failed`, error);
    return undefined;
  }
}

/**
 * Starts the script-tag build: init from the tag's data attributes (`data-endpoint`,
 * `data-surveys-url` or `data-surveys` JSON, `data-locale`, `data-debug`, `data-consent`, …),
 * then replays, in order, every `sonde(...)` call queued before this chunk loaded.
 */
export function boot(data: Record<string, string | undefined>, w: Global): void {
  if (booted || w.sonde?.loaded) {
    console.warn("sonde: sonde.js was loaded twice; keeping the first");
    return;
  }
  booted = true;
  // This task evaluated the chunk; init and the replay wait for an idle period, so that they
  // make no long task. Until then `window.sonde` keeps queueing.
  void idle().then(() => {
    const queued = w.sonde?.q ?? [];
    w.sonde = Object.assign(dispatch, { loaded: true });
    const config = configFromData(data);
    if (config) initWith(config as SondeConfig, { outboxTuning: data.outboxTuning });
    for (const args of queued) dispatch(args[0], ...args.slice(1));
  });
}
