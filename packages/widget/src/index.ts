// @sonde/widget — the public surface for npm users. A test locks the list of names.

export type { Sonde } from "./api/sonde.js";
/** Start Sonde with a config; returns a handle to flush or destroy it. */
export { start } from "./api/sonde.js";
