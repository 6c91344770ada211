// A throwaway PostgreSQL cluster for the benches, as src/testing/pg-cluster.ts starts one for the
// tests but durable (fsync stays on): `initdb` in a temporary directory, trust on 127.0.0.1 only,
// a free port, one database; stopped and removed when the process exits.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/**
 * Starts the cluster (with `settings`, `-c name=value …`, added); resolves with the `postgres://…`
 * URL of its database `sonde`, the server's major version and the path of its log.
 */
export async function startBenchCluster(settings = "") {
  const base = "/usr/lib/postgresql";
  const version = readdirSync(base).find((v) => existsSync(join(base, v, "bin", "initdb")));
  const bin = join(base, version, "bin");
  const dir = mkdtempSync(join(tmpdir(), "sonde-pg-bench-"));
  const data = join(dir, "data");
  const asUser = {};
  if (process.getuid() === 0) {
    const line = execFileSync("getent", ["passwd", "postgres"]).toString().split(":");
    Object.assign(asUser, { uid: Number(line[2]), gid: Number(line[3]) });
    chownSync(dir, asUser.uid, asUser.gid);
  }
  const quiet = { stdio: "ignore", ...asUser };
  execFileSync(join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"], quiet);
  writeFileSync(join(data, "pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
  const port = await freePort();
  execFileSync(
    join(bin, "pg_ctl"),
    [
      "start",
      "-D",
      data,
      "-w",
      "-l",
      join(dir, "log"),
      "-o",
      `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories='' ${settings}`,
    ],
    quiet,
  );
  const stop = () => {
    try {
      execFileSync(join(bin, "pg_ctl"), ["stop", "-D", data, "-m", "fast", "-w"], quiet);
    } catch {}
    rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", stop);
  execFileSync(join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "sonde"], quiet);
  return { url: `postgres://postgres@127.0.0.1:${port}/sonde`, version, log: join(dir, "log") };
}
