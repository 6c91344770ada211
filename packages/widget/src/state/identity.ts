import { get, set, type UseStore } from "idb-keyval";
import { randomId } from "./random-id.js";
import { getStateStore } from "./store.js";

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

/** Replaces the anonymous id (after a log-out): the next person is someone new. */
export async function newAnonymousId(store = getStateStore()): Promise<string> {
  const id = randomId();
  inMemory.set(store, id);
  try {
    await set("anonymousId", id, store);
  } catch {
    // IndexedDB unavailable: the value above lives in memory for this page.
  }
  return id;
}

// The opt-out, likewise kept in memory where IndexedDB fails.
const optOutInMemory = new WeakMap<UseStore, boolean>();

/** Whether this browser opted out of surveys. */
export async function readOptOut(store = getStateStore()): Promise<boolean> {
  try {
    return (await get<boolean>("optedOut", store)) === true;
  } catch {
    return optOutInMemory.get(store) === true;
  }
}

/** Remembers an opt-out (or opt-in) in Sonde's own storage. */
export async function writeOptOut(value: boolean, store = getStateStore()): Promise<void> {
  optOutInMemory.set(store, value);
  try {
    await set("optedOut", value, store);
  } catch {
    // IndexedDB unavailable: the value above lives in memory for this page.
  }
}
