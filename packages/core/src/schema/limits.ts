// Wire-format constants in a module of their own, without zod: the widget's lazily loaded
// delivery code needs them, and importing them must not drag the schemas into its chunk.

/** The wire format's version; stored records and batches carry it so both ends can migrate. */
export const WIRE_SCHEMA_VERSION = 1;

/** The most responses one batch may hold. */
export const MAX_BATCH_RESPONSES = 500;

/**
 * The most answers one response may carry, and so the most steps a survey may have: a prompt
 * asks a handful of questions, and the cost of results grows with the number of questions.
 */
export const MAX_ANSWERS = 100;

/** The most attributes a person or an answer's context may carry. */
export const MAX_ATTRIBUTES = 50;
