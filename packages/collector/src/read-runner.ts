// Where the read API's jobs run. A heavy query on the thread that answers requests would hold
// every page's `GET /v1/surveys` and every answer's POST until it ends; in a worker thread with its
// own read-only connection (SQLite's WAL lets it read while the main thread writes) it holds
// nothing, and the worker can be cut off when it runs out of time or memory.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Survey } from "@sonde/core";
import { type ReadJob, type ReadOutcome, runReadJob } from "./read-jobs.js";
import type { ResultsContext } from "./results.js";
import { outOfTime, QUERY_TIME_BUDGET_MS } from "./results-budget.js";

/** Runs read jobs, one answer each. */
export interface ReadRunner {
  run(job: ReadJob): Promise<ReadOutcome>;
  /** Stops the worker, refusing jobs still waiting. */
  close(): Promise<void>;
}

/** Runs jobs on the calling thread, within the time budget: for an app embedded with any store. */
export function inlineRunner(context: () => ResultsContext, timeMs = QUERY_TIME_BUDGET_MS): ReadRunner {
  return {
    run: async (job) => {
      const ctx = context();
      return runReadJob(job, { ...ctx, budget: { deadline: Date.now() + timeMs, timeMs, ...ctx.budget } });
    },
    close: async () => {},
  };
}

/** What a worker runner needs and allows. */
export interface WorkerRunnerOptions {
  /** The SQLite file; the worker opens it read-only. */
  db: string;
  /** The definitions, or where to get them now (they change while the collector runs). */
  surveys: readonly Survey[] | (() => readonly Survey[]);
  now: () => number;
  /** Time a job may take, waiting included (default 20 s); the worker is cut off a second later. */
  timeMs?: number;
  /** The worker's heap limit (default 1024 MB); a job that needs more is stopped and the worker replaced. */
  memoryMb?: number;
  /** Jobs that may wait while one runs (default 32); beyond, 503 with Retry-After. */
  maxWaiting?: number;
}

interface Pending {
  job: ReadJob;
  deadline: number;
  resolve(outcome: ReadOutcome): void;
  reject(error: Error): void;
}

/** The built worker program: beside this module in dist, or the build's when running from source (tests). */
function workerFile(): URL {
  for (const candidate of ["./read-worker.js", "../dist/read-worker.js"]) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error("read-worker.js is missing: build the collector first (npx -y pnpm@10 run build)");
}

const unavailable = (line: string): ReadOutcome => ({ ok: false, status: 503, errors: [line] });

/** Runs jobs one at a time in a worker thread; the event loop that answers requests never waits for them. */
export function workerRunner(options: WorkerRunnerOptions): ReadRunner {
  const timeMs = options.timeMs ?? QUERY_TIME_BUDGET_MS;
  const memoryMb = options.memoryMb ?? 1024;
  const maxWaiting = options.maxWaiting ?? 32;
  const file = workerFile();
  const surveys = typeof options.surveys === "function" ? options.surveys : () => options.surveys as Survey[];
  // The list the worker holds: sent again only when the definitions have changed since.
  let sent: readonly Survey[] | undefined;
  const waiting: Pending[] = [];
  let worker: Worker | undefined;
  let current: (Pending & { worker: Worker; timer: NodeJS.Timeout }) | undefined;
  let closed = false;

  /** Ends the job in hand on worker `w` (if it is still in hand), then starts the next. */
  const settle = (w: Worker, end: (job: Pending) => void) => {
    const done = current;
    if (!done || done.worker !== w) return;
    clearTimeout(done.timer);
    current = undefined;
    end(done);
    next();
  };

  const spawn = () => {
    sent = surveys();
    const w = new Worker(file, {
      workerData: { db: options.db, surveys: sent },
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    w.on("message", (message: { outcome?: ReadOutcome; error?: { message: string; stack?: string; code?: string } }) =>
      settle(w, (job) =>
        message.outcome ? job.resolve(message.outcome) : job.reject(Object.assign(new Error(), message.error)),
      ),
    );
    // Out of memory, cut off, or crashed: the job in hand is refused, the next job gets a new worker.
    const gone = (line: string) => {
      if (worker === w) worker = undefined;
      settle(w, (job) => job.resolve(unavailable(line)));
    };
    w.on("error", (error: Error & { code?: string }) =>
      gone(
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? `the query needed more than ${memoryMb} MB of memory, the limit; ask for a shorter period or fewer breakdowns`
          : `the query failed (${error.message})`,
      ),
    );
    w.on("exit", () => gone(outOfTime({ timeMs })));
    w.unref();
    return w;
  };

  const next = () => {
    if (current || closed) return;
    let pending = waiting.shift();
    // A job that used up its time waiting is refused without running.
    while (pending && Date.now() > pending.deadline) {
      pending.resolve(unavailable(outOfTime({ timeMs })));
      pending = waiting.shift();
    }
    if (!pending) return;
    worker ??= spawn();
    const w = worker;
    // Past its deadline without an answer (stuck beyond its own checks): cut the worker off.
    const timer = setTimeout(() => void w.terminate(), pending.deadline - Date.now() + 1000);
    current = { ...pending, worker: w, timer };
    const list = surveys();
    const changed = list !== sent ? list : undefined;
    sent = list;
    w.postMessage({ job: pending.job, now: options.now(), deadline: pending.deadline, timeMs, surveys: changed });
  };

  return {
    run(job) {
      if (closed) return Promise.resolve(unavailable("the collector is stopping"));
      if (waiting.length >= maxWaiting) {
        return Promise.resolve(unavailable("too many queries are waiting; retry in a few seconds"));
      }
      return new Promise<ReadOutcome>((resolve, reject) => {
        waiting.push({ job, deadline: Date.now() + timeMs, resolve, reject });
        next();
      });
    },
    async close() {
      closed = true;
      for (const pending of waiting.splice(0)) pending.resolve(unavailable("the collector is stopping"));
      const w = worker;
      worker = undefined;
      await w?.terminate();
    },
  };
}
