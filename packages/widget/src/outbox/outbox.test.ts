import type { SurveyResponse } from "@sonde/core";
import { createStore, keys } from "idb-keyval";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createOutbox } from "./outbox.js";

const record = (revision: number): SurveyResponse => ({
  id: "resp-outbox-1",
  surveyId: "nps",
  revision,
  completed: revision > 1,
  answers: { score: { kind: "nps", value: 8 } },
  createdAt: 1,
  updatedAt: 1,
  anonymousId: "anon",
  userId: null,
  context: { url: "https://host.example/" },
  schemaVersion: 1,
});

let n = 0;
const freshStore = () => createStore(`sonde-outbox-test-${Date.now()}-${n++}`, "responses");

afterEach(() => vi.restoreAllMocks());

describe("outbox (real IndexedDB in Chromium)", () => {
  it("keeps a record while the endpoint fails and removes it only after a 2xx", async () => {
    const store = freshStore();
    const fetchMock = vi.spyOn(globalThis, "fetch").mockResolvedValue(new Response("down", { status: 503 }));
    const outbox = createOutbox({ endpoint: "/v1/responses" }, store);
    await outbox.enqueue(record(1));
    expect(await keys(store)).toEqual(["resp-outbox-1"]);

    await outbox.flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(await keys(store)).toEqual(["resp-outbox-1"]);

    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    await outbox.flush();
    expect(await keys(store)).toEqual(["resp-outbox-1"]);

    fetchMock.mockResolvedValue(new Response("{}", { status: 200 }));
    await outbox.flush();
    expect(await keys(store)).toEqual([]);
    const sent = JSON.parse(String(fetchMock.mock.calls.at(-1)![1]!.body));
    expect(sent.responses.map((r: SurveyResponse) => r.id)).toEqual(["resp-outbox-1"]);
  });

  it("keeps a newer revision written while an older one was in flight", async () => {
    const store = freshStore();
    const outbox = createOutbox({ endpoint: "/v1/responses" }, store);
    await outbox.enqueue(record(1));
    vi.spyOn(globalThis, "fetch").mockImplementation(async () => {
      await outbox.enqueue(record(2));
      return new Response("{}", { status: 200 });
    });
    await outbox.flush();
    expect(await keys(store)).toEqual(["resp-outbox-1"]);
  });
});
