// Shared by the outbox's browser tests (excluded from the build like every *.test.ts user).
import type { SurveyResponse } from "@sonde/core";
import { createStore, type UseStore } from "idb-keyval";
import { vi } from "vitest";

/** A valid response record; `patch` changes any field. */
export function response(id: string, revision = 1, patch: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    id,
    surveyId: "nps",
    revision,
    completed: true,
    answers: { score: { kind: "nps", value: 8 } },
    createdAt: 1_000 + revision,
    updatedAt: Date.now(),
    anonymousId: "anon",
    userId: null,
    context: { url: "https://host.example/" },
    schemaVersion: 1,
    ...patch,
  };
}

let n = 0;
/** Fresh IndexedDB stores (real ones, in Chromium) for one test. */
export function freshStores(): { store: UseStore; deadLetterStore: UseStore } {
  const tag = `${Date.now()}-${n++}`;
  return {
    store: createStore(`sonde-test-outbox-${tag}`, "responses"),
    deadLetterStore: createStore(`sonde-test-dead-${tag}`, "responses"),
  };
}

/** One request the endpoint saw. */
export interface SeenRequest {
  ids: string[];
  init: RequestInit;
}

/** Replaces fetch with an endpoint answering `answer(ids)`; returns what it saw. */
export function fakeEndpoint(answer: (ids: string[], init: RequestInit) => Response | Promise<Response>) {
  const seen: SeenRequest[] = [];
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (_url, init = {}) => {
    const ids = (JSON.parse(String(init.body)) as { responses: SurveyResponse[] }).responses.map((r) => r.id);
    seen.push({ ids, init });
    return answer(ids, init);
  });
  return { seen, spy };
}

/** An HTTP response with a JSON body. */
export const json = (status: number, body: unknown = {}, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
