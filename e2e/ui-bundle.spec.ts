import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./support/collector.js";
import { expect, prompt, test } from "./support/fixtures.js";
import { hostPage } from "./support/host.js";

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
  // sonde.js imports nothing statically (the host's `load` never waits for Sonde) and boot through
  // import() once `load` has fired; the UI and each language are reached only through import() too.
  expect(staticImports(read("sonde"))).toEqual([]);
  expect([...read("sonde").matchAll(/import\(\s*["'`]([^"'`]+)/g)].map((m) => m[1])).toEqual([
    expect.stringMatching(/^\.\/boot-[\w-]+\.js$/),
  ]);
  expect(staticImports(read("boot"))).toEqual([]);
});

test("no zod on a page's path: sonde.js, boot, the prompt and the languages hold none; diagnose holds it", () => {
  // Definitions are validated where they enter (the collector, `sonde-collector check`); the page
  // trusts them after cheap guards, and loads `diagnose` (zod, core's schemas, the formatter) only
  // to say what is wrong, or in debug mode and preview.
  const diagnose = read("diagnose");
  for (const marker of [...ZOD_OR_CORE, "duplicate step id", "must offer at least one choice"])
    expect(diagnose, `diagnose lacks ${marker}: the markers are stale`).toContain(marker);
  const onThePath = files.filter((f) => !f.startsWith("diagnose-"));
  for (const f of onThePath) {
    const code = readFileSync(join(dir, f), "utf8");
    for (const marker of [...ZOD_OR_CORE, "duplicate step id"])
      expect(code, `${f} holds ${marker}`).not.toContain(marker);
  }
  // No chunk on the path imports diagnose statically: it is reached only through import().
  for (const f of onThePath)
    expect(staticImports(readFileSync(join(dir, f), "utf8")), f).not.toContainEqual(expect.stringMatching(/diagnose/));
  const present = read("present");
  const more = read("more-bodies");
  expect(staticImports(present).every((path) => /^\.\/boot-[\w-]+\.js$/.test(path))).toBe(true);
  expect(staticImports(more).every((path) => /^\.\/(present|boot)-[\w-]+\.js$/.test(path))).toBe(true);
  expect(present).toContain(PREACT[0]);
});

test("a page whose config and definitions are valid never downloads diagnose", async ({ page, host, collector }) => {
  const scripts: string[] = [];
  page.on("request", (r) => r.resourceType() === "script" && scripts.push(new URL(r.url()).pathname));
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(
    host.page("/pricing", {
      html: hostPage({ endpoint: `${collector.url}/v1/responses`, "surveys-url": `${collector.url}/v1/surveys` }),
    }),
  );
  await expect(prompt(page).getByRole("dialog")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(scripts.some((s) => /\/present-/.test(s))).toBe(true);
  expect(scripts.filter((s) => /\/diagnose-/.test(s))).toEqual([]);
  expect(errors).toEqual([]);
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

test("no chunk's namespace helper walks inherited keys (a host page's Object.prototype pollution breaks it)", () => {
  // rolldown.config.mjs rewrites the helper's for…in to own keys; the minified form of the original.
  for (const f of files)
    expect(readFileSync(join(dir, f), "utf8"), f).not.toMatch(/for\(var (\w+) in (\w+)\)\w+\(\w+,\1,\{get:\2\[\1\]/);
});

test("no chunk evaluates strings as code", () => {
  for (const f of files) {
    const code = readFileSync(join(dir, f), "utf8");
    expect(code, f).not.toMatch(/\beval\(|new Function\(|\bFunction\(["'`]/);
  }
});
