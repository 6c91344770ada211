import { describe, expect, it } from "vitest";
import { checkRecord } from "./record-check.js";

const valid = {
  id: "resp-check-1",
  surveyId: "nps",
  revision: 2,
  completed: true,
  answers: { score: { kind: "nps", value: 9 } },
  createdAt: 1,
  updatedAt: 2,
  anonymousId: "anon",
  userId: null,
  context: { url: "https://host.example/" },
  schemaVersion: 1,
};

describe("checkRecord", () => {
  it("accepts a valid record", () => {
    expect(checkRecord("resp-check-1", valid)).toEqual({ ok: true, response: valid });
  });

  it.each([
    ["a string", "garbage", 'outbox["k"]: is not a response record (got garbage)'],
    ["null", null, "is not a response record (got null)"],
    ["an array", [1], "(got an array)"],
    [
      "no schema version",
      { ...valid, schemaVersion: undefined },
      'outbox["resp-check-1"].schemaVersion: must be a whole number',
    ],
    ["a bad id", { ...valid, id: "x y" }, ".id: must be 8–64 letters, digits, '_' or '-' (got \"x y\")"],
    ["a revision that is text", { ...valid, revision: "2" }, '.revision: must be a whole number ≥ 0 (got "2")'],
    ["no answers", { ...valid, answers: null }, ".answers: must be an object"],
  ])("skips %s as corrupt, naming the field", (_, value, message) => {
    const key = (value as { id?: string } | null)?.id ?? "k";
    const check = checkRecord(key, value);
    expect(check.ok).toBe(false);
    expect(check.ok || check.keep).toBe(false);
    expect(check.ok ? "" : check.message).toContain(message);
  });

  it("skips a record stored under another key than its id", () => {
    const check = checkRecord("other-key-1", valid);
    expect(check.ok ? "" : check.message).toContain('is stored under another key than its id "resp-check-1"');
  });

  it("keeps a record written by a newer Sonde (schema version 2) without sending it", () => {
    const check = checkRecord("resp-check-1", { ...valid, schemaVersion: 2 });
    expect(check).toMatchObject({ ok: false, keep: true });
    expect(check.ok ? "" : check.message).toContain("newer than this Sonde's (1)");
  });
});
