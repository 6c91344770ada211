// A throwaway PostgreSQL server for tests and benches: `initdb` into a temporary directory, trust
// auth on 127.0.0.1 only, `pg_ctl start` on a free port, one database; `stop` ends it and removes
// the directory. Nothing outlives the process that started it: the server is stopped on exit too.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A running throwaway cluster. */
export interface PgCluster {
  /** `postgres://…` of its database. */
  url: string;
  port: number;
  /** Stops the server (fast shutdown) and removes its directory; safe to call twice. */
  stop(): void;
}

/** Where Debian's PostgreSQL server binaries are (`PG_BIN`, else the newest /usr/lib/postgresql/N/bin), or undefined. */
export function findPgBin(): string | undefined {
  const given = process.env.PG_BIN;
  if (given) return existsSync(join(given, "initdb")) ? given : undefined;
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0]!, "bin") : undefined;
}

/**
 * Who runs the server: PostgreSQL refuses to run as root (as CI and containers often are), so
 * root runs it as the `postgres` user Debian's package creates, else as `nobody`.
 */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  let passwd = "";
  try {
    passwd = readFileSync("/etc/passwd", "utf8");
  } catch {
    // no passwd file: nobody's usual ids
  }
  for (const name of ["postgres", "nobody"]) {
    const fields = passwd
      .split("\n")
      .find((line) => line.startsWith(`${name}:`))
      ?.split(":");
    if (fields) return { uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  return { uid: 65534, gid: 65534 };
}

/** A TCP port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a cluster; throws naming what is missing when the server binaries are not installed. */
export async function startPgCluster(options: { bin?: string; database?: string } = {}): Promise<PgCluster> {
  const bin = options.bin ?? findPgBin();
  if (!bin) {
    throw new Error(
      "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb); install them with `apt-get install -y postgresql`, or set PG_BIN",
    );
  }
  const database = options.database ?? "sonde";
  const dir = mkdtempSync(join(tmpdir(), "sonde-pg-"));
  const data = join(dir, "data");
  const user = serverUser();
  if (user) chownSync(dir, user.uid, user.gid);
  const quiet = { stdio: ["ignore", "ignore", "pipe"] as ["ignore", "ignore", "pipe"], ...user };
  let started = false;
  const stop = () => {
    process.off("exit", stop);
    if (started) {
      started = false;
      try {
        execFileSync(join(bin, "pg_ctl"), ["stop", "-D", data, "-m", "immediate", "-w"], quiet);
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", stop);
  try {
    execFileSync(
      join(bin, "initdb"),
      ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"],
      quiet,
    );
    // Trust, but only over TCP from this machine: no socket file, nothing on other interfaces.
    writeFileSync(join(data, "pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
    const port = await freePort();
    // Durability is not what tests measure: fsync off makes a cluster start and write fast.
    const settings = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
    execFileSync(
      join(bin, "pg_ctl"),
      ["start", "-D", data, "-w", "-t", "30", "-l", join(dir, "log"), "-o", settings],
      quiet,
    );
    started = true;
    execFileSync(join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", database], quiet);
    return { url: `postgres://postgres@127.0.0.1:${port}/${database}`, port, stop };
  } catch (error) {
    stop();
    const e = error as Error & { stderr?: Buffer };
    throw new Error(`could not start a PostgreSQL cluster: ${e.stderr?.toString().trim() || e.message}`);
  }
}
