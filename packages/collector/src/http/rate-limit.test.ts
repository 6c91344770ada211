import { describe, expect, it } from "vitest";
import { tokenBuckets } from "./rate-limit.js";

describe("token buckets", () => {
  it("allows a burst, then one request per 1/rate seconds, with Retry-After rounded up", () => {
    const buckets = tokenBuckets({ rate: 0.5, burst: 3 });
    const t = 1_000_000;
    expect([1, 2, 3].map(() => buckets.take("ip", t).ok)).toEqual([true, true, true]);
    expect(buckets.take("ip", t)).toEqual({ ok: false, retryAfter: 2 });
    expect(buckets.take("ip", t + 1000)).toEqual({ ok: false, retryAfter: 1 });
    expect(buckets.take("ip", t + 2000).ok).toBe(true);
    expect(buckets.take("ip", t + 2000).ok).toBe(false);
  });

  it("never refills above the burst", () => {
    const buckets = tokenBuckets({ rate: 100, burst: 2 });
    buckets.take("ip", 0);
    const later = 3_600_000;
    expect([1, 2, 3].map(() => buckets.take("ip", later).ok)).toEqual([true, true, false]);
  });

  it("keeps memory bounded, and a flood of new addresses does not free a limited client", () => {
    const buckets = tokenBuckets({ rate: 1, burst: 5 }, 100);
    for (let i = 0; i < 5; i++) buckets.take("busy", 0);
    for (let i = 0; i < 1000; i++) buckets.take(`ip-${i}`, 0);
    expect(buckets.size()).toBeLessThanOrEqual(100);
    expect(buckets.take("busy", 0).ok).toBe(false);
  });
});
