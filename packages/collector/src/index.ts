// @sonde/collector — the public surface. A test locks the list of names.

export type { AppOptions } from "./app.js";
/** The HTTP app, to mount in another server or test with `app.request()`. */
export { createApp } from "./app.js";
export type { LatestAnswer, ResultsBody } from "./results.js";
/** The results body. */
export { summarize } from "./results.js";
export type { CollectorOptions, RunningCollector } from "./server.js";
/** Start a collector programmatically. */
export { startCollector } from "./server.js";
/** Storage: the interface and its SQLite implementation. */
export { openSqliteStore } from "./store/sqlite.js";
export type { IngestResult, ResponseQuery, ResponseStore, StoredResponse } from "./store/store.js";
/** Survey definitions from a file, validated. */
export { InvalidSurveysError, loadSurveysFile } from "./surveys.js";
