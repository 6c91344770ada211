// @sonde/collector — the public surface. A test locks the list of names.

/** The seed's random generator, from @sonde/core. */
export { seededRandom } from "@sonde/core";
export type { AlertRules } from "./alerts/alert-rules.js";
/** The alerts of a set of surveys as ingest fires them; definitions as pages get them. */
export { alertRules, withoutAlerts } from "./alerts/alert-rules.js";
/** The console's address of one answer, as alerts link to it. */
export { responseLink } from "./alerts/response-link.js";
export type * from "./api.js";
export type { AppOptions } from "./app.js";
/** The HTTP app, to mount in another server or test with `app.request()`; the default rate limit. */
export { createApp, DEFAULT_RATE_LIMIT } from "./app.js";
export type { CorsPolicy } from "./http/cors-policy.js";
/** CORS: `--cors-origin` values into a policy. */
export { corsPolicy } from "./http/cors-policy.js";
export type { HostOptions, HostPolicy } from "./http/host-policy.js";
/** The host names served and the collector's own origin: `--public-url`, `--allowed-host`, loopback without a read key. */
export { hostPolicy } from "./http/host-policy.js";
export type { RateLimit, TokenBuckets } from "./http/rate-limit.js";
/** Per-client token buckets, as the rate limit uses them. */
export { tokenBuckets } from "./http/rate-limit.js";
export type { ResultsContext } from "./results.js";
/** Results as the API computes them with core's scoring: scores, trend, breakdowns, comparison. */
export { computeResults } from "./results.js";
/** One page of written comments with their scores. */
export { computeComments } from "./results-comments.js";
/** CSV cells and lines (RFC 4180, formula-safe), and the streamed export. */
export { csvCell, csvRow, exportCsv } from "./results-csv.js";
export type { ZoneDays } from "./results-period.js";
/** Where local days begin in an IANA time zone. */
export { zoneDays } from "./results-period.js";
export type { CommentsRequest, ExportRequest, Parsed, ResultsRequest } from "./results-query.js";
/** Parse the query of each read route into a request, or lines naming each bad parameter. */
export { parseCommentsQuery, parseExportQuery, parseResultsQuery } from "./results-query.js";
export type { ResultsError } from "./results-surveys.js";
/** The surveys results can be asked for: definitions and data. */
export { surveyList } from "./results-surveys.js";
export type { SeedOptions } from "./seed/seed.js";
/** Realistic multilingual demo data. */
export { seedResponses, seedStore } from "./seed/seed.js";
export type { CollectorOptions, RunningCollector } from "./server.js";
/** Start a collector programmatically. */
export { startCollector } from "./server.js";
export type {
  AlertDelivery,
  AlertOutbox,
  AttemptOutcome,
  DeliveryQuery,
  DeliveryStatus,
  Firing,
  FiringRule,
} from "./store/alert-outbox.js";
export type { PgOptions } from "./store/pg.js";
/** PostgreSQL behind the same interface: several collectors on one database. */
export { openPgStore } from "./store/pg.js";
export type { SqliteOptions } from "./store/sqlite.js";
/** Storage: the interface and its SQLite implementation. */
export { openSqliteStore } from "./store/sqlite.js";
export type {
  AnswerQuery,
  Cursor,
  IngestResult,
  PageQuery,
  ResponseFields,
  ResponseQuery,
  ResponseStore,
  ScoredResponseRow,
  StoredResponse,
  StoreMode,
  SurveyTotals,
} from "./store/store.js";
export type {
  SaveResult,
  StoredSurvey,
  SurveyStatus,
  SurveyStore,
  SurveyVersion,
  VersionSource,
} from "./store/survey-store.js";
export type { LoadOptions } from "./surveys.js";
/** Survey definitions from a file or folder, validated (unknown fields are errors unless allowed). */
export { InvalidSurveysError, loadSurveys } from "./surveys.js";
export type { PostWebhook, Resolve } from "./webhooks/post.js";
export type { RetrySchedule } from "./webhooks/retry-schedule.js";
export type { SigningKey } from "./webhooks/signing.js";
/** Standard Webhooks: read a `whsec_` secret, sign an attempt, the id of a delivery. */
export { parseSigningSecret, signatureHeaders, webhookId } from "./webhooks/signing.js";
export type { WebhookOptions } from "./webhooks/start.js";
export type { WebhookWorker, WebhookWorkerOptions } from "./webhooks/worker.js";
/** The worker that delivers alerts, with its dependencies given. */
export { webhookWorker } from "./webhooks/worker.js";
