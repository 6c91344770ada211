#!/usr/bin/env node
import { parseArgs } from "node:util";
import { startCollector } from "./server.js";
import { InvalidSurveysError } from "./surveys.js";

const usage = `Usage: sonde-collector [--port 8787] [--host 127.0.0.1] [--db sonde.sqlite] [--surveys surveys.json]`;

async function main() {
  let values: { port?: string; host?: string; db?: string; surveys?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string" },
        db: { type: "string" },
        surveys: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    console.error(`sonde-collector: ${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`sonde-collector: --port must be a whole number from 0 to 65535 (got "${values.port}")`);
    process.exit(2);
  }
  try {
    const collector = await startCollector({
      port,
      host: values.host,
      db: values.db ?? "sonde.sqlite",
      surveys: values.surveys,
    });
    console.log(`sonde-collector listening on ${collector.url}`);
    const stop = () => void collector.close().then(() => process.exit(0));
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  } catch (error) {
    console.error(
      error instanceof InvalidSurveysError ? error.message : `sonde-collector: ${(error as Error).message}`,
    );
    process.exit(1);
  }
}

void main();
