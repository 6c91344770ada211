// The worker thread of `workerRunner`: its own read-only connection to the SQLite file, one job
// at a time, each answered with its JSON body or its refusal (or the error it threw).
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { Survey } from "@sonde/core";
import { type ReadJob, runReadJob } from "./read-jobs.js";
import { openSqliteStore } from "./store/sqlite.js";

// On Linux a nice value belongs to a thread: this one yields the CPU to the thread that answers
// requests whenever both want it (elsewhere it would slow the whole process, so it is left alone).
if (process.platform === "linux") {
  try {
    setPriority(10);
  } catch {
    // not allowed here: run at the same priority
  }
}

const { db, surveys } = workerData as { db: string; surveys: Survey[] };
const store = openSqliteStore(db, { readonly: true });

parentPort!.on("message", (message: { job: ReadJob; now: number; deadline: number; timeMs: number }) => {
  try {
    const budget = { deadline: message.deadline, timeMs: message.timeMs };
    parentPort!.postMessage({ outcome: runReadJob(message.job, { store, surveys, now: message.now, budget }) });
  } catch (error) {
    const e = error as Error & { code?: string };
    parentPort!.postMessage({ error: { message: e.message, stack: e.stack, code: e.code } });
  }
});
