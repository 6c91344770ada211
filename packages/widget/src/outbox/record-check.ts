import { type SurveyResponse, WIRE_SCHEMA_VERSION } from "@sonde/core";

/** What a stored record turned out to be. */
export type RecordCheck =
  | { ok: true; response: SurveyResponse }
  /** `keep`: leave it in the store (a newer Sonde wrote it); otherwise it is corrupt and goes. */
  | { ok: false; keep: boolean; message: string };

type Migration = (record: Record<string, unknown>) => Record<string, unknown>;

/**
 * `MIGRATIONS[v - 1]` turns a record of schema version v into version v + 1. Version 1 is the
 * first, so there is nothing to migrate yet; the next wire version adds its step here.
 */
const MIGRATIONS: readonly Migration[] = [];

const ID = /^[A-Za-z0-9_-]{8,64}$/;
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

/**
 * Reads one stored record: migrates an older schema version and checks what the outbox itself
 * relies on (id, revision, times, version). The answers are the endpoint's to validate, with the
 * same core schema: a record it refuses is isolated and dead-lettered with the endpoint's message.
 * (The full schema here would pull the answer schemas into every page's first download.)
 */
export function checkRecord(key: IDBValidKey, value: unknown): RecordCheck {
  const where = `outbox[${JSON.stringify(String(key))}]`;
  const corrupt = (message: string): RecordCheck => ({ ok: false, keep: false, message: `${where}${message}` });
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return corrupt(`: is not a response record (got ${Array.isArray(value) ? "an array" : String(value)})`);
  }
  let record = value as Record<string, unknown>;
  const version = record.schemaVersion;
  if (!Number.isInteger(version) || (version as number) < 1) {
    return corrupt(`.schemaVersion: must be a whole number from 1 (got ${JSON.stringify(version)})`);
  }
  if ((version as number) > WIRE_SCHEMA_VERSION) {
    return {
      ok: false,
      keep: true,
      message: `${where}: schema version ${version} is newer than this Sonde's (${WIRE_SCHEMA_VERSION}); left for a newer Sonde to send`,
    };
  }
  for (let v = version as number; v < WIRE_SCHEMA_VERSION; v++) record = MIGRATIONS[v - 1]!(record);
  if (typeof record.id !== "string" || !ID.test(record.id)) {
    return corrupt(`.id: must be 8–64 letters, digits, '_' or '-' (got ${JSON.stringify(record.id)})`);
  }
  if (record.id !== key) return corrupt(`: is stored under another key than its id "${record.id}"`);
  for (const field of ["revision", "createdAt", "updatedAt"]) {
    if (!isCount(record[field])) {
      return corrupt(`.${field}: must be a whole number ≥ 0 (got ${JSON.stringify(record[field])})`);
    }
  }
  if (!record.answers || typeof record.answers !== "object") return corrupt(".answers: must be an object");
  return { ok: true, response: record as unknown as SurveyResponse };
}
