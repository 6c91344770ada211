import { describe, expect, it } from "vitest";
import { type BucketUnit, bucketer } from "./results-buckets.js";
import { seededRandom } from "./seed/seed.js";

const at = (iso: string) => Date.parse(iso);

describe("labelOf puts an instant in its local day, ISO week or month", () => {
  const cases: [string, BucketUnit, string, string][] = [
    ["2025-03-29T22:59:00Z", "day", "Europe/Copenhagen", "2025-03-29"],
    ["2025-03-29T23:30:00Z", "day", "Europe/Copenhagen", "2025-03-30"],
    ["2025-07-01T21:59:59Z", "day", "Europe/Copenhagen", "2025-07-01"],
    ["2025-07-01T22:00:00Z", "day", "Europe/Copenhagen", "2025-07-02"],
    ["2025-06-01T18:29:00Z", "day", "Asia/Kolkata", "2025-06-01"],
    ["2025-06-01T18:30:00Z", "day", "Asia/Kolkata", "2025-06-02"],
    ["2025-06-01T18:14:00Z", "day", "Asia/Kathmandu", "2025-06-01"],
    ["2025-06-01T18:15:00Z", "day", "Asia/Kathmandu", "2025-06-02"],
    ["2025-11-02T04:30:00Z", "day", "America/New_York", "2025-11-02"],
    ["2025-01-01T00:00:00Z", "day", "UTC", "2025-01-01"],
    ["2024-12-31T12:00:00Z", "week", "UTC", "2024-12-30"],
    ["2026-01-01T12:00:00Z", "week", "UTC", "2025-12-29"],
    ["2025-03-09T23:30:00Z", "week", "Europe/Copenhagen", "2025-03-10"],
    ["2025-03-09T22:30:00Z", "week", "Europe/Copenhagen", "2025-03-03"],
    ["2025-02-28T23:30:00Z", "month", "Europe/Copenhagen", "2025-03"],
    ["2025-02-28T23:30:00Z", "month", "UTC", "2025-02"],
    ["2024-02-29T12:00:00Z", "month", "Pacific/Auckland", "2024-03"],
  ];
  it.each(cases)("%s as a %s in %s → %s", (instant, unit, zone, label) => {
    expect(bucketer(unit, zone).labelOf(at(instant))).toBe(label);
  });

  it("agrees with Intl on the local date of random instants (brute-force reference)", () => {
    const random = seededRandom(42);
    for (const zone of ["Europe/Copenhagen", "America/Sao_Paulo", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"]) {
      const days = bucketer("day", zone);
      const local = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
      for (let i = 0; i < 2000; i++) {
        const ms = Math.floor(at("2015-01-01T00:00:00Z") + random() * 15 * 365 * 86_400_000);
        const expected = local.format(ms);
        if (days.labelOf(ms) !== expected)
          throw new Error(`${new Date(ms).toISOString()} in ${zone}: ${days.labelOf(ms)} ≠ ${expected}`);
      }
    }
  });
});

describe("cover lists the buckets of a period, with their real instants", () => {
  it("gives a 23-hour day when clocks go forward and a 25-hour day when they go back", () => {
    const spring = bucketer("day", "Europe/Copenhagen").cover(at("2025-03-30T00:00:00Z"), at("2025-03-30T12:00:00Z"));
    expect(spring).toEqual([
      { label: "2025-03-30", start: at("2025-03-29T23:00:00Z"), end: at("2025-03-30T22:00:00Z") },
    ]);
    const autumn = bucketer("day", "America/New_York").cover(at("2025-11-02T12:00:00Z"), at("2025-11-02T13:00:00Z"));
    expect(autumn[0]!.end - autumn[0]!.start).toBe(25 * 3_600_000);
  });

  it("covers a period with whole weeks that start on Monday, and months of their real length", () => {
    const weeks = bucketer("week", "UTC").cover(at("2025-01-01T00:00:00Z"), at("2025-01-20T00:00:00Z"));
    expect(weeks.map((b) => b.label)).toEqual(["2024-12-30", "2025-01-06", "2025-01-13"]);
    const months = bucketer("month", "UTC").cover(at("2024-01-15T00:00:00Z"), at("2024-03-02T00:00:00Z"));
    expect(months.map((b) => [b.label, (b.end - b.start) / 86_400_000])).toEqual([
      ["2024-01", 31],
      ["2024-02", 29],
      ["2024-03", 31],
    ]);
  });

  it("finds the first instant of a local date", () => {
    expect(bucketer("day", "Europe/Copenhagen").startOfDate("2025-03-30")).toBe(at("2025-03-29T23:00:00Z"));
    expect(bucketer("day", "Asia/Kolkata").startOfDate("2025-06-02")).toBe(at("2025-06-01T18:30:00Z"));
  });
});
