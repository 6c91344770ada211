import { describe, expect, it } from "vitest";
import { DEFAULT_TUNING, resolveTuning } from "./tuning.js";

describe("resolveTuning", () => {
  it("takes JSON text from the script tag and objects from code", () => {
    const warnings: string[] = [];
    expect(resolveTuning('{"baseMs":50,"timeoutMs":800}', (w) => warnings.push(w))).toEqual({
      ...DEFAULT_TUNING,
      baseMs: 50,
      timeoutMs: 800,
    });
    expect(resolveTuning({ maxRecords: 10 }, (w) => warnings.push(w)).maxRecords).toBe(10);
    expect(resolveTuning(undefined, (w) => warnings.push(w))).toEqual(DEFAULT_TUNING);
    expect(warnings).toEqual([]);
  });

  it.each([
    ["{baseMs:50}", "outbox tuning must be JSON"],
    ['{"baseMs":-1}', "outbox tuning.baseMs must be a number ≥ 0 (got -1); using 1000"],
    ['{"capMs":"5m"}', 'outbox tuning.capMs must be a number ≥ 0 (got "5m")'],
    ['{"retries":3}', "outbox tuning.retries is not a setting"],
  ])("reports %s and keeps the defaults", (input, message) => {
    const warnings: string[] = [];
    expect(resolveTuning(input, (w) => warnings.push(w))).toEqual(DEFAULT_TUNING);
    expect(warnings.join("\n")).toContain(message);
  });
});
