import type { SurveyResponse } from "@sonde/core";
import { del, entries, set } from "idb-keyval";
import { getOutboxStore } from "./stores.js";
import { postBatch } from "./transport.js";

/** Options of an outbox. */
export interface OutboxOptions {
  /** Where batches are POSTed. */
  endpoint: string;
  /** Reports a failure that the host may want to know about. */
  onError?: (message: string) => void;
}

/** Every answer passes through the outbox: written to IndexedDB first, sent later, removed after a 2xx. */
export interface Outbox {
  /** Persists a response (a new one or a higher revision of one); resolves once it is stored. */
  enqueue(response: SurveyResponse): Promise<void>;
  /** Sends what is waiting; resolves when this attempt is over (it never rejects). */
  flush(): Promise<void>;
  /** Starts the flush moments (on load, on `online`). */
  start(): void;
  /** Removes listeners; stored records stay for the next visit. */
  stop(): void;
}

/** Creates the outbox for one endpoint. */
export function createOutbox(options: OutboxOptions, store = getOutboxStore()): Outbox {
  const report = (message: string) => options.onError?.(message);
  const flushOnce = async () => {
    const records = (await entries<string, SurveyResponse>(store)).map(([, r]) => r);
    if (records.length === 0) return;
    const result = await postBatch(options.endpoint, { responses: records });
    if (!result.ok) return;
    // Remove only what was sent: a newer revision written meanwhile stays for the next flush.
    const now = new Map((await entries<string, SurveyResponse>(store)).map(([id, r]) => [id, r.revision]));
    await Promise.all(records.filter((r) => now.get(r.id) === r.revision).map((r) => del(r.id, store)));
  };
  const flush = () => flushOnce().catch((e: unknown) => report(`could not send answers: ${String(e)}`));
  const onOnline = () => void flush();
  return {
    enqueue: (response) => set(response.id, response, store),
    flush,
    start() {
      addEventListener("online", onOnline);
      void flush();
    },
    stop() {
      removeEventListener("online", onOnline);
    },
  };
}
