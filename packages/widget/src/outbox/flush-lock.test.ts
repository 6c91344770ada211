import { afterEach, describe, expect, it } from "vitest";
import { FLUSH_LOCK, type LockEnv, withFlushLock } from "./flush-lock.js";

afterEach(() => localStorage.removeItem(FLUSH_LOCK));

/** Runs tasks through `lock` at once and returns the most that ever ran together. */
async function mostAtOnce(lock: (task: () => Promise<void>) => Promise<void>, count = 5) {
  let active = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: count }, () =>
      lock(async () => {
        most = Math.max(most, ++active);
        await new Promise((resolve) => setTimeout(resolve, 15));
        active--;
      }),
    ),
  );
  return most;
}

const leaseEnv = (owner: string): LockEnv => ({
  locks: undefined,
  storage: localStorage,
  owner,
  now: Date.now,
  random: Math.random,
});

describe("withFlushLock", () => {
  it("lets one flusher at a time through the Web Locks API", async () => {
    expect(navigator.locks).toBeDefined();
    expect(await mostAtOnce((task) => withFlushLock(task))).toBe(1);
  });

  it("falls back to a lease in localStorage where Web Locks are missing", async () => {
    let n = 0;
    expect(await mostAtOnce((task) => withFlushLock(task, leaseEnv(`tab-${n++}`)), 3)).toBe(1);
    expect(localStorage.getItem(FLUSH_LOCK)).toBeNull(); // released
  });

  it("takes over a lease its holder let expire (a tab that died)", async () => {
    localStorage.setItem(FLUSH_LOCK, `dead-tab ${Date.now() - 1}`);
    let ran = false;
    await withFlushLock(async () => {
      ran = true;
      expect(localStorage.getItem(FLUSH_LOCK)).toMatch(/^live-tab /);
    }, leaseEnv("live-tab"));
    expect(ran).toBe(true);
  });

  it("runs the task anyway where neither Web Locks nor storage exist", async () => {
    const result = await withFlushLock(async () => 42, { ...leaseEnv("x"), storage: null });
    expect(result).toBe(42);
  });
});
