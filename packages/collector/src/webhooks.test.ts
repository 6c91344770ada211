// Alerts end to end: a real collector on a real SQLite file posts webhooks to a real HTTP server
// on 127.0.0.1, which verifies them with an independent implementation of Standard Webhooks.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { type CollectorOptions, startCollector } from "./server.js";
import { post, response, type TestCollector, tempDir, testCollector } from "./testing/fixtures.js";
import { type Answer, type Received, type Receiver, startReceiver } from "./testing/receiver.js";
import type { WebhookOptions } from "./webhooks/start.js";

const secret = `whsec_${randomBytes(32).toString("base64")}`;

/** A surveys file with one NPS survey whose alerts are given. */
function surveysFile(alerts: unknown[]): string {
  const file = join(tempDir(), "surveys.json");
  const survey = {
    id: "nps-app",
    name: "NPS in the app",
    steps: [
      { kind: "nps", id: "score", question: "How likely are you to recommend Lumen?" },
      { kind: "open", id: "why", question: "What is the main reason?", required: false },
      { kind: "thanks", id: "thanks", question: "Thank you!" },
    ],
    alerts,
  };
  writeFileSync(file, JSON.stringify({ surveys: [survey] }));
  return file;
}

const detractorAlert = (url: string, over: Record<string, unknown> = {}) => ({
  id: "detractors",
  name: "Detractor",
  when: [{ type: "nps", category: "detractor" }],
  webhook: { url },
  ...over,
});

// Fast timings, so that retries and the window fit in a test.
const fast: WebhookOptions = {
  secrets: [secret],
  allowPrivate: true,
  publicUrl: "https://sonde.example.com",
  timeoutMs: 1000,
  pollMs: 20,
  settleMs: 400,
  retry: { baseMs: 50, capMs: 200, windowMs: 60_000 },
};

const open: (TestCollector | Receiver)[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((x) => x.close()));
});

async function setUp(
  answer: Answer,
  options: {
    alerts?: (url: string) => unknown[];
    webhooks?: Partial<WebhookOptions>;
    collector?: Partial<CollectorOptions>;
  } = {},
) {
  const receiver = await startReceiver(answer);
  open.push(receiver);
  const surveys = surveysFile(options.alerts?.(receiver.url) ?? [detractorAlert(receiver.url)]);
  const collector = await testCollector({
    surveys,
    rateLimit: false,
    webhooks: { ...fast, ...options.webhooks },
    warn: () => {},
    ...options.collector,
  });
  open.push(collector);
  return { receiver, collector };
}

const nps = (value: number, over: Record<string, unknown> = {}) =>
  response({ surveyId: "nps-app", answers: { score: { kind: "nps", value } }, ...over });

const send = async (url: string, ...responses: Record<string, unknown>[]) => {
  const res = await post(url, { responses });
  expect(res.status).toBe(200);
};

const deliveries = async (url: string, query = "") =>
  (await (await fetch(`${url}/v1/alerts/deliveries${query}`)).json()) as {
    deliveries: { webhookId: string; responseId: string; status: string; attempts: number; lastError: string | null }[];
    counts: Record<string, number>;
  };

/** The body of a webhook that the standardwebhooks package verified (it throws on a bad signature). */
const verified = (r: Received) =>
  new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as {
    data: { response: { id: string; comment: string | null } } & Record<string, unknown>;
  };

