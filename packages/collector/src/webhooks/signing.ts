import { createHash, createHmac } from "node:crypto";

/** A signing key; its bytes never leave this module's callers, and are never printed. */
export interface SigningKey {
  readonly bytes: Buffer;
}

/**
 * Reads a secret in the Standard Webhooks form, `whsec_` and base64 of 24 to 64 random bytes.
 * The error never repeats the secret, so that it cannot end up in a log.
 */
export function parseSigningSecret(secret: string, name = "--webhook-secret"): SigningKey {
  const m = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret.trim());
  const bytes = m ? Buffer.from(m[1]!, "base64") : undefined;
  if (!bytes || bytes.toString("base64").replace(/=+$/, "") !== m![1]!.replace(/=+$/, "")) {
    throw new Error(`${name} must be whsec_ followed by base64, e.g. "whsec_$(openssl rand -base64 32)"`);
  }
  if (bytes.length < 24 || bytes.length > 64) {
    throw new Error(
      `${name} must hold 24 to 64 bytes of key (got ${bytes.length}); make one with openssl rand -base64 32`,
    );
  }
  return { bytes };
}

/**
 * The Standard Webhooks headers of one attempt: `webhook-id`, `webhook-timestamp` (seconds) and
 * `webhook-signature`, `v1,` and base64 of HMAC-SHA256 over `id.timestamp.body` — one per key, space
 * separated, so that a receiver keeps verifying while the secret is rotated.
 */
export function signatureHeaders(
  keys: readonly SigningKey[],
  id: string,
  timestamp: number,
  body: string,
): Record<string, string> {
  const signed = `${id}.${timestamp}.${body}`;
  const headers: Record<string, string> = { "webhook-id": id, "webhook-timestamp": String(timestamp) };
  if (keys.length > 0) {
    headers["webhook-signature"] = keys
      .map((k) => `v1,${createHmac("sha256", k.bytes).update(signed).digest("base64")}`)
      .join(" ");
  }
  return headers;
}

/** The webhook id of the delivery of one alert for one response: the same on every attempt. */
export function webhookId(responseId: string, alertId: string): string {
  return `msg_${createHash("sha256").update(`${responseId}\n${alertId}`).digest("base64url").slice(0, 27)}`;
}
