import type { Survey, SurveyResponse } from "@sonde/core";
import { describe, expect, it } from "vitest";
import { alertRules } from "../alerts/alert-rules.js";
import { openSqliteStore } from "../store/sqlite.js";
import { response, tempDir } from "../testing/fixtures.js";
import type { PostWebhook } from "./post.js";
import { webhookWorker } from "./worker.js";

const survey = {
  id: "nps-pricing",
  steps: [{ kind: "nps", id: "score", question: "How likely?" }],
  alerts: [
    {
      id: "low",
      when: [{ type: "nps", category: "detractor" }],
      webhook: { url: "https://hooks.example.com/secret-path/x" },
    },
  ],
} as Survey;

/** A worker over a fresh store, a clock the test moves, and a receiver the test scripts. */
function setUp(answers: (number | Error)[], surveys: Survey[] = [survey]) {
  let clock = 1_000_000;
  const rules = alertRules([survey], 0);
  const store = openSqliteStore(`${tempDir()}/worker.sqlite`, { alerts: rules.firing });
  const sent: { url: string; headers: Record<string, string>; body: string }[] = [];
  const lines: string[] = [];
  const post: PostWebhook = async (url, headers, body) => {
    sent.push({ url, headers, body });
    const next = answers.shift() ?? 200;
    if (next instanceof Error) throw next;
    return { status: next, text: next === 410 ? "gone for good" : "" };
  };
  const worker = webhookWorker({
    outbox: store.outbox,
    responses: store,
    rules: alertRules(surveys, 0),
    post,
    keys: [],
    publicUrl: "https://sonde.example.com/",
    timeoutMs: 1000,
    retry: { baseMs: 1000, capMs: 60_000, windowMs: 10_000 },
    now: () => clock,
    random: () => 0,
    log: (line) => lines.push(line),
  });
  const ingest = (r: Record<string, unknown>) => store.ingest([r as unknown as SurveyResponse], clock);
  return { store, worker, sent, lines, ingest, tick: (ms: number) => (clock += ms) };
}

const detractor = () => response({ answers: { score: { kind: "nps", value: 2 } } });

describe("the webhook worker", () => {
  it("retries a failure after the backoff, and records the delivery", async () => {
    const { store, worker, sent, ingest, tick } = setUp([new Error("socket hang up"), 503, 200]);
    const r = detractor();
    ingest(r);
    expect(await worker.runOnce()).toBe(1);
    // random 0: half of the 1 s base, then half of 2 s.
    expect(store.outbox.list({ limit: 1 })[0]).toMatchObject({
      status: "pending",
      dueAt: 1_000_500,
      lastError: "socket hang up",
    });
    tick(499);
    expect(await worker.runOnce()).toBe(0);
    tick(1);
    await worker.runOnce();
    expect(store.outbox.list({ limit: 1 })[0]).toMatchObject({
      dueAt: 1_001_500,
      lastStatus: 503,
      lastError: "HTTP 503",
    });
    tick(1000);
    await worker.runOnce();
    expect(store.outbox.list({ limit: 1 })[0]).toMatchObject({ status: "delivered", attempts: 3, lastStatus: 200 });
    expect(new Set(sent.map((s) => s.headers["webhook-id"])).size).toBe(1);
    expect(JSON.parse(sent[0]!.body).data.link).toBe(`https://sonde.example.com/console/#/responses/${r.id}`);
    store.close();
  });

  it("gives up at once on 410 Gone, and after the window otherwise; logs name the host, not the path", async () => {
    const { store, worker, ingest, tick, lines } = setUp([410, 500, 500, 500, 500, 500]);
    ingest(detractor());
    await worker.runOnce();
    expect(store.outbox.list({ limit: 1 })[0]).toMatchObject({
      status: "dead",
      attempts: 1,
      lastError: "HTTP 410: gone for good",
    });
    ingest(detractor());
    for (let i = 0; i < 10; i++) {
      await worker.runOnce();
      tick(5000);
    }
    expect(store.outbox.list({ limit: 1 })[0]).toMatchObject({ status: "dead", lastStatus: 500 });
    expect(lines.at(-1)).toMatch(/given up after \d attempt\(s\): HTTP 500/);
    expect(lines.join("\n")).toContain("hooks.example.com");
    expect(lines.join("\n")).not.toContain("secret-path");
    store.close();
  });

  it("says a redirect is not followed", async () => {
    const { store, worker, ingest } = setUp([302]);
    ingest(detractor());
    await worker.runOnce();
    expect(store.outbox.list({ limit: 1 })[0]!.lastError).toBe("HTTP 302 (redirects are not followed)");
    store.close();
  });

  it("gives up on an alert no longer defined, without calling anyone", async () => {
    const { store, worker, ingest, sent } = setUp([], [{ ...survey, alerts: [] }]);
    ingest(detractor());
    await worker.runOnce();
    expect(sent).toEqual([]);
    expect(store.outbox.list({ limit: 1 })[0]).toMatchObject({
      status: "dead",
      lastError: 'alert "low" is no longer defined in survey "nps-pricing"',
    });
    store.close();
  });
});
