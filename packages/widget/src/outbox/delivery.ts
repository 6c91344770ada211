import { MAX_BATCH_RESPONSES, type SurveyResponse } from "@sonde/core";
import type { UseStore } from "idb-keyval";
import { packBatches } from "./batches.js";
import { withFlushLock } from "./flush-lock.js";
import type { FlushResult, OutboxDrop, OutboxOptions } from "./outbox.js";
import { checkRecord } from "./record-check.js";
import { nextDelay, verdictFor } from "./retry-schedule.js";
import { type DeadLetter, moveToDeadLetter, readRecords, removeHandled, removeKeys } from "./stored-records.js";
import { getDeadLetterStore } from "./stores.js";
import { postBatch, sendOnUnload } from "./transport.js";
import { resolveTuning } from "./tuning.js";

// The delivery machinery, loaded lazily by outbox.ts when something is to be sent.

/** The collector refuses bodies over 256 KB; batches stay well below it. */
export const MAX_BODY_BYTES = 192 * 1024;
/** What one document may have in flight with keepalive, all requests together (64 KiB). */
export const KEEPALIVE_BUDGET = 65_536;

/** The delivery side of an outbox; see `Outbox` in outbox.ts for the flush moments. */
export interface Delivery {
  /** Learns of a response just enqueued (and whether IndexedDB refused it). */
  accept(response: SurveyResponse, storageFailure?: unknown): void;
  /** One flush under the cross-tab lock; concurrent calls share one follow-up attempt. */
  flush(): Promise<FlushResult>;
  /** Sends what this page knows is unsent with keepalive/sendBeacon, synchronously: the page is going. */
  flushOnHide(): void;
  /** Cancels the retry timer. */
  stop(): void;
  /** Forgets every answer it knows is unsent (they were deleted: consent withdrawn). */
  forget(): void;
}

/** The clock, the dice and the lock, injectable for tests. */
export interface DeliveryEnv {
  now: () => number;
  random: () => number;
  lock: <T>(task: () => Promise<T>) => Promise<T>;
}

const browserEnv = (): DeliveryEnv => ({ now: Date.now, random: Math.random, lock: (task) => withFlushLock(task) });

const isQuotaError = (error: unknown) => (error as { name?: unknown } | null)?.name === "QuotaExceededError";

