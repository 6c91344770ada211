import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPrivateAddress } from "./targets.js";

/** Node's `dns.lookup` with `all: true`, or a stand-in for tests. */
export type Resolve = (host: string) => Promise<LookupAddress[]>;

/** What a receiver answered: its status and the start of its body (for the error of a failure). */
export interface PostResult {
  status: number;
  /** Up to 300 characters of the body, for the error of a failed attempt. */
  text: string;
}

/** Sends one webhook: POST `body` with `headers` to `url`; rejects when no answer came. */
export type PostWebhook = (url: string, headers: Record<string, string>, body: string) => Promise<PostResult>;

/** How webhooks are sent. */
export interface PostOptions {
  timeoutMs: number;
  allowPrivate: boolean;
  /** DNS (default `dns.lookup`, all addresses). */
  resolve?: Resolve;
  /** Aborts every request in flight (the collector is stopping). */
  signal?: AbortSignal;
  /** Connections kept open per receiver. */
  maxSockets?: number;
}

const systemResolve: Resolve = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/**
 * A lookup for the sockets of webhook requests: the addresses a name resolves to are checked as
 * the connection is made, and private ones are never connected to. Checking the address that is
 * really used (not one resolved earlier) is what stops DNS rebinding.
 */
function guardedLookup(resolve: Resolve, allowPrivate: boolean): LookupFunction {
  return (host, options, callback) => {
    resolve(host).then(
      (all) => {
        const usable = allowPrivate ? all : all.filter((a) => !isPrivateAddress(a.address));
        if (usable.length === 0) {
          const error = Object.assign(new Error(`${host} resolves only to private addresses, which are not allowed`), {
            code: "EPRIVATE",
          });
          return callback(error, "", 0);
        }
        if ((options as { all?: boolean }).all)
          return (callback as (e: null, a: LookupAddress[]) => void)(null, usable);
        callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}

/**
 * Webhooks over node:http(s), with keep-alive connections. Never follows a redirect (a 3xx is an
 * answer like any other, and not a success), and never connects to a loopback, private or
 * link-local address unless allowed: IP literals are checked here, names as they resolve.
 */
export function webhookPoster(options: PostOptions): PostWebhook {
  const lookup = guardedLookup(options.resolve ?? systemResolve, options.allowPrivate);
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 8, lookup };
  const agents = { "http:": new HttpAgent(agentOptions), "https:": new HttpsAgent(agentOptions) };
  options.signal?.addEventListener("abort", () => {
    agents["http:"].destroy();
    agents["https:"].destroy();
  });

  return (url, headers, body) =>
    new Promise<PostResult>((resolve, reject) => {
      const target = new URL(url);
      const protocol = target.protocol as "http:" | "https:";
      const host = target.hostname.replace(/^\[|\]$/g, "");
      if (!options.allowPrivate && isIP(host) && isPrivateAddress(host)) {
        return reject(new Error(`${host} is a private address, which is not allowed`));
      }
      const send = protocol === "https:" ? httpsRequest : httpRequest;
      const req = send(target, {
        method: "POST",
        agent: agents[protocol],
        lookup,
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
        signal: options.signal,
      });
      const timer = setTimeout(
        () => req.destroy(new Error(`no answer within ${Math.round(options.timeoutMs / 100) / 10} s`)),
        options.timeoutMs,
      );
      const finish = () => clearTimeout(timer);
      req.once("error", (error) => {
        finish();
        reject(error);
      });
      req.once("response", (res: IncomingMessage) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (text.length < 300) text += chunk;
        });
        res.once("end", () => {
          finish();
          resolve({ status: res.statusCode ?? 0, text: text.slice(0, 300) });
        });
        res.once("error", (error) => {
          finish();
          reject(error);
        });
      });
      req.end(body);
    });
}
