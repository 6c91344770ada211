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

const { db } = workerData as { db: string };
// The definitions as of the worker's start, replaced by those a job brings when they have changed.
let surveys = (workerData as { surveys: Survey[] }).surveys;
const store = openSqliteStore(db, { readonly: true });

type Message = { job: ReadJob; now: number; deadline: number; timeMs: number; surveys?: Survey[] };

// The runner sends the next job only once this one is answered, so jobs never overlap here.
parentPort!.on("message", async (message: Message) => {
  if (message.surveys) surveys = message.surveys;
  try {
    const budget = { deadline: message.deadline, timeMs: message.timeMs };
    parentPort!.postMessage({ outcome: await runReadJob(message.job, { store, surveys, now: message.now, budget }) });
  } catch (error) {
    const e = error as Error & { code?: string };
    parentPort!.postMessage({ error: { message: e.message, stack: e.stack, code: e.code } });
  }
});
