// `npm run pack`: builds the packages from clean and writes installable tarballs of @sonde/core,
// @sonde/widget and @sonde/collector into dist-packages/ (`npm install ./dist-packages/…tgz`).
// pnpm packs them, so `workspace:*` dependencies become the versions they point at.
//   --no-build     pack what is built already (the e2e suite, which builds first)
//   --out <dir>    write the tarballs there instead of dist-packages/
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The packages a user installs, in the order they depend on each other. */
export const PACKAGES = ["core", "widget", "collector"];

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? "");
    throw new Error(`${command} ${args.join(" ")} failed in ${relative(root, cwd) || "."}`);
  }
  return result.stdout;
}

/** Builds (unless `build` is false) and packs the packages into `out`; returns the tarballs' paths. */
export function packPackages({ out = join(root, "dist-packages"), build = true } = {}) {
  if (build) {
    // From clean: a file left in dist/ by a removed source must not ship.
    for (const name of PACKAGES) rmSync(join(root, "packages", name, "dist"), { recursive: true, force: true });
    run("npx", ["-y", "pnpm@10", "run", "build"], root);
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const filters = PACKAGES.flatMap((name) => ["--filter", `@sonde/${name}`]);
  run("npx", ["-y", "pnpm@10", "-r", ...filters, "pack", "--pack-destination", out], root);
  return readdirSync(out)
    .filter((f) => f.endsWith(".tgz"))
    .sort()
    .map((f) => join(out, f));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { "no-build": { type: "boolean" }, out: { type: "string" } } });
  const tarballs = packPackages({ out: values.out ? resolve(values.out) : undefined, build: !values["no-build"] });
  const named = (pkg) => tarballs.find((t) => t.includes(`sonde-${pkg}-`)) ?? "";
  const shown = relative(process.cwd(), dirname(named("core")));
  console.log(`Installable packages in ${shown.startsWith("..") ? dirname(named("core")) : shown || "."}:`);
  for (const t of tarballs) console.log(`  ${t.slice(dirname(t).length + 1)}`);
  // The widget and the collector depend on core, which is not on the registry yet: install it alongside.
  console.log(`In your app, the widget:    npm install ${named("core")} ${named("widget")}`);
  console.log(`            the collector:  npm install ${named("core")} ${named("collector")}`);
}
