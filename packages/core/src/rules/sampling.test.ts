import { describe, expect, it } from "vitest";
import { hash32, samplingBucket } from "./sampling.js";

const N = 100_000;
const ids = {
  sequential: (i: number) => `user-${i}`,
  numeric: (i: number) => String(i),
  uuid: (i: number) => `${i.toString(16).padStart(8, "0")}-4f1c-8a2b-9c3d-5e6f7a8b9c0d`,
};

describe("samplingBucket", () => {
  it("is the same for the same person and survey, every time", () => {
    for (let i = 0; i < 1000; i++) {
      const id = ids.sequential(i);
      expect(samplingBucket(id, "nps-pricing")).toBe(samplingBucket(id, "nps-pricing"));
    }
    // Pinned values: a change here re-rolls every sampled person, so it must be deliberate.
    expect(hash32("")).toBe(0x811c9dc5);
    expect(hash32("a")).toBe(0xe40c292c);
  });

  it("lies in 0–99.99 in steps of 0.01", () => {
    for (let i = 0; i < 10_000; i++) {
      const b = samplingBucket(ids.uuid(i), "csat");
      expect(b >= 0 && b < 100 && Number.isInteger(Math.round(b * 100)), `bucket ${b}`).toBe(true);
    }
  });

  it.each(Object.entries(ids).flatMap(([kind, id]) => [1, 10, 50, 90].map((p) => [kind, p, id] as const)))(
    "puts %s ids in a %d % sample within ±0.5 points over 100,000 people",
    (_, percent, id) => {
      let inside = 0;
      for (let i = 0; i < N; i++) if (samplingBucket(id(i), "nps-pricing") < percent) inside++;
      const share = (100 * inside) / N;
      expect(Math.abs(share - percent), `share ${share}% for ${percent}%`).toBeLessThanOrEqual(0.5);
    },
  );

  it("decides each survey independently: 10 % of one and 10 % of another overlap in about 1 %", () => {
    let both = 0;
    for (let i = 0; i < N; i++) {
      const id = ids.sequential(i);
      if (samplingBucket(id, "nps-pricing") < 10 && samplingBucket(id, "csat-checkout") < 10) both++;
    }
    expect(Math.abs((100 * both) / N - 1), `overlap ${(100 * both) / N}%`).toBeLessThanOrEqual(0.2);
  });
});
