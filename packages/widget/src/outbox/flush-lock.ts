// One flusher at a time across the tabs of an origin. Another tab waits, then finds the records
// already gone: answers are not sent twice as a matter of course. Should two ever overlap (a
// lease that expired, a browser with neither mechanism), the collector's one-row-per-id absorbs it.

/** The lock's name in the Web Locks API, and the lease's key in localStorage. */
export const FLUSH_LOCK = "sonde-outbox-flush";

/** What the lock needs from the browser; injectable for tests. */
export interface LockEnv {
  locks?: Pick<LockManager, "request"> | undefined;
  storage?: Pick<Storage, "getItem" | "setItem" | "removeItem"> | null;
  owner: string;
  now: () => number;
  random: () => number;
}

/** How long a lease holds before others may take it (a tab that died keeps it no longer). */
const LEASE_MS = 30_000;
/** How long a tab waits for a lease before it flushes anyway. */
const MAX_WAIT_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `task` holding the flush lock: the Web Locks API where present, else a lease in localStorage. */
export function withFlushLock<T>(task: () => Promise<T>, env: LockEnv = browserLockEnv()): Promise<T> {
  // The lock is held until the task's promise settles; request() resolves with its result.
  if (env.locks) return env.locks.request(FLUSH_LOCK, task) as unknown as Promise<T>;
  return env.storage ? withLease(task, env, env.storage) : task();
}

async function withLease<T>(task: () => Promise<T>, env: LockEnv, storage: NonNullable<LockEnv["storage"]>) {
  const mine = () => storage.getItem(FLUSH_LOCK)?.startsWith(`${env.owner} `) === true;
  const giveUpAt = env.now() + MAX_WAIT_MS;
  try {
    for (;;) {
      const [holder, until] = (storage.getItem(FLUSH_LOCK) ?? "").split(" ");
      if (!holder || Number(until) < env.now()) {
        storage.setItem(FLUSH_LOCK, `${env.owner} ${env.now() + LEASE_MS}`);
        // Two tabs may write at once; the later write wins and only its writer goes on.
        await sleep(20);
        if (mine()) break;
      }
      if (env.now() > giveUpAt) break;
      await sleep(50 + env.random() * 100);
    }
  } catch {
    // localStorage refused (blocked storage): go on without the lease.
  }
  try {
    return await task();
  } finally {
    try {
      if (mine()) storage.removeItem(FLUSH_LOCK);
    } catch {
      // Nothing to release.
    }
  }
}

function browserLockEnv(): LockEnv {
  let storage: Storage | null = null;
  try {
    storage = localStorage;
  } catch {
    // Access to localStorage can throw where storage is blocked.
  }
  return {
    locks: navigator.locks,
    storage,
    owner: Math.random().toString(36).slice(2),
    now: Date.now,
    random: Math.random,
  };
}
