import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { parseSigningSecret, signatureHeaders, webhookId } from "./signing.js";

const secret = () => `whsec_${randomBytes(32).toString("base64")}`;

describe("Standard Webhooks signatures", () => {
  it("verify with the standardwebhooks package, and fail on another body, id, time or key", () => {
    const s = secret();
    const body = JSON.stringify({ type: "alert.fired", data: { comment: "Søgning 非常好用" } });
    const now = Math.floor(Date.now() / 1000);
    const headers = signatureHeaders([parseSigningSecret(s)], "msg_1", now, body);
    expect(new Webhook(s).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(s).verify(body.replace("Søgning", "Sogning"), headers)).toThrow();
    expect(() => new Webhook(s).verify(body, { ...headers, "webhook-id": "msg_2" })).toThrow();
    expect(() => new Webhook(s).verify(body, { ...headers, "webhook-timestamp": String(now + 1) })).toThrow();
    expect(() => new Webhook(secret()).verify(body, headers)).toThrow();
  });

  it("sign with every key while a secret is rotated, so that either verifies", () => {
    const [old, next] = [secret(), secret()];
    const now = Math.floor(Date.now() / 1000);
    const headers = signatureHeaders([parseSigningSecret(old), parseSigningSecret(next)], "msg_1", now, "{}");
    expect(headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new Webhook(old).verify("{}", headers)).toEqual({});
    expect(new Webhook(next).verify("{}", headers)).toEqual({});
  });

  it("refuse malformed secrets without repeating them", () => {
    for (const bad of [
      "hunter2hunter2hunter2hunter2",
      "whsec_",
      "whsec_***",
      `whsec_${randomBytes(8).toString("base64")}`,
    ]) {
      const error = (() => {
        try {
          parseSigningSecret(bad);
        } catch (e) {
          return (e as Error).message;
        }
      })();
      expect(error, bad).toMatch(/^--webhook-secret must/);
      if (bad.length > 8) expect(error).not.toContain(bad.slice(6));
    }
  });

  it("give one webhook id per response and alert, the same on every attempt", () => {
    expect(webhookId("r-1", "a")).toBe(webhookId("r-1", "a"));
    expect(webhookId("r-1", "a")).not.toBe(webhookId("r-1", "b"));
    expect(webhookId("r-1a", "b")).not.toBe(webhookId("r-1", "ab"));
    expect(webhookId("r-1", "a")).toMatch(/^msg_[A-Za-z0-9_-]{27}$/);
  });
});

describe("the README's verification snippet", () => {
  /** `verifySonde` as the README writes it, run with node:crypto. */
  const snippet = (() => {
    const readme = readFileSync(new URL("../../../../README.md", import.meta.url), "utf8");
    const code =
      /```js\n(import \{ createHmac, timingSafeEqual \} from "node:crypto";[\s\S]*?function verifySonde[\s\S]*?)```/.exec(
        readme,
      )?.[1];
    if (!code) throw new Error("README.md: no verifySonde snippet");
    const body = code.replace(/^import .*$/m, "");
    return new Function("createHmac", "timingSafeEqual", "Buffer", `${body}\nreturn verifySonde;`)(
      createHmac,
      timingSafeEqual,
      Buffer,
    ) as (secret: string, headers: Record<string, string>, body: string) => boolean;
  })();

  it("accepts what the collector signs, and nothing else", () => {
    const [s, other] = [secret(), secret()];
    const body = '{"type":"alert.fired"}';
    const now = Math.floor(Date.now() / 1000);
    const headers = signatureHeaders([parseSigningSecret(other), parseSigningSecret(s)], "msg_1", now, body);
    expect(snippet(s, headers, body)).toBe(true);
    expect(snippet(s, headers, `${body} `)).toBe(false);
    expect(snippet(secret(), headers, body)).toBe(false);
    const old = signatureHeaders([parseSigningSecret(s)], "msg_1", now - 600, body);
    expect(snippet(s, old, body)).toBe(false);
  });
});
