import type { SurveyResponse } from "@sonde/core";

/** A batch ready to send: its records and the `{"responses":[…]}` body that carries them. */
export interface PackedBatch {
  records: SurveyResponse[];
  body: string;
  /** The body's size in UTF-8 bytes. */
  bytes: number;
}

const OPEN = '{"responses":[';
const CLOSE = "]}";

// A host page may give arrays a `toJSON` (Prototype.js does, returning a string), which
// JSON.stringify calls before a replacer sees the value; the replacer takes the array from its
// holder instead, so answers stay arrays on the wire.
function keepArrays(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return Array.isArray(raw) ? raw : value;
}

/**
 * Packs records, in order, into bodies of at most `maxCount` records and `maxBytes` bytes.
 * A record too large for any body still gets one of its own: the endpoint decides (413).
 */
export function packBatches(records: readonly SurveyResponse[], maxCount: number, maxBytes: number): PackedBatch[] {
  const encoder = new TextEncoder();
  const batches: PackedBatch[] = [];
  let parts: string[] = [];
  let members: SurveyResponse[] = [];
  let bytes = OPEN.length + CLOSE.length;
  const close = () => {
    if (members.length) batches.push({ records: members, body: OPEN + parts.join(",") + CLOSE, bytes });
    parts = [];
    members = [];
    bytes = OPEN.length + CLOSE.length;
  };
  for (const record of records) {
    const json = JSON.stringify(record, keepArrays);
    const size = encoder.encode(json).length;
    // A comma separates each record from the one before it.
    if (members.length && (members.length >= maxCount || bytes + size + 1 > maxBytes)) close();
    bytes += members.length ? size + 1 : size;
    parts.push(json);
    members.push(record);
  }
  close();
  return batches;
}
