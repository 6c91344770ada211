import { formatIssues } from "@sonde/core";

// Loaded only when a config or a survey definition is invalid: the formatter stays out of the
// first download of a page where everything is fine.

/** Lines such as `config.endpoint: must be a string (got 42)`, one per problem. */
export const describeIssues = formatIssues;
