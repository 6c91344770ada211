import type { SurveyResponse } from "@sonde/core";
import { del, entries, set } from "idb-keyval";
import { getOutboxStore } from "./stores.js";
import { postBatch } from "./transport.js";

/** Writes a response to IndexedDB; it stays there until the endpoint has answered 2xx. */
export async function enqueue(response: SurveyResponse, store = getOutboxStore()): Promise<void> {
  await set(response.id, response, store);
}

/** The responses waiting to be sent. */
export async function pending(store = getOutboxStore()): Promise<SurveyResponse[]> {
  return (await entries<string, SurveyResponse>(store)).map(([, record]) => record);
}

/**
 * Sends everything waiting in one batch. A record is removed only after a 2xx, and only if
 * no newer revision of it was written while the request was in flight.
 */
export async function flush(endpoint: string, store = getOutboxStore()): Promise<boolean> {
  const records = await pending(store);
  if (records.length === 0) return true;
  const result = await postBatch(endpoint, { responses: records });
  if (!result.ok) return false;
  const now = new Map((await pending(store)).map((r) => [r.id, r.revision]));
  await Promise.all(records.filter((r) => now.get(r.id) === r.revision).map((r) => del(r.id, store)));
  return true;
}
