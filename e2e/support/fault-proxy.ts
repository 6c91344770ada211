import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A small HTTP proxy in front of the real collector, for the faults a healthy collector never
// makes: 5xx, 429, connections reset, answers slower than the widget's timeout, preflights refused.
// Faults apply to POSTs of answers (`/v1/responses`); everything else is forwarded untouched.

/** One fault, applied to one POST of answers. */
export type Fault =
  /** Answer with this status (and `Retry-After`), without forwarding. */
  | { status: number; retryAfter?: string }
  /** Reset the connection as the request arrives: the collector never sees it. */
  | { reset: "before-forwarding" }
  /** Forward, let the collector store it, then reset instead of answering: the answer's 200 is lost. */
  | { reset: "after-forwarding" }
  /** Forward at once, but hold the collector's answer this long (slower than the widget's timeout). */
  | { delayMs: number };

/** One POST of answers the proxy saw. */
export interface SeenPost {
  /** When it arrived (ms since 1970). */
  at: number;
  contentType: string;
  /** The response ids its body carried. */
  ids: string[];
  /** What the proxy did: "500", "429", "reset-before-forwarding", "reset-after-forwarding", "delayed", "refused", or the forwarded status. */
  outcome: string;
}

/** A fault-injecting proxy on 127.0.0.1 in front of `target`. */
export interface FaultProxy {
  url: string;
  /** Queues faults for the next POSTs of answers, one each, in order. */
  fail(...faults: Fault[]): void;
  /** A fault for every POST of answers (the endpoint down) until called with undefined. */
  always(fault: Fault | undefined): void;
  /** Refuses CORS preflights: only simple requests (text/plain, as on unload) still get through. */
  refusePreflights(refuse: boolean): void;
  /**
   * Resets every connection, whatever it asks for: the network between the browser and this origin
   * is down. POSTs of answers are still listed in `posts` (outcome "refused").
   */
  refuseAll(refuse: boolean): void;
  /** Every POST of answers, in order of arrival. */
  posts: SeenPost[];
  /** The POSTs whose body carried this response id. */
  postsWith(id: string): SeenPost[];
  /** CORS preflights seen, and whether each was let through. */
  preflights: { at: number; allowed: boolean }[];
  close(): Promise<void>;
}

const CORS = { "access-control-allow-origin": "*", "access-control-expose-headers": "retry-after" };

function idsIn(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as { responses?: { id?: unknown }[] };
    return (parsed.responses ?? []).map((r) => String(r.id));
  } catch {
    return [];
  }
}

/** Starts the proxy on a free port. */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const queue: Fault[] = [];
  let standing: Fault | undefined;
  let refusingPreflights = false;
  let refusingAll = false;
  const posts: SeenPost[] = [];
  const preflights: FaultProxy["preflights"] = [];
  const pending = new Set<NodeJS.Timeout>();

  /** Forwards a buffered request to the collector; resolves with its answer, also buffered. */
  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
      (resolve, reject) => {
        const url = new URL(req.url ?? "/", target);
        const out = request(
          url,
          { method: req.method, headers: { ...req.headers, host: url.host, connection: "close" } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () =>
              resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
            );
            res.on("error", reject);
          },
        );
        out.on("error", reject);
        out.end(body);
      },
    );

  const reply = (res: ServerResponse, answer: Awaited<ReturnType<typeof forward>>) => {
    if (res.destroyed) return;
    const headers: Record<string, string | string[] | undefined> = { ...answer.headers, ...CORS };
    delete headers["transfer-encoding"];
    delete headers.connection;
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const path = (req.url ?? "/").split("?")[0];
    if (refusingAll) {
      if (req.method === "POST" && path === "/v1/responses")
        posts.push({
          at: Date.now(),
          contentType: req.headers["content-type"] ?? "",
          ids: idsIn(body.toString("utf8")),
          outcome: "refused",
        });
      req.socket.resetAndDestroy();
      return;
    }
    if (req.method === "OPTIONS") {
      preflights.push({ at: Date.now(), allowed: !refusingPreflights });
      if (refusingPreflights) {
        res.writeHead(403, { "content-type": "text/plain" }); // no CORS headers: the browser refuses the request
        res.end("preflight refused by the fault proxy");
        return;
      }
    }
    if (req.method !== "POST" || path !== "/v1/responses") return reply(res, await forward(req, body));

    const seen: SeenPost = {
      at: Date.now(),
      contentType: req.headers["content-type"] ?? "",
      ids: idsIn(body.toString("utf8")),
      outcome: "",
    };
    posts.push(seen);
    const fault = queue.shift() ?? standing;
    if (!fault) {
      const answer = await forward(req, body);
      seen.outcome = String(answer.status);
      return reply(res, answer);
    }
    if ("status" in fault) {
      seen.outcome = String(fault.status);
      const headers: Record<string, string> = { ...CORS, "content-type": "application/json" };
      if (fault.retryAfter !== undefined) headers["retry-after"] = fault.retryAfter;
      res.writeHead(fault.status, headers);
      res.end(JSON.stringify({ error: `injected ${fault.status} by the fault proxy` }));
    } else if ("reset" in fault) {
      seen.outcome = `reset-${fault.reset}`;
      if (fault.reset === "after-forwarding") await forward(req, body);
      req.socket.resetAndDestroy();
    } else {
      seen.outcome = "delayed";
      const answer = await forward(req, body);
      const timer = setTimeout(() => {
        pending.delete(timer);
        reply(res, answer);
      }, fault.delayMs);
      pending.add(timer);
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      handle(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        if (res.headersSent || res.destroyed) return;
        res.writeHead(502, { ...CORS, "content-type": "text/plain" });
        res.end(`fault proxy could not reach the collector: ${error}`);
      });
    });
    req.on("error", () => {});
    res.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    fail(...faults) {
      queue.push(...faults);
    },
    always(fault) {
      standing = fault;
    },
    refusePreflights(refuse) {
      refusingPreflights = refuse;
    },
    refuseAll(refuse) {
      refusingAll = refuse;
    },
    posts,
    postsWith: (id) => posts.filter((p) => p.ids.includes(id)),
    preflights,
    close: () =>
      new Promise((resolve) => {
        for (const timer of pending) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
