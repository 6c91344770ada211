/**
 * Builds a value on first use and keeps it. Schemas are built lazily so that importing
 * @sonde/core does no work, and so that a browser host can switch zod to jitless mode
 * (no `new Function` probe, which a strict CSP reports) before the first schema exists.
 * Marked free of side effects so that a bundler drops the schemas a chunk never uses (the page
 * checks surveys without their alerts, whose schemas then stay out of its bundle).
 */
/* @__NO_SIDE_EFFECTS__ */
export function memo<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => {
    if (value === undefined) value = build();
    return value;
  };
}
