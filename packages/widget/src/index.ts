// @sonde/widget — the public surface for npm users. A test locks the list of names.

/** Event names and their payloads. */
export type { SondeErrorCode, SondeEventName, SondeEvents, SondeHandler } from "./api/events.js";
export type { SondeConfig } from "./api/public.js";
/** The JS API: start, identify, events, consent, teardown. Each function is documented with an example. */
export {
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
} from "./api/public.js";
/** Attributes of a person or an event. */
export type { Attributes } from "./api/sonde.js";
