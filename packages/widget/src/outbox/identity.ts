import { get, set } from "idb-keyval";
import { getStateStore } from "./stores.js";

/** A random id: `crypto.randomUUID` where present, else 128 random bits from getRandomValues. */
export function randomId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** This browser's anonymous id, created once and kept in Sonde's own storage (never a cookie). */
export async function anonymousId(store = getStateStore()): Promise<string> {
  const existing = await get<string>("anonymousId", store);
  if (existing) return existing;
  const id = randomId();
  await set("anonymousId", id, store);
  return id;
}

/** Replaces the anonymous id (after a log-out): the next person is someone new. */
export async function newAnonymousId(store = getStateStore()): Promise<string> {
  const id = randomId();
  await set("anonymousId", id, store);
  return id;
}

/** Whether this browser opted out of surveys. */
export async function readOptOut(store = getStateStore()): Promise<boolean> {
  return (await get<boolean>("optedOut", store)) === true;
}

/** Remembers an opt-out (or opt-in) in Sonde's own storage. */
export async function writeOptOut(value: boolean, store = getStateStore()): Promise<void> {
  await set("optedOut", value, store);
}
