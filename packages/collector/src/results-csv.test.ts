import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./results-csv.js";

describe("csvCell (RFC 4180, safe to open in a spreadsheet)", () => {
  const cases: [unknown, string][] = [
    ["plain", "plain"],
    ["Ærø, København", '"Ærø, København"'],
    ['the "Team" plan', '"the ""Team"" plan"'],
    ["two\nlines", '"two\nlines"'],
    ["cr\r\nlf", '"cr\r\nlf"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+1+1", "'+1+1"],
    ["-10 points", "'-10 points"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tindent", "'\tindent"],
    ["非常好用，终于", "非常好用，终于"],
    [-5, "-5"],
    [0, "0"],
    [true, "true"],
    [null, ""],
    [undefined, ""],
  ];
  it.each(cases)("%j → %j", (value, cell) => {
    expect(csvCell(value as string)).toBe(cell);
  });

  it("ends a row with CRLF", () => {
    expect(csvRow(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });
});
