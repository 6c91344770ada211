import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, nextAttempt } from "./retry-schedule.js";

const HOUR = 3_600_000;

describe("nextAttempt", () => {
  // [failed attempt, random, wait]: base 5 s doubling, capped at 1 h, drawn in [half, all].
  const cases: [number, number, number][] = [
    [1, 0, 2_500],
    [1, 1, 5_000],
    [2, 0.5, 7_500],
    [3, 1, 20_000],
    [10, 1, 2_560_000],
    [11, 1, HOUR],
    [11, 0, HOUR / 2],
    [500, 1, HOUR],
  ];
  it.each(cases)("after attempt %i with random %d waits %i ms", (attempts, random, wait) => {
    expect(nextAttempt(DEFAULT_RETRY, attempts, 0, 1000, () => random)).toBe(1000 + wait);
  });

  it("retries for 24 h: the last attempt at the end of the window, then gives up", () => {
    let now = 0;
    let attempts = 0;
    const times: number[] = [];
    for (;;) {
      attempts++;
      const next = nextAttempt(DEFAULT_RETRY, attempts, 0, now, () => 0.5);
      if (next === null) break;
      times.push(next);
      now = next;
    }
    expect(times.at(-1)).toBe(24 * HOUR);
    expect(attempts).toBeGreaterThan(25);
    expect(attempts).toBeLessThan(45);
    // Backoff: every wait is at least the one before it.
    const waits = times.map((t, i) => t - (times[i - 1] ?? 0));
    expect(waits.slice(0, -1).every((w, i) => i === 0 || w >= waits[i - 1]!)).toBe(true);
  });
});
