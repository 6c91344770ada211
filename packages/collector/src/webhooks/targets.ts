import { BlockList, isIP } from "node:net";

// Addresses a webhook may not reach without --webhook-allow-private: the collector's own
// machine and network, link-local (cloud metadata at 169.254.169.254), and what is not unicast.
const RANGES: [string, number, "ipv4" | "ipv6"][] = [
  ["0.0.0.0", 8, "ipv4"], // "this network"
  ["10.0.0.0", 8, "ipv4"],
  ["100.64.0.0", 10, "ipv4"], // carrier-grade NAT
  ["127.0.0.0", 8, "ipv4"],
  ["169.254.0.0", 16, "ipv4"],
  ["172.16.0.0", 12, "ipv4"],
  ["192.0.0.0", 24, "ipv4"],
  ["192.168.0.0", 16, "ipv4"],
  ["198.18.0.0", 15, "ipv4"], // benchmarking
  ["224.0.0.0", 3, "ipv4"], // multicast, reserved, broadcast
  ["::", 128, "ipv6"],
  ["::1", 128, "ipv6"],
  ["fc00::", 7, "ipv6"], // unique local
  ["fe80::", 10, "ipv6"], // link-local
  ["fec0::", 10, "ipv6"], // site-local (deprecated)
  ["ff00::", 8, "ipv6"], // multicast
];

let blocked: BlockList | undefined;

/** The IPv4 address inside an IPv4-mapped, NAT64 or 6to4 IPv6 address, which reaches that IPv4 host. */
function embeddedIpv4(address: string): string | undefined {
  const m = /^(?:::ffff:(?:0:)?|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (m) return m[1];
  const hex = /^(?:::ffff:(?:0:)?|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  const six = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4}):/i.exec(address);
  const parts = hex ?? six;
  if (!parts) return undefined;
  const [high, low] = [Number.parseInt(parts[1]!, 16), Number.parseInt(parts[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** Whether an IP address is loopback, private, link-local or otherwise not a public unicast address. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 0) return true; // not an address: never trusted as a public one
  if (!blocked) {
    blocked = new BlockList();
    for (const [net, prefix, type] of RANGES) blocked.addSubnet(net, prefix, type);
  }
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    if (v4 !== undefined) return blocked.check(v4, "ipv4");
  }
  return blocked.check(bare, family === 4 ? "ipv4" : "ipv6");
}

/** Host names that always mean this machine or its private network. */
const LOCAL_NAME = /(^|\.)(localhost|local|internal|home\.arpa)\.?$/i;

/**
 * Why a webhook URL may not be used, as known without asking DNS: not http(s), or a loopback,
 * private or link-local address or name, unless private targets are allowed. Undefined when fine;
 * the address a name resolves to is checked again at each attempt.
 */
export function targetProblem(url: string, allowPrivate: boolean): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "is not a valid URL";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "must be an http(s) URL";
  if (parsed.username || parsed.password) return "must not hold a user name or password";
  if (allowPrivate) return undefined;
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const local = isIP(host) ? isPrivateAddress(host) : LOCAL_NAME.test(host) || !host.includes(".");
  return local
    ? `targets a loopback or private address (${host}); start the collector with --webhook-allow-private to allow it`
    : undefined;
}

/** Issues of a survey's webhook URLs (see `targetProblem`), with their paths in the survey. */
export function webhookTargetIssues(
  survey: { alerts?: readonly { webhook: { url: string } }[] },
  allowPrivate: boolean,
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  survey.alerts?.forEach((alert, i) => {
    const problem = targetProblem(alert.webhook.url, allowPrivate);
    if (problem) issues.push({ path: ["alerts", i, "webhook", "url"], message: problem });
  });
  return issues;
}
