// `check` and `compile`: survey definitions validated as the collector validates them at start,
// for a CI step, or for teams that host a static definitions file or embed definitions inline.
import { renameSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Survey } from "@sonde/core";
import { InvalidSurveysError, loadSurveys, servedSurveys } from "../surveys.js";
import { fail } from "./args.js";

/** Validates like the collector's start: every problem on stderr; exits 1 when there is one. */
function validated(path: string, allowUnknown: boolean): Survey[] {
  const warnings: string[] = [];
  try {
    const surveys = loadSurveys(path, { allowUnknown, warn: (line) => warnings.push(line) });
    for (const line of warnings) console.error(`sonde-collector: warning: ${line}`);
    return surveys;
  } catch (error) {
    if (!(error instanceof InvalidSurveysError)) throw error;
    for (const line of error.problems) console.error(line);
    const n = error.problems.length;
    fail(`${n} problem${n === 1 ? "" : "s"} in ${path}`, 1);
  }
}

const options = { "allow-unknown": { type: "boolean" }, help: { type: "boolean", short: "h" } } as const;

/** `sonde-collector check <file|folder>`: exit 0 when valid (warnings printed), 1 on an error. */
export function check(args: string[], usage: string): void {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true });
  if (values.help) {
    console.log(usage);
    return;
  }
  if (positionals.length !== 1) fail(`check needs one file or folder of survey definitions\n${usage}`);
  const path = positionals[0]!;
  const surveys = validated(path, values["allow-unknown"] ?? false);
  console.log(
    `sonde-collector: ${path}: ${surveys.length} survey${surveys.length === 1 ? "" : "s"} valid (${surveys.map((s) => s.id).join(", ")})`,
  );
}

/** `sonde-collector compile <in> <out.json>`: writes what `GET /v1/surveys` would serve (`-`: stdout). */
export function compile(args: string[], usage: string): void {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true });
  if (values.help) {
    console.log(usage);
    return;
  }
  if (positionals.length !== 2) fail(`compile needs the definitions to read and the file to write\n${usage}`);
  const [input, output] = positionals as [string, string];
  const body = servedSurveys(validated(input, values["allow-unknown"] ?? false));
  if (output === "-") {
    process.stdout.write(body);
    return;
  }
  // Written beside the target and renamed: a reader never sees half a file.
  const temporary = `${output}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, body);
    renameSync(temporary, output);
  } catch (error) {
    fail(`cannot write ${output} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 1);
  }
  console.error(`sonde-collector: wrote ${output}`);
}