/** Creates the delivery side of an outbox over its store and its in-memory fallback. */
export function createDelivery(
  options: OutboxOptions,
  store: UseStore,
  memory: Map<string, SurveyResponse>,
  isHeld: () => boolean,
  env: DeliveryEnv = browserEnv(),
): Delivery {
  const say = (message: string) => options.debug && console.info(`sonde: ${message}`);
  const tuning = resolveTuning(options.tuning, (message) => console.error(`sonde: ${message}`));
  const deadLetters = options.deadLetterStore ?? getDeadLetterStore();
  // What pagehide sends: it has no time to read IndexedDB, so the page keeps its own list.
  let unsent = new Map<string, SurveyResponse>();
  // Accepted while a flush was reading the store: kept when that flush rebuilds `unsent`.
  let acceptedDuringRead: Map<string, SurveyResponse> | undefined;
  const sentOnHide = new Map<string, number>();
  let keepaliveBytes = 0;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<FlushResult> | undefined;
  let followUp: Promise<FlushResult> | undefined;
  let stopped = false;
  let storageReported = false;

  /** IndexedDB failed: reading, or writing the answers `written`. */
  const storageFailed = (error: unknown, written?: string[]) => {
    if (written && isQuotaError(error)) {
      options.onError?.({
        message: `the browser's storage for this site is full, so an answer is kept in memory only: it is sent now, but lost if the page closes first (${error})`,
        status: 0,
        ids: written,
        willRetry: true,
      });
    } else if (!storageReported) {
      storageReported = true;
      if (options.debug)
        console.warn(`sonde: IndexedDB is unavailable (${error}); answers are kept in memory and sent at once`);
    }
  };

  const drop = (reason: OutboxDrop["reason"], ids: string[], message: string) => {
    say(message);
    options.onDropped?.({ reason, ids, message });
  };

  /** Forgets delivered or dropped records; returns the ids this page had not yet seen handled. */
  const handled = async (records: readonly SurveyResponse[]) => {
    await removeHandled(store, memory, records);
    const fresh = records.filter((r) => unsent.get(r.id)?.revision === r.revision).map((r) => r.id);
    for (const id of fresh) unsent.delete(id);
    return fresh;
  };

  /** Reads every waiting record; moves corrupt ones to the dead letters; drops expired and overflowing ones. */
  const collect = async (): Promise<SurveyResponse[]> => {
    acceptedDuringRead = new Map();
    const { stored, failure } = await readRecords(store, memory);
    if (failure) storageFailed(failure);
    const now = env.now();
    const latest = new Map<string, SurveyResponse>();
    const corrupt: [IDBValidKey, DeadLetter][] = [];
    for (const [key, value] of stored) {
      const check = checkRecord(key, value);
      if (check.ok) {
        const r = check.response;
        if ((latest.get(r.id)?.revision ?? -1) < r.revision) latest.set(r.id, r);
      } else if (check.keep) say(check.message);
      else corrupt.push([key, { record: value, status: 0, message: check.message, at: now }]);
    }
    if (corrupt.length) {
      await moveToDeadLetter(corrupt, deadLetters);
      await removeKeys(
        store,
        memory,
        corrupt.map(([key]) => key),
      );
      for (const [key, letter] of corrupt)
        drop("corrupt", [String(key)], `skipped an unreadable record: ${letter.message}`);
    }
    const newestFirst = [...latest.values()].sort((a, b) => b.updatedAt - a.updatedAt);
    const expired = newestFirst.filter((r) => now - r.updatedAt > tuning.ttlMs);
    const kept = newestFirst.filter((r) => now - r.updatedAt <= tuning.ttlMs);
    const overflow = kept.splice(tuning.maxRecords);
    const days = Math.round(tuning.ttlMs / 86_400_000);
    for (const [reason, records, why] of [
      ["expired", expired, `not delivered within ${days} days`],
      ["overflow", overflow, `the oldest beyond the limit of ${tuning.maxRecords} waiting`],
    ] as const) {
      if (!records.length) continue;
      await handled(records);
      drop(
        reason,
        records.map((r) => r.id),
        `dropped ${records.length} answer(s) unsent: ${why}`,
      );
    }
    unsent = new Map([...kept.map((r): [string, SurveyResponse] => [r.id, r]), ...acceptedDuringRead]);
    acceptedDuringRead = undefined;
    // Oldest answers first, in a stable order.
    return kept.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  };

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void flush(), ms);
  };

  const attempt = async (): Promise<FlushResult> => {
    if (isHeld()) return { sent: [], waiting: unsent.size }; // held while waiting for the lock
    const ready = await collect();
    const sent: string[] = [];
    let waiting = ready.length;
    if (!waiting) return { sent, waiting };
    if (navigator.onLine === false) {
      say(`offline: ${waiting} answer(s) wait for the connection`);
      return { sent, waiting }; // the `online` event flushes
    }
    const queue = packBatches(ready, MAX_BATCH_RESPONSES, MAX_BODY_BYTES);
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      const ids = batch.records.map((r) => r.id);
      const result = await postBatch(options.endpoint, batch.body, tuning.timeoutMs);
      const verdict = verdictFor(result.status);
      if (verdict === "delivered") {
        failures = 0;
        const fresh = await handled(batch.records);
        sent.push(...ids);
        waiting -= ids.length;
        if (fresh.length) options.onSent?.(fresh);
      } else if (verdict === "reject" && batch.records.length > 1) {
        // Which record is refused? Halve the batch until each refusal concerns one.
        const half = Math.ceil(batch.records.length / 2);
        queue.unshift(
          ...packBatches(batch.records.slice(0, half), MAX_BATCH_RESPONSES, MAX_BODY_BYTES),
          ...packBatches(batch.records.slice(half), MAX_BATCH_RESPONSES, MAX_BODY_BYTES),
        );
      } else if (verdict === "reject") {
        const [record] = batch.records as [SurveyResponse];
        await moveToDeadLetter(
          [[record.id, { record, status: result.status, message: result.message, at: env.now() }]],
          deadLetters,
        );
        await handled(batch.records);
        waiting -= 1;
        options.onError?.({ message: result.message, status: result.status, ids, willRetry: false });
      } else {
        const delay = nextDelay(result, failures++, tuning, env.random, env.now());
        say(`${result.message}; ${waiting} answer(s) wait, next attempt in ${delay} ms`);
        options.onError?.({
          message: result.message,
          status: result.status,
          ids: [...ids, ...queue.flatMap((b) => b.records.map((r) => r.id))],
          willRetry: true,
        });
        schedule(delay);
        break;
      }
    }
    return { sent, waiting };
  };

  const flush = (): Promise<FlushResult> => {
    if (running) {
      followUp ??= running.then(() => {
        followUp = undefined;
        return flush();
      });
      return followUp;
    }
    // Held (consent pending): nothing is read or sent, not even the lock is asked for.
    if (isHeld()) return Promise.resolve({ sent: [], waiting: unsent.size });
    clearTimeout(timer);
    running = env
      .lock(attempt)
      .catch((error: unknown) => {
        options.onError?.({
          message: `delivery failed (${error})`,
          status: 0,
          ids: [...unsent.keys()],
          willRetry: true,
        });
        return { sent: [], waiting: unsent.size };
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const flushOnHide = () => {
    if (isHeld()) return;
    const todo = [...unsent.values()]
      .filter((r) => sentOnHide.get(r.id) !== r.revision)
      .sort((a, b) => b.updatedAt - a.updatedAt); // the answer just given first
    for (const batch of packBatches(todo, MAX_BATCH_RESPONSES, KEEPALIVE_BUDGET)) {
      // Over the budget the browser would refuse the request: left in IndexedDB for the next visit.
      if (keepaliveBytes + batch.bytes > KEEPALIVE_BUDGET) continue;
      const out = sendOnUnload(options.endpoint, batch.body);
      if (!out.sent) break;
      for (const r of batch.records) sentOnHide.set(r.id, r.revision);
      if (!out.response) continue; // a beacon: the next visit resends; the collector keeps one row
      keepaliveBytes += batch.bytes;
      void out.response.then(async (result) => {
        keepaliveBytes -= batch.bytes;
        if (!result.ok) for (const r of batch.records) sentOnHide.delete(r.id);
        else {
          const fresh = await handled(batch.records);
          if (fresh.length) options.onSent?.(fresh);
        }
      });
    }
  };

  return {
    accept(response, storageFailure) {
      unsent.set(response.id, response);
      acceptedDuringRead?.set(response.id, response);
      if (storageFailure !== undefined) storageFailed(storageFailure, [response.id]);
    },
    flush,
    flushOnHide,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    forget() {
      unsent.clear();
      acceptedDuringRead?.clear();
      clearTimeout(timer);
    },
  };
}
