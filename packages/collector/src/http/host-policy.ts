import type { Context, MiddlewareHandler } from "hono";

/**
 * Which host names the collector answers to, and the origin it is reached at. A page on another
 * site can make a browser send requests with any Host (DNS rebinding): answering only the names
 * the collector really has keeps such a page from reading what a same-origin check would allow.
 */
export interface HostPolicy {
  /** `any`; `loopback` (localhost, 127.x.x.x, [::1]); or the listed `name` / `name:port` entries. */
  hosts: "any" | "loopback" | ReadonlySet<string>;
  /** The origin browsers use (`--public-url`); without it, the request's scheme and host. */
  origin?: string;
  /** Behind a trusted reverse proxy: the scheme is the last `X-Forwarded-Proto` entry. */
  trustProxy?: boolean;
}

/** What a host policy is made from: the CLI's flags. */
export interface HostOptions {
  /** The URL people reach the collector at, such as https://collect.example.com (`--public-url`). */
  publicUrl?: string;
  /** More host names to answer to, `name` or `name:port` (`--allowed-host`, repeatable). */
  allowedHosts?: readonly string[];
  /** Whether results need a key: without one, only loopback names are answered unless hosts are listed. */
  readKey?: string;
  trustProxy?: boolean;
}

/** Whether a host name (as in a URL: lowercase, IPv6 in brackets) is this machine's loopback. */
export function isLoopbackName(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    hostname === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** Whether an address to listen on is loopback only. */
export function isLoopbackAddress(address: string): boolean {
  return address === "::1" || isLoopbackName(address);
}

/** `Host: EXAMPLE.com:8080` as a URL would read it, or undefined when it is not a host. */
function parseHost(value: string): { hostname: string; host: string } | undefined {
  try {
    const url = new URL(`http://${value}`);
    if (url.username || url.password || url.pathname !== "/" || url.search || url.hash) return undefined;
    return { hostname: url.hostname, host: url.host };
  } catch {
    return undefined;
  }
}

/**
 * Builds the policy; throws naming the flag when a value is not a URL or a host. With a public URL
 * or listed hosts, only those are answered; without them, a collector whose results need a key
 * answers any Host, and one without a read key only loopback names.
 */
export function hostPolicy(options: HostOptions): HostPolicy {
  const hosts = new Set<string>();
  let origin: string | undefined;
  if (options.publicUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(options.publicUrl);
    } catch {
      // reported below
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.username || url.search || url.hash) {
      throw new Error(`--public-url: "${options.publicUrl}" is not an http(s) URL such as https://collect.example.com`);
    }
    origin = url.origin;
    hosts.add(url.host);
  }
  for (const raw of options.allowedHosts ?? []) {
    for (const value of raw
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean)) {
      const parsed = parseHost(value);
      if (!parsed)
        throw new Error(`--allowed-host: "${value}" is not a host name such as collect.example.com or 10.0.0.5:8787`);
      hosts.add(value.includes(":") && !value.endsWith("]") ? parsed.host : parsed.hostname);
    }
  }
  const listed = hosts.size > 0;
  return {
    hosts: listed ? hosts : options.readKey === undefined ? "loopback" : "any",
    origin,
    trustProxy: options.trustProxy ?? false,
  };
}

/** Whether the policy answers a request for `host` (`name` or `name:port`, as a URL reads it). */
export function servesHost(policy: HostPolicy, host: string): boolean {
  if (policy.hosts === "any") return true;
  const parsed = parseHost(host);
  if (!parsed) return false;
  if (policy.hosts === "loopback") return isLoopbackName(parsed.hostname);
  return policy.hosts.has(parsed.host) || policy.hosts.has(parsed.hostname);
}

/** The host a request is for: its URL's, which is the Host header or an absolute request target's. */
const requestHost = (c: Context) => new URL(c.req.url).host;

/** The collector's own origin for this request: `--public-url`, or the scheme and host it was reached at. */
export function ownOrigin(c: Context, policy: HostPolicy): string {
  if (policy.origin) return policy.origin;
  const forwarded = policy.trustProxy ? c.req.header("x-forwarded-proto")?.split(",").at(-1)?.trim() : undefined;
  const scheme = forwarded === "https" || forwarded === "http" ? forwarded : new URL(c.req.url).protocol.slice(0, -1);
  return new URL(`${scheme}://${requestHost(c)}`).origin;
}

/** Whether an `Origin` header names the collector's own origin: scheme, host and port alike. */
export function isOwnOrigin(c: Context, policy: HostPolicy, origin: string): boolean {
  try {
    return new URL(origin).origin === ownOrigin(c, policy);
  } catch {
    // "null" or garbage: not our origin
    return false;
  }
}

/** Refuses requests for hosts the policy does not serve: 421 Misdirected Request, naming the fix. */
export function hostGuard(policy: HostPolicy): MiddlewareHandler {
  if (policy.hosts === "any") return (_, next) => next();
  const fix =
    policy.hosts === "loopback"
      ? "without --read-key a collector answers only loopback names (localhost, 127.0.0.1, [::1]); give it --read-key, or name its hosts with --public-url or --allowed-host"
      : "name it with --public-url or --allowed-host";
  return async (c, next) => {
    const host = requestHost(c);
    if (servesHost(policy, host)) return next();
    return c.json({ error: `this collector does not serve the host ${JSON.stringify(host)}; ${fix}` }, 421);
  };
}
