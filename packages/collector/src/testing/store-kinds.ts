// The stores the contract suite runs against: SQLite on a fresh file, and PostgreSQL on a fresh
// database of a throwaway cluster (one per test file, started on first use, stopped after it).
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll } from "vitest";
import type { FiringRule } from "../store/alert-outbox.js";
import { openPgStore } from "../store/pg.js";
import { openSqliteStore } from "../store/sqlite.js";
import type { ResponseStore } from "../store/store.js";
import { tempDir } from "./fixtures.js";
import { findPgBin, type PgCluster, startPgCluster } from "./pg-cluster.js";

/** One kind of store, as `describe.each` takes it. */
export interface StoreKind {
  name: "sqlite" | "postgres";
  /** Why this kind is skipped here (undefined: it runs). */
  skip: string | undefined;
  /** A new, empty store. */
  open(options?: { alerts?: FiringRule }): Promise<ResponseStore>;
  /** Another store on the same database as `store` (another collector), for PostgreSQL. */
  url?(store: ResponseStore): string;
  /** Another store on the same database as `store`: a restart, or another collector. */
  reopen(store: ResponseStore): Promise<ResponseStore>;
  /** Rows of a query (in SQL both dialects read alike) through a connection of its own. */
  sql(store: ResponseStore, text: string): Promise<Record<string, unknown>[]>;
}

let cluster: Promise<PgCluster> | undefined;
let databases = 0;
const urls = new WeakMap<ResponseStore, string>();
const files = new WeakMap<ResponseStore, string>();

async function openSqlite(path: string, options: { alerts?: FiringRule } = {}): Promise<ResponseStore> {
  const store = openSqliteStore(path, { alerts: options.alerts });
  files.set(store, path);
  return store;
}

async function openPg(url: string, options: { alerts?: FiringRule } = {}): Promise<ResponseStore> {
  const store = await openPgStore(url, { alerts: options.alerts, poolSize: 4 });
  urls.set(store, url);
  return store;
}

/** A new database on this file's cluster, started on first use. */
export async function freshPgDatabase(): Promise<string> {
  cluster ??= startPgCluster();
  const { url } = await cluster;
  const name = `t${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return url.replace(/\/[^/]+$/, `/${name}`);
}

/**
 * PostgreSQL runs where its server binaries are installed; without them it is skipped here with the
 * reason printed, and fails under `CI=true`, where a skipped store would pass unnoticed.
 */
function pgSkip(): string | undefined {
  if (findPgBin()) return undefined;
  if (process.env.CI === "true" || process.env.CI === "1") return undefined; // runs, and fails naming what is missing
  const why =
    "PostgreSQL server binaries not found (apt-get install -y postgresql, or set PG_BIN): PostgreSQL cases skipped";
  console.warn(`sonde: ${why}`);
  return why;
}

/** SQLite and PostgreSQL, each opening fresh empty stores; call it at a test file's top level. */
export function storeKinds(): StoreKind[] {
  // Registered while the file is collected, so that the file's cluster stops when the file ends.
  afterAll(async () => {
    const started = cluster;
    cluster = undefined;
    (await started?.catch(() => undefined))?.stop();
  });
  return [
    {
      name: "sqlite",
      skip: undefined,
      open: (options = {}) => openSqlite(join(tempDir(), "store.sqlite"), options),
      reopen: (store) => openSqlite(files.get(store)!),
      sql: async (store, text) => {
        const db = new Database(files.get(store)!, { readonly: true });
        try {
          return db.prepare(text).all() as Record<string, unknown>[];
        } finally {
          db.close();
        }
      },
    },
    {
      name: "postgres",
      skip: pgSkip(),
      open: async (options = {}) => openPg(await freshPgDatabase(), options),
      url: (store) => urls.get(store)!,
      reopen: (store) => openPg(urls.get(store)!),
      sql: async (store, text) => {
        const client = new pg.Client({ connectionString: urls.get(store)! });
        await client.connect();
        try {
          return (await client.query(text)).rows;
        } finally {
          await client.end();
        }
      },
    },
  ];
}
