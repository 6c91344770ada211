// Wire-format constants in a module of their own, without zod: the widget's lazily loaded
// delivery code needs them, and importing them must not drag the schemas into its chunk.

/** The wire format's version; stored records and batches carry it so both ends can migrate. */
export const WIRE_SCHEMA_VERSION = 1;

/** The most responses one batch may hold. */
export const MAX_BATCH_RESPONSES = 500;
