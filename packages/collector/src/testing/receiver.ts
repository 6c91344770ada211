// A real HTTP server on 127.0.0.1 that receives webhooks, for tests: it records every request
// and answers as the test says (a status, or no answer at all).
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the receiver got, and what it answered (null: it never answered). */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number | null;
}

/** How to answer the n-th request (0-based) for a webhook id: a status, or `hang` (no answer). */
export type Answer = (webhookId: string, nth: number) => number | "hang";

/** A running receiver. */
export interface Receiver {
  url: string;
  received: Received[];
  /** Changes how requests are answered from now on. */
  answerWith(answer: Answer): void;
  /** The requests answered with a 2xx, by webhook id. */
  successes(): Map<string, Received[]>;
  /** Resolves once `check` holds of what was received (polling), or rejects after `ms`. */
  until(check: (received: Received[]) => boolean, ms?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a receiver on a free port of 127.0.0.1 (or the given one). */
export async function startReceiver(answer: Answer = () => 200, port = 0): Promise<Receiver> {
  let answerNow = answer;
  const received: Received[] = [];
  const seen = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      const id = String(req.headers["webhook-id"] ?? "");
      const nth = seen.get(id) ?? 0;
      seen.set(id, nth + 1);
      const what = answerNow(id, nth);
      const entry: Received = { headers: req.headers, body, answered: what === "hang" ? null : what };
      received.push(entry);
      if (what !== "hang") res.writeHead(what, { "content-type": "text/plain" }).end(what < 300 ? "ok" : "boom");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/sonde`,
    received,
    answerWith: (a) => {
      answerNow = a;
    },
    successes() {
      const map = new Map<string, Received[]>();
      for (const r of received) {
        if (r.answered === null || r.answered >= 300) continue;
        const id = String(r.headers["webhook-id"]);
        map.set(id, [...(map.get(id) ?? []), r]);
      }
      return map;
    },
    async until(check, ms = 20_000) {
      const end = Date.now() + ms;
      while (!check(received)) {
        if (Date.now() > end)
          throw new Error(`receiver: condition not met within ${ms} ms (${received.length} received)`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
