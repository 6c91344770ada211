// Runs the cross-engine journeys (Playwright Test, e2e/engines/playwright.config.ts) the way the
// test command does: `node e2e/engines/run.mjs [playwright args…]`, after a build.
//
// - Under xvfb-run (not exec'd: as PID 1 it misses Xvfb's ready signal): WebKitGTK's MiniBrowser has no headless mode.
// - As root, in namespaces of its own (unshare): a network with loopback only, where taking WebKit
//   offline (removing the default route its network monitor watches) touches nothing outside; and
//   a PID namespace, so that when the run ends or is killed, every browser it started dies with it.
//   Elsewhere it runs without them, and WebKit's offline journey is skipped.
// - A hard limit: whatever hangs, the run ends.
import { spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const playwright = join(here, "../../node_modules/.bin/playwright");
const config = join(here, "playwright.config.ts");
const HARD_LIMIT_MS = 8 * 60_000;

const ns = ["--net", "--pid", "--mount-proc", "--fork", "--kill-child"];
const isolated = spawnSync("unshare", [...ns, "true"], { stdio: "ignore" }).status === 0;
const test = [playwright, "test", "-c", config, ...process.argv.slice(2)];
const [command, args] = isolated
  ? [
      "unshare",
      [...ns, "sh", "-c", 'ip link set lo up && ip route add default dev lo && xvfb-run -a "$@"', "sh", ...test],
    ]
  : ["xvfb-run", ["-a", ...test]];
if (!isolated)
  console.warn("engines: cannot make a network namespace (needs root): WebKit's offline journey is skipped");

const child = spawn(command, args, {
  stdio: "inherit",
  detached: true,
  env: { ...process.env, SONDE_ENGINES_NETNS: isolated ? "1" : "" },
});
const stop = (why) => {
  console.error(`engines: ${why}; stopping the run`);
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {}
};
const timer = setTimeout(() => stop(`still running after ${HARD_LIMIT_MS / 60_000} minutes`), HARD_LIMIT_MS);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(`got ${signal}`));
child.on("exit", (code, signal) => {
  clearTimeout(timer);
  process.exit(code ?? (signal ? 1 : 0));
});
