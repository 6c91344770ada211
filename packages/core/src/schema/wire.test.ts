import { describe, expect, it } from "vitest";
import { MAX_ANSWERS, MAX_ATTRIBUTES } from "./limits.js";
import { parseBatch } from "./parse.js";

const response = (over: Record<string, unknown> = {}, context: Record<string, unknown> = {}) => ({
  id: "resp-000001",
  surveyId: "nps-pricing",
  revision: 1,
  completed: true,
  answers: { score: { kind: "nps", value: 9 } },
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  anonymousId: "anon-1",
  context: { url: "https://lumen.example/pricing/", locale: "da-DK", device: "desktop", ...context },
  schemaVersion: 1,
  ...over,
});

const errors = (r: unknown) => {
  const result = parseBatch({ responses: [r] });
  return result.ok ? [] : result.errors;
};

const nps = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i}`, { kind: "nps", value: 9 }]));
const attributes = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`a${i}`, "x"]));

describe("the wire format bounds the work one response can cause", () => {
  it(`takes ${MAX_ANSWERS} answers and ${MAX_ATTRIBUTES} attributes, not one more`, () => {
    expect(errors(response({ answers: nps(MAX_ANSWERS) }, { attributes: attributes(MAX_ATTRIBUTES) }))).toEqual([]);
    expect(errors(response({ answers: nps(MAX_ANSWERS + 1) }))).toEqual([
      `responses[0].answers: must hold at most ${MAX_ANSWERS} answers`,
    ]);
    expect(errors(response({}, { attributes: attributes(MAX_ATTRIBUTES + 1) }))).toEqual([
      `responses[0].context.attributes: must hold at most ${MAX_ATTRIBUTES} attributes`,
    ]);
  });
});

describe("clean text: identifiers and context are refused with control characters or unpaired surrogates", () => {
  const why = "must not contain control characters or unpaired surrogates";
  it.each([
    ["a NUL in the URL", response({}, { url: "https://a.example/\u0000x" }), "responses[0].context.url"],
    ["a lone surrogate in the URL", response({}, { url: "https://a.example/\ud800" }), "responses[0].context.url"],
    ["a newline in the locale", response({}, { locale: "da\nDK" }), "responses[0].context.locale"],
    ["a lone low surrogate in the locale", response({}, { locale: "da\udc00" }), "responses[0].context.locale"],
    ["an escape in the anonymous id", response({ anonymousId: "a\u001b[2J" }), "responses[0].anonymousId"],
    ["a C1 control in the user id", response({ userId: "u\u0085" }), "responses[0].userId"],
    [
      "a control in an attribute name",
      response({}, { attributes: { "pl\u0007an": "pro" } }),
      "responses[0].context.attributes",
    ],
  ])("%s", (_, r, path) => {
    expect(errors(r).join("\n")).toContain(`${path}`);
    expect(errors(r).join("\n")).toContain(why);
  });

  it("keeps well-formed text of any script, emoji included", () => {
    expect(
      errors(response({ userId: "Ærø-用户-💥" }, { url: "https://ø.example/på/日本", locale: "zh-Hans" })),
    ).toEqual([]);
  });
});

describe("clean text: free text keeps what was typed, made valid", () => {
  it("replaces unpaired surrogates and control characters with U+FFFD, keeping tabs and line breaks", () => {
    const result = parseBatch({
      responses: [
        response(
          {
            answers: {
              c: { kind: "open", value: "fine\tline\r\nnext \ud83d end\u0000 \u001b[31m 💥" },
              o: { kind: "single", value: "other", other: "\udfff" },
            },
          },
          { attributes: { plan: "pro\ud800" } },
        ),
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [r] = result.value.responses;
    expect(r!.answers.c).toEqual({ kind: "open", value: "fine\tline\r\nnext \ufffd end\ufffd \ufffd[31m 💥" });
    expect(r!.answers.o).toEqual({ kind: "single", value: "other", other: "\ufffd" });
    expect(r!.context.attributes).toEqual({ plan: "pro\ufffd" });
    expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(JSON.stringify(r)))).toBeTruthy();
  });
});
