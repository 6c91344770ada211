import { get, set, type UseStore } from "idb-keyval";
import { getStateStore } from "./stores.js";

/** A random id: `crypto.randomUUID` where present, else 128 random bits from getRandomValues. */
export function randomId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

// Where IndexedDB is missing or failing, the id lives in memory for this page, per store.
const inMemory = new WeakMap<UseStore, string>();

/** This browser's anonymous id, created once and kept in Sonde's own storage (never a cookie). */
export async function anonymousId(store = getStateStore()): Promise<string> {
  try {
    const existing = await get<string>("anonymousId", store);
    if (existing) return existing;
    const id = inMemory.get(store) ?? randomId();
    await set("anonymousId", id, store);
    return id;
  } catch {
    const id = inMemory.get(store) ?? randomId();
    inMemory.set(store, id);
    return id;
  }
}
