import type { SurveyResponse } from "@sonde/core";
import type { UseStore } from "idb-keyval";
import type { Delivery } from "./delivery.js";
import type { OutboxTuning } from "./tuning.js";

// This file is on every page's boot path, so it stays tiny: it writes answers to IndexedDB and
// checks cheaply whether anything waits. Even IndexedDB's wrapper (idb-keyval) loads only when
// the outbox first needs its database: when a prompt is about to show (`prepare`), so that an
// answer given offline is still stored, or when an earlier visit left the database. The delivery machinery (retries, backoff, Retry-After,
// dead letters, keepalive/beacon on unload, the cross-tab lock) is `delivery.ts`, a separate chunk
// loaded only when there is something to send: on load if an earlier visit left records, else at
// the first answer. (Chromium fetches a chunk again after an import failed offline; a browser that
// does not leaves the answer in IndexedDB for the next visit.)

/** A delivery or storage failure, for the host's `error` event. */
export interface OutboxError {
  message: string;
  /** The endpoint's HTTP status; 0 for network errors, timeouts and storage failures. */
  status: number;
  /** The responses concerned. */
  ids: string[];
  /** True when the records stay queued and go again; false when they were given up (dead letter). */
  willRetry: boolean;
}

/** Records removed without being delivered, and why. */
export interface OutboxDrop {
  reason: "expired" | "overflow" | "corrupt";
  /** Response ids (or the store keys of corrupt records). */
  ids: string[];
  message: string;
}

/** How one flush ended. */
export interface FlushResult {
  /** Responses the endpoint accepted during this flush. */
  sent: string[];
  /** Responses still waiting afterwards (retry scheduled, held, offline). */
  waiting: number;
}

/** Options of an outbox. */
export interface OutboxOptions {
  /** Where batches are POSTed. Another origin works: ordinary sends use CORS, unload sends need no preflight. */
  endpoint: string;
  /** The endpoint accepted these responses (a 2xx); they have left IndexedDB. */
  onSent?: (ids: string[]) => void;
  /** A failure: `willRetry` says whether the records stay queued or were given up. */
  onError?: (error: OutboxError) => void;
  /** Records dropped unsent: older than the TTL, beyond the cap, or unreadable. */
  onDropped?: (drop: OutboxDrop) => void;
  /** Keep everything stored and send nothing until `hold(false)` (e.g. while consent is pending). */
  hold?: boolean;
  /** Report storage fallbacks, drops and retries on the console. */
  debug?: boolean;
  /** Timings and limits (defaults: 1 s base, 5 min cap, 10 s timeout, 30 days, 1,000 records); JSON text allowed. */
  tuning?: Partial<OutboxTuning> | string;
  /** Stores, for tests: the outbox and the dead-letter store. */
  store?: UseStore;
  deadLetterStore?: UseStore;
}

/**
 * Every answer passes through the outbox: written to IndexedDB first, sent in batches, removed
 * only after a 2xx. Flushes after each answer, on load, on `online`, and — with keepalive — when
 * the page is hidden or left. Nothing here throws into the host page.
 */
export interface Outbox {
  /** Persists a response (new, or a higher revision of one); resolves once stored, then a flush follows. */
  enqueue(response: SurveyResponse): Promise<void>;
  /** Sends what is waiting; resolves when this attempt is over (it never rejects). */
  flush(): Promise<FlushResult>;
  /** Holds every delivery (true) or releases them and flushes (false). */
  hold(held: boolean): void;
  /** Loads what storing an answer needs, before there is one (a prompt is about to show). */
  prepare(): void;
  /** Deletes every answer still waiting, unsent (consent withdrawn). Creates no database where none is. */
  discard(): Promise<void>;
  /** Starts the flush moments: now if an earlier visit left records, on `online`, on hide/unload. */
  start(): void;
  /** Removes listeners and timers; stored records stay for the next visit. */
  stop(): void;
}

/** The outbox's IndexedDB database. */
const OUTBOX_DB = "sonde-outbox";

