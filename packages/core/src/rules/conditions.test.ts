import { describe, expect, it } from "vitest";
import type { Condition } from "../schema/conditions.js";
import { explainConditions, matchCondition } from "./conditions.js";

// [condition, value, holds]
const cases: [Condition, unknown, boolean][] = [
  [{ key: "plan", op: "eq", value: "pro" }, "pro", true],
  [{ key: "plan", op: "eq", value: "pro" }, "Pro", false],
  [{ key: "seats", op: "eq", value: 3 }, "3", false],
  [{ key: "beta", op: "eq", value: true }, true, true],
  [{ key: "beta", op: "eq", value: false }, undefined, false],
  [{ key: "plan", op: "neq", value: "free" }, "pro", true],
  [{ key: "plan", op: "neq", value: "free" }, "free", false],
  [{ key: "plan", op: "neq", value: "free" }, undefined, false],
  [{ key: "plan", op: "neq", value: "free" }, null, false],
  [{ key: "seats", op: "gt", value: 10 }, 11, true],
  [{ key: "seats", op: "gt", value: 10 }, 10, false],
  [{ key: "seats", op: "gt", value: 10 }, "11", false],
  [{ key: "seats", op: "gte", value: 10 }, 10, true],
  [{ key: "seats", op: "gte", value: 10 }, 9.99, false],
  [{ key: "seats", op: "lt", value: 10 }, 9, true],
  [{ key: "seats", op: "lt", value: 10 }, 10, false],
  [{ key: "seats", op: "lt", value: 10 }, undefined, false],
  [{ key: "seats", op: "lte", value: 10 }, 10, true],
  [{ key: "seats", op: "lte", value: 10 }, 10.01, false],
  [{ key: "seats", op: "lte", value: 0 }, -1, true],
  [{ key: "seats", op: "gte", value: 0 }, true, false],
  [{ key: "email", op: "contains", value: "@acme." }, "ana@acme.io", true],
  [{ key: "email", op: "contains", value: "@acme." }, "ana@other.io", false],
  [{ key: "email", op: "contains", value: "1" }, 123, false],
  [{ key: "email", op: "contains", value: "" }, "", true],
  [{ key: "plan", op: "in", value: ["pro", "team"] }, "team", true],
  [{ key: "plan", op: "in", value: ["pro", "team"] }, "free", false],
  [{ key: "seats", op: "in", value: [1, 2, 3] }, 2, true],
  [{ key: "seats", op: "in", value: [1, 2, 3] }, "2", false],
  [{ key: "plan", op: "in", value: ["pro"] }, undefined, false],
  [{ key: "plan", op: "exists" }, "free", true],
  [{ key: "plan", op: "exists" }, "", true],
  [{ key: "plan", op: "exists" }, false, true],
  [{ key: "plan", op: "exists" }, undefined, false],
  [{ key: "plan", op: "exists" }, null, false],
  [{ key: "plan", op: "exists", value: true }, 0, true],
  [{ key: "plan", op: "exists", value: false }, undefined, true],
  [{ key: "plan", op: "exists", value: false }, null, true],
  [{ key: "plan", op: "exists", value: false }, "pro", false],
];

describe("matchCondition", () => {
  it.each(cases)("%j on %j → %s", (condition, value, holds) => {
    expect(matchCondition(condition, value), `${JSON.stringify(condition)} on ${JSON.stringify(value)}`).toBe(holds);
  });

  it("covers every operator", () => {
    const ops = new Set(cases.map(([c]) => c.op));
    expect([...ops].sort()).toEqual(["contains", "eq", "exists", "gt", "gte", "in", "lt", "lte", "neq"]);
  });
});

describe("explainConditions", () => {
  const plan: Condition = { key: "plan", op: "eq", value: "pro" };
  const seats: Condition = { key: "seats", op: "gte", value: 10 };

  it.each([
    ["all hold", [plan, seats], { plan: "pro", seats: 10 }, "all", undefined],
    ["an empty group holds", [], {}, "all", undefined],
    ["an empty any-group holds", [], {}, "any", undefined],
    ["the first failure of all", [plan, seats], { plan: "free", seats: 3 }, "all", 'plan "free", wanted eq "pro"'],
    ["a missing value, in words", [seats], { plan: "pro" }, "all", "seats unknown, wanted gte 10"],
    ["empty attributes", [plan], {}, "all", 'plan unknown, wanted eq "pro"'],
    ["no attributes at all", [plan], undefined, "all", 'plan unknown, wanted eq "pro"'],
    ["one of any is enough", [plan, seats], { plan: "free", seats: 12 }, "any", undefined],
    [
      "every failure of any",
      [plan, seats],
      { plan: "free", seats: 3 },
      "any",
      'plan "free", wanted eq "pro" or seats 3, wanted gte 10',
    ],
    [
      "exists: false",
      [{ key: "coupon", op: "exists", value: false }],
      { coupon: "X" },
      "all",
      'coupon "X", wanted exists false',
    ],
  ] as const)("%s", (_, conditions, values, match, reason) => {
    expect(
      explainConditions(conditions as unknown as Condition[], values, match),
      JSON.stringify({ conditions, values }),
    ).toBe(reason);
  });
});
