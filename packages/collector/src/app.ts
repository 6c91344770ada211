import { parseBatch, type Survey } from "@sonde/core";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { summarize } from "./results.js";
import type { ResponseStore } from "./store/store.js";

/** How the collector's HTTP app behaves. */
export interface AppOptions {
  store: ResponseStore;
  surveys: Survey[];
  /** Largest accepted request body in bytes (default 256 KB). */
  maxBodyBytes?: number;
  /** The clock, for tests. */
  now?: () => number;
}

const JSON_TYPES = /^(application\/json|text\/plain)\s*(;|$)/i;

/** The collector's HTTP routes: ingest, survey definitions, results. */
export function createApp(options: AppOptions): Hono {
  const { store, surveys } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;
  const now = options.now ?? Date.now;
  const app = new Hono();

  app.use("/v1/*", cors({ origin: "*", allowMethods: ["GET", "POST"], allowHeaders: ["content-type"], maxAge: 86400 }));

  app.post(
    "/v1/responses",
    bodyLimit({
      maxSize: maxBodyBytes,
      // The unread rest of the body would poison a kept-alive connection: close it.
      onError: (c) =>
        c.json({ error: `body is larger than the ${maxBodyBytes}-byte limit` }, 413, { connection: "close" }),
    }),
    async (c) => {
      const type = c.req.header("content-type") ?? "";
      if (!JSON_TYPES.test(type)) {
        return c.json({ error: `content-type must be application/json or text/plain (got "${type}")` }, 415);
      }
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return c.json({ error: "body is not valid JSON" }, 400);
      }
      const batch = parseBatch(body);
      if (!batch.ok) return c.json({ error: "invalid batch", issues: batch.errors }, 400);
      const result = store.ingest(batch.value.responses, now());
      return c.json(result, 200);
    },
  );

  app.get("/v1/surveys", (c) => c.json({ surveys }));

  app.get("/v1/results", (c) => {
    const surveyId = c.req.query("survey") || null;
    const responses = store.responses({ surveyId: surveyId ?? undefined });
    return c.json(summarize(surveyId, responses));
  });

  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError((error, c) => {
    console.error("sonde-collector:", error);
    return c.json({ error: "internal error" }, 500);
  });
  return app;
}
