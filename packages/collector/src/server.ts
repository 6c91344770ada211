import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { openSqliteStore } from "./store/sqlite.js";
import { loadSurveysFile } from "./surveys.js";

/** Options of a running collector. */
export interface CollectorOptions {
  port?: number;
  host?: string;
  /** Path of the SQLite file (created when missing). */
  db: string;
  /** Path of the surveys JSON file. */
  surveys?: string;
}

/** A running collector. */
export interface RunningCollector {
  url: string;
  close(): Promise<void>;
}

/** Starts the collector: validates surveys (throws if invalid), opens SQLite, listens. */
export async function startCollector(options: CollectorOptions): Promise<RunningCollector> {
  const surveys = options.surveys ? loadSurveysFile(options.surveys) : [];
  const store = openSqliteStore(options.db);
  const app = createApp({ store, surveys });
  const host = options.host ?? "127.0.0.1";
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, () => resolve(s));
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
      }),
  };
}
