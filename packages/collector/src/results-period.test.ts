import { seededRandom } from "@sonde/core";
import { describe, expect, it } from "vitest";
import { zoneDays } from "./results-period.js";

const at = (iso: string) => Date.parse(iso);

describe("zoneDays finds where local days begin", () => {
  const cases: [string, string, string][] = [
    ["Europe/Copenhagen", "2025-03-30", "2025-03-29T23:00:00Z"],
    ["Europe/Copenhagen", "2025-03-31", "2025-03-30T22:00:00Z"],
    ["Europe/Copenhagen", "2025-10-27", "2025-10-26T23:00:00Z"],
    ["Asia/Kolkata", "2025-06-02", "2025-06-01T18:30:00Z"],
    ["Asia/Kathmandu", "2025-06-02", "2025-06-01T18:15:00Z"],
    ["America/New_York", "2025-11-03", "2025-11-03T05:00:00Z"],
    ["Pacific/Kiritimati", "2025-03-01", "2025-02-28T10:00:00Z"],
    ["UTC", "2025-01-01", "2025-01-01T00:00:00Z"],
  ];
  it.each(cases)("in %s, %s starts at %s", (zone, date, instant) => {
    expect(new Date(zoneDays(zone).startOfDate(date)).toISOString()).toBe(new Date(instant).toISOString());
  });

  it("agrees with Intl on random instants: the start of their day is that date's midnight (brute-force reference)", () => {
    const random = seededRandom(42);
    for (const zone of ["Europe/Copenhagen", "America/Sao_Paulo", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"]) {
      const days = zoneDays(zone);
      const local = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
      for (let i = 0; i < 2000; i++) {
        const ms = Math.floor(at("2015-01-01T00:00:00Z") + random() * 15 * 365 * 86_400_000);
        const start = days.startOfDay(ms);
        const fail = `${new Date(ms).toISOString()} in ${zone}: day starts ${new Date(start).toISOString()}`;
        if (local.format(start) !== local.format(ms) || local.format(start - 1) === local.format(ms))
          throw new Error(fail);
        if (start !== days.startOfDate(local.format(ms))) throw new Error(fail);
      }
    }
  });
});
