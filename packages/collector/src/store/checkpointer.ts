import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

// The worker's whole program, plain CommonJS so that it runs from source and from dist alike.
const program = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma("busy_timeout = 1000");
const timer = setInterval(() => {
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {}
}, workerData.every);
parentPort.on("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** A background checkpointer; `stop` ends it. */
export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Copies the WAL back into the database file from a worker thread every `every` ms, so that the
 * thread answering requests does not pay for it on the commit that crosses the WAL's size limit.
 * A PASSIVE checkpoint never blocks writers; the worker never keeps the process alive.
 */
export function startCheckpointer(path: string, every = 250): Checkpointer {
  const module = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(program, { eval: true, workerData: { path, module, every } });
  worker.unref();
  // A checkpoint that fails (disk full, file gone) is retried by SQLite's own autocheckpoint.
  worker.on("error", () => {});
  return {
    stop: () =>
      new Promise((resolve) => {
        worker.once("exit", () => resolve());
        worker.postMessage("stop");
        setTimeout(() => void worker.terminate(), 1000).unref();
      }),
  };
}
