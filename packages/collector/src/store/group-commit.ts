import type { SurveyResponse } from "@sonde/core";
import type { IngestResult, ResponseStore } from "./store.js";

/** Writes batches through a store, committing together those that arrive together. */
export interface GroupWriter {
  /** Resolves once the batch is committed (with its own counts), rejects with its own error. */
  write(responses: readonly SurveyResponse[]): Promise<IngestResult>;
}

/**
 * Group commit: batches that arrive in the same turn of the event loop are written in one
 * transaction, so that a busy collector pays for one commit (and, with `synchronous = FULL`, one
 * fsync) per group rather than per request. Each batch stays atomic on its own, and no request is
 * answered before the commit that holds its batch.
 */
export function groupWriter(store: ResponseStore, now: () => number): GroupWriter {
  let queue: { responses: readonly SurveyResponse[]; resolve(r: IngestResult): void; reject(e: Error): void }[] = [];
  const flush = async () => {
    const group = queue;
    queue = [];
    let results: (IngestResult | Error)[];
    try {
      results = await store.ingestBatches(
        group.map((g) => g.responses),
        now(),
      );
    } catch (error) {
      for (const g of group) g.reject(error as Error);
      return;
    }
    group.forEach((g, i) => {
      const r = results[i]!;
      if (r instanceof Error) g.reject(r);
      else g.resolve(r);
    });
  };
  return {
    write: (responses) =>
      new Promise((resolve, reject) => {
        if (queue.length === 0) setImmediate(() => void flush());
        queue.push({ responses, resolve, reject });
      }),
  };
}
