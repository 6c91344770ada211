import type { SurveyResponse } from "@sonde/core";
import { describe, expect, it } from "vitest";
import { packBatches } from "./batches.js";

const record = (i: number, text = ""): SurveyResponse => ({
  id: `resp-batch-${String(i).padStart(4, "0")}`,
  surveyId: "nps",
  revision: 1,
  completed: true,
  answers: { score: { kind: "nps", value: i % 11 }, ...(text ? { why: { kind: "open", value: text } } : {}) },
  createdAt: i,
  updatedAt: i,
  anonymousId: "anon",
  userId: null,
  context: { url: "https://host.example/" },
  schemaVersion: 1,
});

describe("packBatches", () => {
  it("splits by count, keeps order, and each body parses back to its records", () => {
    const records = Array.from({ length: 1203 }, (_, i) => record(i));
    const batches = packBatches(records, 500, 10_000_000);
    expect(batches.map((b) => b.records.length)).toEqual([500, 500, 203]);
    expect(batches.flatMap((b) => b.records)).toEqual(records);
    for (const b of batches) {
      expect(JSON.parse(b.body)).toEqual({ responses: b.records });
      expect(b.bytes).toBe(new TextEncoder().encode(b.body).length);
    }
  });

  it("splits by UTF-8 bytes, never over the limit unless one record alone is larger", () => {
    const records = [record(1, "é".repeat(900)), record(2, "x".repeat(900)), record(3, "ø".repeat(3000)), record(4)];
    const batches = packBatches(records, 500, 2500);
    for (const b of batches) {
      if (b.records.length > 1) expect(b.bytes, b.records.map((r) => r.id).join()).toBeLessThanOrEqual(2500);
    }
    expect(batches.map((b) => b.records.map((r) => r.createdAt))).toEqual([[1], [2], [3], [4]]);
    expect(packBatches(records.slice(0, 2), 500, 4000).length).toBe(1);
  });

  it("packs nothing into no batch", () => {
    expect(packBatches([], 500, 1000)).toEqual([]);
  });
});
