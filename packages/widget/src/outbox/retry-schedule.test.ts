import { describe, expect, it } from "vitest";
import { backoffDelay, MAX_RETRY_AFTER_MS, nextDelay, retryAfterDelay, verdictFor } from "./retry-schedule.js";

describe("verdictFor", () => {
  it.each([
    [200, "delivered"],
    [204, "delivered"],
    [0, "retry"],
    [408, "retry"],
    [429, "retry"],
    [500, "retry"],
    [503, "retry"],
    [404, "retry"],
    [400, "reject"],
    [413, "reject"],
    [422, "reject"],
  ] as const)("HTTP %s → %s", (status, verdict) => {
    expect(verdictFor(status)).toBe(verdict);
  });
});

describe("backoffDelay (full jitter)", () => {
  it.each([
    // attempt, random, base, cap → delay
    [0, 0.5, 1000, 300_000, 500],
    [1, 0.5, 1000, 300_000, 1000],
    [3, 0.999, 1000, 300_000, 7992],
    [0, 0, 1000, 300_000, 0],
    [20, 0.5, 1000, 300_000, 150_000],
    [1000, 0.999, 1000, 300_000, 299_700],
  ])("attempt %s with random %s (base %s, cap %s) waits %s ms", (attempt, random, base, cap, expected) => {
    expect(backoffDelay(attempt, base, cap, () => random)).toBe(expected);
  });
});

describe("retryAfterDelay", () => {
  const now = Date.parse("2026-05-01T12:00:00Z");
  it.each([
    ["3", 3000],
    [" 0 ", 0],
    ["Fri, 01 May 2026 12:00:30 GMT", 30_000],
    ["Fri, 01 May 2026 11:00:00 GMT", 0],
    ["999999999", MAX_RETRY_AFTER_MS],
    ["soon", undefined],
    ["-5", undefined],
    ["", undefined],
    [null, undefined],
  ])("Retry-After %j → %s ms", (header, expected) => {
    expect(retryAfterDelay(header, now)).toBe(expected);
  });
});

describe("nextDelay", () => {
  const timing = { baseMs: 100, capMs: 10_000 };
  it.each([
    [{ status: 429, retryAfter: "2" }, 2000],
    [{ status: 503, retryAfter: "1" }, 1000],
    [{ status: 429, retryAfter: null }, 50],
    [{ status: 500, retryAfter: "60" }, 50], // Retry-After counts only on 429/503
    [{ status: 0 }, 50],
  ])("after %j waits %s ms (random 0.5, first failure)", (failure, expected) => {
    expect(nextDelay(failure, 0, timing, () => 0.5, 0)).toBe(expected);
  });
});
