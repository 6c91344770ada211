import { readFileSync } from "node:fs";
import { parseSurveys, type Survey } from "@sonde/core";

/** Survey definitions that failed validation; the message lists every bad path. */
export class InvalidSurveysError extends Error {}

/** Reads and validates a surveys JSON file; throws InvalidSurveysError naming each bad field. */
export function loadSurveysFile(path: string): Survey[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new InvalidSurveysError(`${path}: cannot read surveys (${(error as Error).message})`);
  }
  const parsed = parseSurveys(json);
  if (!parsed.ok) throw new InvalidSurveysError(`${path} is invalid:\n  ${parsed.errors.join("\n  ")}`);
  return parsed.value;
}