/**
 * Whether the outbox's database exists, so that a page can tell "nothing waits" without
 * creating it: opening an IndexedDB database creates it, and a page where nobody answers
 * has no use for it. True where the browser cannot list databases.
 */
async function outboxExists(): Promise<boolean> {
  if (typeof indexedDB.databases !== "function") return true;
  const names = (await indexedDB.databases()).map((db) => db.name);
  return names.includes(OUTBOX_DB);
}

/** Creates the outbox for one endpoint. Creating it does nothing until `start()` or `enqueue()`. */
export function createOutbox(options: OutboxOptions): Outbox {
  // idb-keyval and the store, loaded on first use; a failed load is tried again at the next use.
  // Destructured where imported: a namespace object of the chunk would make the bundler emit its
  // helper, whose for…in a host's Object.prototype pollution breaks.
  let idb: Promise<Pick<typeof import("idb-keyval"), "clear" | "createStore" | "keys" | "set">> | undefined;
  const kv = () =>
    (idb ??= (async () => {
      const { clear, createStore, keys, set } = await import("idb-keyval");
      return { clear, createStore, keys, set };
    })().catch((error: unknown) => {
      idb = undefined;
      throw error;
    }));
  let opened: Promise<UseStore> | undefined;
  const store = () =>
    (opened ??= options.store
      ? Promise.resolve(options.store)
      : kv().then(
          (m) => m.createStore(OUTBOX_DB, "responses"),
          (error: unknown) => {
            opened = undefined;
            throw error;
          },
        ));
  // Records IndexedDB refused: kept for this page and sent at once.
  const memory = new Map<string, SurveyResponse>();
  let held = options.hold === true;
  let stopped = false;
  let loading: Promise<Delivery> | undefined;
  let delivery: Delivery | undefined;
  const load = () =>
    (loading ??= Promise.all([import("./delivery.js"), store()]).then(
      ([m, s]) => {
        delivery = m.createDelivery(options, s, memory, () => held);
        if (stopped) delivery.stop();
        return delivery;
      },
      (error: unknown) => {
        loading = undefined; // try again at the next flush moment
        throw error;
      },
    ));
  const flush = (before?: (d: Delivery) => void): Promise<FlushResult> =>
    load().then(
      (d) => {
        before?.(d);
        return d.flush();
      },
      (error: unknown) => {
        options.onError?.({
          message: `could not load the delivery code (${error})`,
          status: 0,
          ids: [],
          willRetry: true,
        });
        return { sent: [], waiting: -1 };
      },
    );
  const onOnline = () => void flush();
  // pagehide may come while the page still counts as visible; visibilitychange only when hidden.
  const onHide = (event: Event) => {
    if (event.type === "pagehide" || document.visibilityState === "hidden") delivery?.flushOnHide();
  };
  return {
    async enqueue(response) {
      let failure: unknown;
      try {
        await (await kv()).set(response.id, response, await store());
      } catch (error) {
        memory.set(response.id, response);
        failure = error;
      }
      void flush((d) => d.accept(response, failure));
    },
    flush: () => flush(),
    hold(on) {
      held = on;
      if (!on) void flush();
    },
    prepare() {
      kv().then(store, () => {});
    },
    async discard() {
      memory.clear();
      delivery?.forget();
      if (options.store || (await outboxExists())) await (await kv()).clear(await store());
    },
    start() {
      addEventListener("online", onOnline);
      addEventListener("pagehide", onHide);
      document.addEventListener("visibilitychange", onHide);
      // Through a promise: with IndexedDB missing, idb-keyval throws synchronously. Where no
      // earlier page left the outbox's database, nothing waits and it is not created.
      (options.store ? Promise.resolve(true) : outboxExists())
        .then(async (exists) => (exists ? (await kv()).keys(await store()) : []))
        .then(
          (waiting) => waiting.length && void flush(),
          () => {},
        );
    },
    stop() {
      stopped = true;
      removeEventListener("online", onOnline);
      removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onHide);
      delivery?.stop();
    },
  };
}
