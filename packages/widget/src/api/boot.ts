import { start } from "./sonde.js";

/** Starts Sonde from the script tag's data attributes (`data-endpoint`, `data-surveys-url`, …). */
export function boot(data: Record<string, string | undefined>): void {
  if (!data.endpoint) {
    console.error('sonde: the script tag needs data-endpoint="<URL answers are sent to>"');
    return;
  }
  start(
    {
      endpoint: data.endpoint,
      surveysUrl: data.surveysUrl,
      locale: data.locale,
      debug: data.debug !== undefined && data.debug !== "false",
    },
    { outboxTuning: data.outboxTuning },
  );
}
