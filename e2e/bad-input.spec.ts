import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { repoRoot } from "./support/collector.js";
import { expect, prompt, test } from "./support/fixtures.js";
import { hostPage } from "./support/host.js";
import { snippet } from "./support/snippet.js";

// Bad input never throws into the host page and never stops the good parts: a config Sonde cannot
// use leaves it inert with each bad field named by its path; definitions are guarded survey by
// survey. The precise messages come from core's schema, in the `diagnose` chunk, loaded only now.

const nps = (id: string) => ({
  id,
  steps: [{ kind: "nps", id: "score", question: "How likely are you to recommend us?" }],
  rules: { triggers: [{ type: "pageview" }] },
});

/** Console errors and uncaught errors of the page, and the scripts it downloads. */
function watch(page: Page) {
  const errors: string[] = [];
  const thrown: string[] = [];
  const scripts: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => thrown.push(String(e)));
  page.on("request", (r) => r.resourceType() === "script" && scripts.push(new URL(r.url()).pathname));
  return { errors, thrown, scripts, text: () => errors.join("\n") };
}

const loaded = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { sonde?: { loaded?: boolean } }).sonde?.loaded === true);

test("an invalid config in data attributes: each bad field by path, Sonde inert, nothing thrown", async ({
  page,
  host,
  collector,
}) => {
  const seen = watch(page);
  await page.goto(
    host.page("/bad-config-attributes", {
      html: hostPage({
        endpoint: `${collector.url}/v1/responses`,
        surveys: JSON.stringify([nps("nps-bad-attrs")]),
        consent: "maybe",
        "cooldown-days": "soon",
      }),
    }),
  );
  await loaded(page);
  await expect.poll(seen.text).toContain('config.consent: must be one of "granted", "pending", "denied" (got "maybe")');
  expect(seen.text()).toContain("config.cooldownDays");
  await page.waitForTimeout(300);
  await expect(prompt(page)).toHaveCount(0);
  expect(seen.scripts.some((s) => s.includes("/diagnose-"))).toBe(true);
  // The API still answers: calls are kept for a valid init(), none throws.
  await page.evaluate(() => (window as unknown as { sonde: (...a: unknown[]) => unknown }).sonde("track", "x"));
  expect(seen.thrown).toEqual([]);
});

test("an invalid config given to init(): reported by path; a valid init() afterwards starts Sonde", async ({
  page,
  host,
  collector,
}) => {
  const seen = watch(page);
  await page.goto(
    host.page("/bad-config-init", {
      html: `<!doctype html><html><head><script>${snippet("/sonde/sonde.js")}
sonde("init", { endpoint: 42, surveys: [] });
</script></head><body>Host</body></html>`,
    }),
  );
  await loaded(page);
  await expect.poll(seen.text).toContain("config.endpoint: must be a string (got 42)");
  await expect(prompt(page)).toHaveCount(0);
  await page.evaluate(
    ([endpoint, surveys]) =>
      (window as unknown as { sonde: (...a: unknown[]) => unknown }).sonde("init", { endpoint, surveys }),
    [`${collector.url}/v1/responses`, [nps("nps-after-bad-init")]] as const,
  );
  await expect(prompt(page).getByRole("dialog")).toBeVisible();
  expect(seen.thrown).toEqual([]);
});

test("one malformed survey among good ones: the good one shows, the bad one is named with its path-precise errors", async ({
  page,
  host,
  collector,
}) => {
  const seen = watch(page);
  host.page("/definitions/one-bad.json", {
    html: JSON.stringify({
      surveys: [
        { ...nps("nps-bad-one"), priority: 9, steps: [{ kind: "nps", id: "score" }] },
        { ...nps("nps-good-one"), rules: { triggers: [{ type: "pageview" }], sampling: 100 } },
      ],
    }),
    headers: { "content-type": "application/json" },
  });
  await page.goto(
    host.page("/one-bad", {
      html: hostPage({ endpoint: `${collector.url}/v1/responses`, "surveys-url": "/definitions/one-bad.json" }),
    }),
  );
  await expect(prompt(page).getByRole("dialog")).toBeVisible();
  await expect.poll(seen.text).toContain("surveys[0].steps[0].question: is required");
  expect(seen.text()).toContain('surveys[0] ("nps-bad-one") is malformed and is skipped');
  expect(seen.text()).toContain("sonde-collector check");
  // Reported once, not at every evaluation.
  expect(seen.errors.filter((e) => e.includes('"nps-bad-one"')).length).toBe(1);
  expect(seen.thrown).toEqual([]);
});

for (const [name, body, says] of [
  ["definitions that are not JSON", "<html><body>Maintenance</body></html>", "are not JSON"],
  ["definitions of the wrong top-level shape", JSON.stringify({ survey: [nps("nps-shape")] }), "not a list of surveys"],
] as const)
  test(`${name}: reported, nothing shown, nothing thrown`, async ({ page, host, collector }) => {
    const seen = watch(page);
    const path = `/definitions/${name.replace(/\W+/g, "-")}.json`;
    host.page(path, { html: body, headers: { "content-type": "application/json" } });
    await page.goto(
      host.page(`/page-${name.replace(/\W+/g, "-")}`, {
        html: hostPage({ endpoint: `${collector.url}/v1/responses`, "surveys-url": path }),
      }),
    );
    await loaded(page);
    await expect.poll(seen.text).toContain(says);
    await page.waitForTimeout(300);
    await expect(prompt(page)).toHaveCount(0);
    expect(seen.thrown).toEqual([]);
  });

test("`sonde-collector check` names the same mistakes and exits 1", () => {
  const dir = mkdtempSync(join(tmpdir(), "sonde-bad-input-"));
  const cli = join(repoRoot, "packages/collector/dist/cli.js");
  const files = {
    "one-bad.json": JSON.stringify({
      surveys: [{ ...nps("bad"), steps: [{ kind: "nps", id: "score" }] }, nps("good")],
    }),
    "not-json.json": "<html>",
    "wrong-shape.json": JSON.stringify({ survey: [nps("shape")] }),
  };
  const said: Record<string, string> = {};
  for (const [file, text] of Object.entries(files)) {
    writeFileSync(join(dir, file), text);
    try {
      execFileSync(process.execPath, [cli, "check", join(dir, file)], { encoding: "utf8", stdio: "pipe" });
      said[file] = "exit 0";
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      said[file] = `exit ${e.status}\n${e.stdout}${e.stderr}`;
    }
  }
  expect(said["one-bad.json"]).toMatch(/^exit 1\n/);
  expect(said["one-bad.json"]).toContain("surveys[0].steps[0].question: is required");
  expect(said["not-json.json"]).toMatch(/^exit 1\n/);
  expect(said["not-json.json"]).toMatch(/line 1, column 1/);
  expect(said["wrong-shape.json"]).toMatch(/^exit 1\n/);
});
