// Apart from the stores: the prompt's chunk needs an id for each response, not IndexedDB.

/** A random id: `crypto.randomUUID` where present, else 128 random bits from getRandomValues. */
export function randomId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
