// Query parameters are read strictly: a date that does not exist, a number written any other way
// than as digits, or a period that holds no time is refused with a line naming the parameter.
import { describe, expect, it } from "vitest";
import { parseCommentsQuery, parseResultsQuery, resolvePeriod } from "./results-query.js";

const errors = (q: Record<string, string>) => {
  const parsed = parseResultsQuery(q);
  return parsed.ok ? [] : parsed.errors;
};

describe("dates are real calendar dates", () => {
  it.each([
    ["2025-02-30", "from"],
    ["2025-02-29", "from"],
    ["2025-13-01", "to"],
    ["2025-00-10", "from"],
    ["2025-04-31", "to"],
    ["2025-02-30T10:00:00Z", "from"],
    ["2025-03-01T24:00:00Z", "to"],
    ["2025-03-01T23:60:00Z", "from"],
    ["2025-03-01T23:59:60Z", "from"],
    ["2025-03-01T10:00:00+24:00", "from"],
  ])("refuses %s", (value, name) => {
    const lines = errors({ [name]: value });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${name}: must be (a real date from 1970 to 9998|a date such as)`));
    expect(lines[0]).toContain(JSON.stringify(value));
  });

  it.each(["2024-02-29", "2025-12-31", "2025-03-01T23:59:59.999Z", "2025-03-01T10:00+05:30"])("takes %s", (value) => {
    expect(errors({ from: value })).toEqual([]);
  });
});

describe("numbers are written as digits", () => {
  it.each(["1e2", "0x10", " 5", "5 ", "+5", "5.0", "-1", "0", "501", "١٢"])("refuses top=%j", (top) => {
    expect(errors({ top })).toEqual([`top: must be a whole number from 1 to 500 (got ${JSON.stringify(top)})`]);
  });

  it("takes top=05 and limit=100", () => {
    expect(parseResultsQuery({ top: "05" })).toMatchObject({ ok: true, value: { top: 5 } });
    expect(parseCommentsQuery({ limit: "100" })).toMatchObject({ ok: true, value: { limit: 100 } });
    expect(parseCommentsQuery({ limit: "1e2" }).ok).toBe(false);
  });
});

describe("a period that holds no time says why, with what a missing end defaulted to", () => {
  const now = Date.parse("2025-06-15T12:00:00Z");
  const period = (from?: string, to?: string) => resolvePeriod({ from, to, timeZone: "UTC" }, undefined, now);

  it("from after today, without to", () => {
    expect(period("2025-07-01")).toEqual({
      ok: false,
      errors: [
        "from: must not be after today, where the period ends when to is not given (got from 2025-07-01; today ends 2025-06-15 in UTC)",
      ],
    });
  });

  it("to before from", () => {
    expect(period("2025-03-10", "2025-03-01")).toEqual({
      ok: false,
      errors: ["to: must be after from (got from 2025-03-10, to 2025-03-01)"],
    });
  });

  it("takes one day, and to alone", () => {
    expect(period("2025-03-01", "2025-03-01").ok).toBe(true);
    expect(period(undefined, "2025-03-01").ok).toBe(true);
  });
});
