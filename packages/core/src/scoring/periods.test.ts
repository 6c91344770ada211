import { describe, expect, it } from "vitest";
import { coarsenPeriod, nextPeriod, parsePeriod, periodKeyer, periodOfDay, periodStarts } from "./periods.js";
import { seededRandom } from "./seeded-random.js";

// Independent references: Intl's own formatting of the calendar day (en-CA prints YYYY-MM-DD)
// and the textbook ISO-week rule on Date objects ("the week of the Thursday").
function referenceDay(timeZone: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return (ms) => format.format(ms);
}

function referenceWeek(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const isoDow = ((date.getUTCDay() + 6) % 7) + 1;
  date.setUTCDate(date.getUTCDate() + 4 - isoDow);
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe("ISO weeks", () => {
  it.each([
    ["2005-01-01", "2004-W53"],
    ["2005-01-02", "2004-W53"],
    ["2005-12-31", "2005-W52"],
    ["2007-01-01", "2007-W01"],
    ["2007-12-30", "2007-W52"],
    ["2007-12-31", "2008-W01"],
    ["2008-01-01", "2008-W01"],
    ["2008-12-28", "2008-W52"],
    ["2008-12-29", "2009-W01"],
    ["2008-12-31", "2009-W01"],
    ["2009-01-01", "2009-W01"],
    ["2009-12-31", "2009-W53"],
    ["2010-01-01", "2009-W53"],
    ["2010-01-03", "2009-W53"],
  ])("ISO 8601 worked examples (as listed under 'ISO week date'): %s is in %s", (day, week) => {
    expect(periodOfDay(dayNumber(day), "week")).toBe(week);
    expect(referenceWeek(day)).toBe(week); // the reference agrees with the standard too
  });

  it("matches the reference rule on every day from 1970 to 2100", () => {
    const last = dayNumber("2100-12-31");
    for (let day = 0; day <= last; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (periodOfDay(day, "day") !== iso) expect(periodOfDay(day, "day")).toBe(iso);
      const week = periodOfDay(day, "week");
      if (week !== referenceWeek(iso)) expect(`${iso} → ${week}`).toBe(`${iso} → ${referenceWeek(iso)}`);
    }
  });
});

describe("periodKeyer", () => {
  it.each([
    ["UTC", "2024-03-30T23:30:00Z", "2024-03-30", "2024-W13", "2024-03"],
    ["Europe/Paris", "2024-03-30T23:30:00Z", "2024-03-31", "2024-W13", "2024-03"],
    ["America/New_York", "2024-01-01T03:00:00Z", "2023-12-31", "2023-W52", "2023-12"],
    ["Asia/Kolkata", "2024-06-30T18:45:00Z", "2024-07-01", "2024-W27", "2024-07"],
    ["Pacific/Chatham", "2024-12-31T10:30:00Z", "2025-01-01", "2025-W01", "2025-01"],
    // Tehran moved its clocks at local midnight, 20:30 UTC — half-way through a UTC hour.
    ["Asia/Tehran", "2022-03-21T20:15:00Z", "2022-03-21", "2022-W12", "2022-03"],
    ["Asia/Tehran", "2022-03-21T20:29:59Z", "2022-03-21", "2022-W12", "2022-03"],
    ["Asia/Tehran", "2022-03-21T20:30:00Z", "2022-03-22", "2022-W12", "2022-03"],
    ["Asia/Tehran", "2022-03-21T20:45:00Z", "2022-03-22", "2022-W12", "2022-03"],
  ])("%s: %s falls on %s, in %s and %s", (zone, at, day, week, month) => {
    const ms = Date.parse(at);
    expect(periodKeyer("day", zone)(ms)).toBe(day);
    expect(periodKeyer("week", zone)(ms)).toBe(week);
    expect(periodKeyer("month", zone)(ms)).toBe(month);
  });

  it("agrees with Intl's own calendar day for random times and around every DST change (seeded)", () => {
    const random = seededRandom(20240601);
    const zones = [
      "UTC",
      "Europe/Paris",
      "America/New_York",
      "America/St_Johns",
      "Asia/Kolkata",
      "Australia/Lord_Howe",
      "Pacific/Chatham",
      "Asia/Tehran",
    ];
    const from = Date.parse("2000-01-01T00:00:00Z");
    const to = Date.parse("2030-12-31T00:00:00Z");
    for (const zone of zones) {
      const [day, week, month] = [periodKeyer("day", zone), periodKeyer("week", zone), periodKeyer("month", zone)];
      const reference = referenceDay(zone);
      for (let i = 0; i < 2000; i++) {
        const t = Math.floor(from + random() * (to - from));
        const want = reference(t);
        const got = [day(t), week(t), month(t)];
        const expected = [want, referenceWeek(want), want.slice(0, 7)];
        if (got.join() !== expected.join())
          expect(`${zone} ${new Date(t).toISOString()} → ${got}`).toBe(
            `${zone} ${new Date(t).toISOString()} → ${expected}`,
          );
      }
      // Every 15 minutes through 2022 (Tehran's last DST year) lands on both sides of each transition.
      const end = Date.parse("2023-01-01T00:00:00Z");
      for (let t = Date.parse("2022-01-01T00:00:00Z"); t < end; t += 900_000) {
        const [got, want] = [day(t), reference(t)];
        if (got !== want) expect(`${zone} ${new Date(t).toISOString()} → ${got}`).toBe(`… → ${want}`);
      }
    }
  }, 20_000);

  it.each([
    ["Mars/Olympus", /unknown time zone "Mars\/Olympus": use an IANA name such as "Europe\/Paris"/],
    ["", /unknown time zone ""/],
  ])("refuses time zone %j, naming it", (zone, message) => {
    expect(() => periodKeyer("day", zone)).toThrow(message);
  });

  it("refuses an unknown unit, naming it", () => {
    expect(() => periodKeyer("quarter" as never)).toThrow(/period must be "day", "week" or "month" \(got "quarter"\)/);
  });
});

describe("period keys", () => {
  it.each([
    ["2024-02-28", "2024-02-29"],
    ["2023-02-28", "2023-03-01"],
    ["2024-12-31", "2025-01-01"],
    ["2020-W53", "2021-W01"],
    ["2024-W52", "2025-W01"],
    ["2026-W53", "2027-W01"],
    ["2024-01", "2024-02"],
    ["2024-12", "2025-01"],
  ])("after %s comes %s", (key, next) => {
    expect(nextPeriod(key)).toBe(next);
  });

  it.each([
    ["2024-12-30", "week", "2025-W01"],
    ["2024-12-30", "month", "2024-12"],
    ["2024-12-30", "day", "2024-12-30"],
    ["2024-W10", "week", "2024-W10"],
  ] as const)("%s re-buckets into the %s %s", (key, unit, want) => {
    expect(coarsenPeriod(key, unit)).toBe(want);
  });

  it.each([
    ["2024-W01", "month", /cannot re-bucket week "2024-W01" into a month: keep day rows/],
    ["2024-01", "week", /cannot re-bucket month "2024-01" into a week/],
    ["2024-01", "day", /cannot re-bucket month/],
  ] as const)("%s cannot become a %s", (key, unit, message) => {
    expect(() => coarsenPeriod(key, unit)).toThrow(message);
  });

  it.each([
    "2024-13",
    "2024-00",
    "2024-02-30",
    "2023-02-29",
    "2021-W53",
    "2020-W54",
    "2024-W00",
    "24-01",
    "2024/01/01",
    "",
  ])("refuses the malformed key %j, naming it", (key) => {
    expect(() => parsePeriod(key)).toThrow(`period key must look like 2024-03-05, 2024-W10 or 2024-03 (got "${key}")`);
  });

  it("keys sort chronologically as strings within a unit", () => {
    const keys: string[] = [];
    for (let k = "2019-W50"; k <= "2021-W03"; k = nextPeriod(k)) keys.push(k);
    expect([...keys].sort()).toEqual(keys);
    expect(keys).toContain("2020-W53");
  });
});

describe("periodStarts", () => {
  const MIN15 = 15 * 60_000;
  // Each instant's period is the one of the last start at or before it.
  const keyedByStarts = (starts: number[], keyOf: (ms: number) => string) => (t: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (starts[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return keyOf(starts[lo]!);
  };

  it.each([
    ["day", "Europe/Copenhagen", "2024-01-01", "2025-01-01"],
    ["week", "Europe/Copenhagen", "2024-01-01", "2025-01-01"],
    ["month", "UTC", "2023-12-15", "2025-02-10"],
    ["day", "America/Santiago", "2024-01-01", "2025-01-01"], // back from 24:00 to 23:00
    ["day", "Asia/Beirut", "2024-01-01", "2025-01-01"], // back from 00:00 to 23:00
    ["day", "America/Asuncion", "2024-01-01", "2025-01-01"],
    ["day", "Africa/Cairo", "2024-01-01", "2025-01-01"],
    ["day", "America/Havana", "2024-01-01", "2025-01-01"], // back from 01:00 to 00:00
    ["day", "Australia/Lord_Howe", "2024-01-01", "2025-01-01"], // half-hour DST
    ["day", "Asia/Kathmandu", "2024-01-01", "2024-03-01"], // +05:45
    ["week", "Pacific/Chatham", "2024-01-01", "2025-01-01"], // +12:45/+13:45
    ["day", "Pacific/Apia", "2011-12-20", "2012-01-10"], // 30 December 2011 never happened there
  ] as const)("keys every quarter hour of %s in %s from %s as core does", (unit, zone, from, to) => {
    const since = Date.parse(`${from}T00:00:00Z`) + 7 * 60_000; // not on a boundary
    const until = Date.parse(`${to}T00:00:00Z`);
    const keyOf = periodKeyer(unit, zone);
    const starts = periodStarts(unit, zone, since, until);
    const viaStarts = keyedByStarts(starts, keyOf);
    const keys = new Set<string>();
    for (let t = since; t < until; t += MIN15) {
      expect(viaStarts(t), new Date(t).toISOString()).toBe(keyOf(t));
      keys.add(keyOf(t));
    }
    // One start per period, ascending, the first being `since`, each the first instant of its period.
    expect(starts.length).toBe(keys.size);
    expect(starts[0]).toBe(since);
    starts.slice(1).forEach((s, i) => {
      expect(s).toBeGreaterThan(starts[i]!);
      expect(keyOf(s - 1)).not.toBe(keyOf(s));
    });
  });

  it("skips a day that a time zone never had", () => {
    const since = Date.parse("2011-12-28T12:00:00Z");
    const starts = periodStarts("day", "Pacific/Apia", since, since + 4 * 86_400_000);
    const keys = starts.map(periodKeyer("day", "Pacific/Apia"));
    expect(keys).toContain("2011-12-29");
    expect(keys).toContain("2011-12-31");
    expect(keys).not.toContain("2011-12-30");
  });

  it("is only `since` for a range within one period, or an empty one", () => {
    const since = Date.parse("2024-03-05T10:00:00Z");
    expect(periodStarts("month", "UTC", since, since + 86_400_000)).toEqual([since]);
    expect(periodStarts("day", "UTC", since, since)).toEqual([since]);
  });
});
