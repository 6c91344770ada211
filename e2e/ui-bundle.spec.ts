import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { repoRoot } from "./support/collector.js";

// What the built script-tag files may and may not hold (the build under test: packages/widget/dist/cdn).
const dir = join(repoRoot, "packages/widget/dist/cdn");
const files = readdirSync(dir).filter((f) => f.endsWith(".js"));
const read = (prefix: string) => {
  const name = files.find((f) => f === `${prefix}.js` || f.startsWith(`${prefix}-`));
  if (!name) throw new Error(`no ${prefix} chunk in ${dir}: run the build first`);
  return readFileSync(join(dir, name), "utf8");
};
const staticImports = (code: string) =>
  [...code.matchAll(/(?:^|[;}\n])\s*import\s*[^("'`]*from\s*["'`]([^"'`]+)/g)].map((m) => m[1]!);

// Strings only Preact's renderer holds, and strings only zod or @sonde/core hold.
const PREACT = ["dangerouslySetInnerHTML", "getDerivedStateFromError"];
const ZOD_OR_CORE = ["_zod", "invalid_type", "must be 1–64 letters"];

test("the script tag and the boot chunk hold no Preact, no UI and no UI strings", () => {
  for (const chunk of ["sonde", "boot"]) {
    const code = read(chunk);
    for (const marker of [...PREACT, "Not at all likely", ":host{all:initial"])
      expect(code, `${chunk} holds ${marker}`).not.toContain(marker);
    expect(code, chunk).not.toContain("innerHTML");
  }
  // sonde.js imports boot and nothing else; the UI and each language are reached only through import().
  expect(staticImports(read("sonde"))).toEqual([expect.stringMatching(/^\.\/boot-[\w-]+\.js$/)]);
  expect(staticImports(read("boot"))).toEqual([]);
});

test("the UI chunks hold no zod: what they need of core they take from the boot chunk", () => {
  // `present` is the UI (Preact, components, styles), the code that shows a survey and the step
  // schemas it checks a survey with first; `more-bodies` holds the less common kinds.
  const present = read("present");
  const more = read("more-bodies");
  // The markers are real: the boot chunk, which validates surveys, holds every one of them.
  for (const marker of ZOD_OR_CORE) expect(read("boot")).toContain(marker);
  for (const [name, code] of [
    ["present", present],
    ["more-bodies", more],
  ] as const)
    for (const marker of ZOD_OR_CORE) expect(code, `${name} holds ${marker}`).not.toContain(marker);
  expect(staticImports(present).every((path) => /^\.\/boot-[\w-]+\.js$/.test(path))).toBe(true);
  expect(staticImports(more).every((path) => /^\.\/(present|boot)-[\w-]+\.js$/.test(path))).toBe(true);
  expect(present).toContain(PREACT[0]);
  // The step schemas load with the prompt: a page where no survey is due never downloads them.
  for (const message of ["duplicate step id", "must offer at least one choice"]) {
    expect(present).toContain(message);
    expect(read("boot")).not.toContain(message);
  }
});

test("each language's strings live in its own chunk and nowhere else", () => {
  for (const [code, phrase] of [
    ["en", "Not at all likely"],
    ["de", "Überhaupt nicht wahrscheinlich"],
    ["ar", "غير محتمل إطلاقًا"],
  ] as const) {
    const holders = files.filter((f) => readFileSync(join(dir, f), "utf8").includes(phrase));
    expect(holders.map((f) => f.split("-")[0])).toEqual([code]);
  }
});

test("every chunk has V8 compile its functions while it streams in, off the main thread", () => {
  // Without the hint each function compiles on the main thread when first called; on a page
  // where no survey is due that doubled Sonde's main-thread time (BENCHMARKS.md).
  for (const f of files)
    expect(readFileSync(join(dir, f), "utf8").split("\n")[0], f).toBe("//# allFunctionsCalledOnLoad");
});

test("no chunk evaluates strings as code", () => {
  for (const f of files) {
    const code = readFileSync(join(dir, f), "utf8");
    expect(code, f).not.toMatch(/\beval\(|new Function\(|\bFunction\(["'`]/);
  }
});
