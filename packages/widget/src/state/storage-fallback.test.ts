import type { UseStore } from "idb-keyval";
import { describe, expect, it } from "vitest";
import { loadHistory, recordHistory } from "./history.js";
import { anonymousId } from "./identity.js";

const failing = (): UseStore => () => {
  throw new DOMException("The user denied permission to access the database.", "UnknownError");
};

describe("history and identity where IndexedDB fails", () => {
  it("keeps the display history in memory for the page, so frequency rules still hold", async () => {
    const store = failing();
    expect(await loadHistory(store)).toEqual({ surveys: {} });
    await recordHistory("nps", (h) => ({ ...h, shownAt: 5, displays: (h.displays ?? 0) + 1 }), store);
    await recordHistory("nps", (h) => ({ ...h, answeredAt: 6 }), store);
    expect(await loadHistory(store)).toEqual({ surveys: { nps: { shownAt: 5, displays: 1, answeredAt: 6 } } });
  });

  it("keeps one anonymous id for the page", async () => {
    const store = failing();
    const id = await anonymousId(store);
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(await anonymousId(store)).toBe(id);
  });
});