describe("alert webhooks", { timeout: 60_000 }, () => {
  it("posts a detractor's answer, signed so that an independent verifier accepts it", async () => {
    const { receiver, collector } = await setUp(() => 200);
    const answer = nps(3, {
      userId: "u-42",
      answers: { score: { kind: "nps", value: 3 }, why: { kind: "open", value: "Søgningen er for langsom" } },
      context: {
        url: "https://lumen.example/app/notes/",
        locale: "da-DK",
        device: "desktop",
        attributes: { plan: "team" },
      },
    });
    await send(collector.url, answer, nps(10));
    await receiver.until((r) => r.length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    const { data } = verified(got!);
    expect(data).toMatchObject({
      alert: { id: "detractors", name: "Detractor", reasons: ["score: NPS 3, a detractor"] },
      survey: { id: "nps-app", name: "NPS in the app", version: 1 },
      response: {
        id: answer.id,
        answers: [
          {
            stepId: "score",
            kind: "nps",
            value: 3,
            category: "detractor",
            question: "How likely are you to recommend Lumen?",
          },
          { stepId: "why", kind: "open", value: "Søgningen er for langsom" },
        ],
        comment: "Søgningen er for langsom",
        url: "https://lumen.example/app/notes/",
        locale: "da-DK",
      },
      person: { userId: "u-42", anonymousId: "anon-1", attributes: { plan: "team" } },
      link: `https://sonde.example.com/console/#/responses/${answer.id}`,
    });
    // The signature covers the body: a changed byte fails verification.
    expect(() => verified({ ...got!, body: got!.body.replace("langsom", "hurtig") })).toThrow();
    expect(got!.headers["user-agent"]).toMatch(/^Sonde-Webhooks/);
    const listed = await deliveries(collector.url);
    expect(listed.deliveries).toMatchObject([{ responseId: answer.id, status: "delivered", attempts: 1 }]);
    expect(listed.deliveries[0]!.webhookId).toBe(got!.headers["webhook-id"]);
  });

  it("retries 500s and timeouts with backoff, then delivers each webhook exactly once", async () => {
    // Per webhook id: a 500, then no answer at all (the attempt times out), then a 200.
    const lines: string[] = [];
    const { receiver, collector } = await setUp((_, nth) => (nth === 0 ? 500 : nth === 1 ? "hang" : 200), {
      webhooks: { timeoutMs: 400 },
      collector: { warn: (line) => lines.push(line) },
    });
    const detractors = [nps(0), nps(4), nps(6)];
    await send(collector.url, ...detractors, nps(7), nps(9));
    await receiver.until(() => receiver.successes().size === 3);
    // Nothing more comes once each is delivered.
    await new Promise((r) => setTimeout(r, 600));
    const successes = receiver.successes();
    expect([...successes.values()].map((list) => list.length)).toEqual([1, 1, 1]);
    const byId = new Map<string, Received[]>();
    for (const r of receiver.received) {
      const id = String(r.headers["webhook-id"]);
      byId.set(id, [...(byId.get(id) ?? []), r]);
    }
    expect(byId.size).toBe(3);
    for (const [id, attempts] of byId) {
      expect(
        attempts.map((a) => a.answered),
        id,
      ).toEqual([500, null, 200]);
      // Every attempt carries the same id and its own valid signature, for the same response.
      expect(new Set(attempts.map((a) => verified(a).data.response.id)).size).toBe(1);
    }
    const responseIds = [...byId.values()].map((a) => verified(a[0]!).data.response.id).sort();
    expect(responseIds).toEqual(detractors.map((d) => d.id).sort());
    const listed = await deliveries(collector.url, "?status=delivered");
    expect(listed.deliveries.map((d) => d.attempts)).toEqual([3, 3, 3]);
    // Each failed attempt is logged, naming the receiver's host but neither its path nor the secret.
    expect(lines.filter((l) => / attempt \d failed: (HTTP 500|no answer within)/.test(l))).toHaveLength(6);
    expect(lines.join("\n")).not.toMatch(/\/hooks\/sonde|whsec_/);
    expect(lines.join("\n")).not.toContain(secret.slice(6, 20));
  });

  it("fires once for a response answered in steps, after its comment, whatever is sent again", async () => {
    const { receiver, collector } = await setUp(() => 200);
    const first = nps(2, { revision: 1, completed: false });
    const second = {
      ...first,
      revision: 2,
      completed: true,
      answers: { score: { kind: "nps", value: 2 }, why: { kind: "open", value: "Too expensive" } },
    };
    await send(collector.url, first);
    // The score alone is due only once the answer settles; the comment arrives first.
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.received).toHaveLength(0);
    await send(collector.url, second);
    await receiver.until((r) => r.length >= 1);
    expect(verified(receiver.received[0]!).data.response.comment).toBe("Too expensive");
    // The same revisions again, and a later one: stored or not, the alert has fired already.
    await send(collector.url, first, second, { ...second, revision: 3 });
    await new Promise((r) => setTimeout(r, 800));
    expect(receiver.received).toHaveLength(1);

    // A response left unfinished goes out once it has settled, with what it has.
    const abandoned = nps(1, { completed: false });
    await send(collector.url, abandoned);
    await receiver.until((r) => r.length >= 2);
    expect(verified(receiver.received[1]!).data.response).toMatchObject({ id: abandoned.id, comment: null });
  });

  it("cancels an alert whose response no longer passes it when the first attempt comes", async () => {
    const { receiver, collector } = await setUp(() => 200);
    const changed = nps(3, { revision: 1, completed: false });
    await send(collector.url, changed, { ...changed, revision: 2, answers: { score: { kind: "nps", value: 9 } } });
    await new Promise((r) => setTimeout(r, 1000));
    expect(receiver.received).toHaveLength(0);
    expect((await deliveries(collector.url)).deliveries).toMatchObject([{ status: "cancelled" }]);
  });

  it("gives up when the receiver is down for the whole window; the dead letter keeps the last error", async () => {
    // A port that was just free: connections are refused.
    const gone = await startReceiver();
    await gone.close();
    const { collector } = await setUp(() => 200, {
      alerts: () => [detractorAlert(gone.url)],
      webhooks: { retry: { baseMs: 50, capMs: 100, windowMs: 700 } },
    });
    await send(collector.url, nps(2));
    let dead: Awaited<ReturnType<typeof deliveries>> | undefined;
    for (let i = 0; i < 200 && !dead?.deliveries.length; i++) {
      await new Promise((r) => setTimeout(r, 50));
      dead = await deliveries(collector.url, "?status=dead");
    }
    expect(dead?.deliveries).toHaveLength(1);
    expect(dead!.deliveries[0]!.attempts).toBeGreaterThanOrEqual(3);
    expect(dead!.deliveries[0]!.lastError).toMatch(/ECONNREFUSED/);
    expect(dead!.counts).toMatchObject({ dead: 1, pending: 0 });
  });

  it("posts a readable Slack message, with the answer's own text unable to mention anyone", async () => {
    const { receiver, collector } = await setUp(() => 200, {
      alerts: (url) => [detractorAlert(url, { webhook: { url, format: "slack" } })],
    });
    await send(
      collector.url,
      nps(4, {
        answers: { score: { kind: "nps", value: 4 }, why: { kind: "open", value: "<!channel> slow & <b>buggy</b>" } },
      }),
    );
    await receiver.until((r) => r.length >= 1);
    const message = JSON.parse(receiver.received[0]!.body);
    const text = JSON.stringify(message);
    expect(message.text).toContain("Detractor · NPS in the app");
    expect(message.blocks.map((b: { type: string }) => b.type)).toEqual([
      "header",
      "section",
      "section",
      "context",
      "actions",
    ]);
    expect(message.blocks[1].fields[0].text).toBe("*How likely are you to recommend Lumen?*\n4 (detractor)");
    expect(message.blocks[2].text.text).toBe("> &lt;!channel&gt; slow &amp; &lt;b&gt;buggy&lt;/b&gt;");
    expect(text).not.toContain("<!channel>");
    expect(message.blocks[4].elements[0].url).toMatch(/^https:\/\/sonde\.example\.com\/console\/#\/responses\//);
  });

  it("serves definitions to pages without their alerts or webhook URLs", async () => {
    const { receiver, collector } = await setUp(() => 200);
    const body = await (await fetch(`${collector.url}/v1/surveys`)).text();
    expect(JSON.parse(body).surveys[0].id).toBe("nps-app");
    expect(body).not.toContain("alerts");
    expect(body).not.toContain(receiver.url.replace(/^http:\/\//, ""));
  });

  it("never connects to a name that resolves to a private address, unless allowed (DNS rebinding)", async () => {
    const rebinding = async (host: string) => {
      expect(host).toBe("hooks.example.test");
      return [{ address: "127.0.0.1", family: 4 }];
    };
    const { receiver, collector } = await setUp(() => 200, {
      alerts: (url) => [detractorAlert(url.replace("127.0.0.1", "hooks.example.test"))],
      webhooks: { allowPrivate: false, resolve: rebinding },
    });
    await send(collector.url, nps(0));
    let listed: Awaited<ReturnType<typeof deliveries>> | undefined;
    for (let i = 0; i < 100 && !listed?.deliveries[0]?.lastError; i++) {
      await new Promise((r) => setTimeout(r, 50));
      listed = await deliveries(collector.url);
    }
    expect(listed!.deliveries[0]!.lastError).toMatch(/resolves only to private addresses/);
    expect(receiver.received).toHaveLength(0);
  });

  it("connects to the address the name resolves to at the attempt, when private targets are allowed", async () => {
    const { receiver, collector } = await setUp(() => 200, {
      alerts: (url) => [detractorAlert(url.replace("127.0.0.1", "hooks.example.test"))],
      webhooks: { resolve: async () => [{ address: "127.0.0.1", family: 4 }] },
    });
    await send(collector.url, nps(0));
    await receiver.until((r) => r.length >= 1);
    expect(receiver.received[0]!.headers.host).toMatch(/^hooks\.example\.test:\d+$/);
  });
});

describe("alert definitions the collector refuses at start", { timeout: 30_000 }, () => {
  const start = (surveys: string, webhooks: WebhookOptions) =>
    startCollector({
      port: 0,
      quiet: true,
      consoleDir: false,
      db: join(tempDir(), "refused.sqlite"),
      surveys,
      webhooks,
    });

  it.each([
    ["http://127.0.0.1:9/hook", "127.0.0.1"],
    ["http://localhost/hook", "localhost"],
    ["http://[::1]:8080/hook", "::1"],
    ["http://169.254.169.254/latest/meta-data", "169.254.169.254"],
    ["http://10.1.2.3/hook", "10.1.2.3"],
    ["http://0x7f000001/hook", "127.0.0.1"],
    ["https://intranet/hook", "intranet"],
  ])("a webhook to %s without --webhook-allow-private", async (url, host) => {
    const file = surveysFile([detractorAlert(url)]);
    await expect(start(file, { secrets: [secret] })).rejects.toThrow(
      `${file}: surveys[0].alerts[0].webhook.url: targets a loopback or private address (${host}); start the collector with --webhook-allow-private to allow it`,
    );
  });

  it("a webhook URL that is not http(s), naming the path", async () => {
    const file = surveysFile([detractorAlert("file:///etc/passwd")]);
    await expect(start(file, { secrets: [secret] })).rejects.toThrow(
      `${file}: surveys[0].alerts[0].webhook.url: must be an http(s) URL`,
    );
  });

  it("signed alerts without a signing secret, and a malformed secret without repeating it", async () => {
    const file = surveysFile([detractorAlert("https://hooks.example.com/sonde")]);
    await expect(start(file, {})).rejects.toThrow(
      /the alerts of "nps-app" send signed webhooks: give a signing secret/,
    );
    const wrong = "whsec_not*base64*at*all";
    const error = await start(file, { secrets: [wrong] }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/--webhook-secret must be whsec_ followed by base64/);
    expect((error as Error).message).not.toContain("not*base64");
    const short = `whsec_${randomBytes(8).toString("base64")}`;
    await expect(start(file, { secrets: [short] })).rejects.toThrow(/must hold 24 to 64 bytes of key \(got 8\)/);
  });

  it("a public webhook starts without the flag; a Slack-only survey needs no secret", async () => {
    const file = surveysFile([
      detractorAlert("https://hooks.slack.com/services/T0/B0/x", {
        webhook: { url: "https://hooks.slack.com/services/T0/B0/x", format: "slack" },
      }),
    ]);
    const collector = await start(file, {});
    await collector.close();
  });
});

describe("alerts of surveys saved through the admin API", { timeout: 60_000 }, () => {
  it("fire as soon as the survey is saved, follow its edits, and stop when the alert is removed", async () => {
    const adminKey = "admin-key-for-alerts-0123";
    const { receiver, collector } = await setUp(() => 200, { alerts: () => [], collector: { adminKey } });
    const headers = { authorization: `Bearer ${adminKey}`, "content-type": "application/json" };
    const definition = (alerts: unknown[]) =>
      JSON.stringify({
        id: "nps-app",
        steps: [{ kind: "nps", id: "score", question: "How likely are you to recommend Lumen?" }],
        alerts,
      });
    const put = (alerts: unknown[], version: number) =>
      fetch(`${collector.url}/v1/admin/surveys/nps-app`, {
        method: "PUT",
        headers: { ...headers, "if-match": `"v${version}"` },
        body: definition(alerts),
      });
    // The file's survey has no alert: a detractor fires nothing.
    await send(collector.url, nps(2, { id: "before-the-alert" }));
    expect((await put([detractorAlert(receiver.url)], 1)).status).toBe(200);
    await send(collector.url, nps(2, { id: "after-the-alert" }));
    await receiver.until((r) => r.length >= 1);
    expect(receiver.received.map((r) => verified(r).data.response.id)).toEqual(["after-the-alert"]);

    expect((await put([], 2)).status).toBe(200);
    await send(collector.url, nps(1, { id: "alert-removed" }));
    // The read of deliveries comes after the ingest that would have fired it: nothing new.
    expect((await deliveries(collector.url)).deliveries.map((d) => d.responseId)).toEqual(["after-the-alert"]);
  });
});
