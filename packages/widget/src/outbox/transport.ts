import type { Batch } from "@sonde/core";

/** What the endpoint said about a batch. */
export type DeliveryResult = { ok: true } | { ok: false; status: number; message: string };

/** POSTs one batch; a network failure resolves to status 0 instead of throwing. */
export async function postBatch(endpoint: string, batch: Batch): Promise<DeliveryResult> {
  try {
    const res = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(batch),
      credentials: "omit",
    });
    if (res.ok) return { ok: true };
    return { ok: false, status: res.status, message: await res.text().catch(() => "") };
  } catch (error) {
    return { ok: false, status: 0, message: String(error) };
  }
}
