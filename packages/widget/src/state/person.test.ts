import { afterEach, describe, expect, it } from "vitest";
import { storedPersonState } from "./person.js";

afterEach(() => localStorage.removeItem("sonde-state"));

/** localStorage as a page that blocks it sees it: every use throws. */
const blocked = (): Storage => {
  throw new DOMException("The operation is insecure.", "SecurityError");
};

describe("the person's state (real localStorage in Chromium)", () => {
  it("is kept across pages: the same anonymous id, history, opt-out and visits", async () => {
    const page1 = storedPersonState();
    const id = await page1.anonymousId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    await page1.recordHistory("nps", (h) => ({ ...h, shownAt: 5, displays: (h.displays ?? 0) + 1 }));
    await page1.writeOptOut(true);
    expect(await page1.countVisit(1_000)).toEqual({ visits: 1, firstSeenAt: 1_000, lastSeenAt: 1_000 });

    const page2 = storedPersonState();
    expect(await page2.anonymousId()).toBe(id);
    expect(await page2.loadHistory()).toEqual({ surveys: { nps: { shownAt: 5, displays: 1 } } });
    expect(await page2.readOptOut()).toBe(true);
    // A page view within 30 minutes is the same visit; after, a new one.
    expect((await page2.countVisit(2_000)).visits).toBe(1);
    expect((await page2.countVisit(2_000 + 31 * 60_000)).visits).toBe(2);
    expect(await page2.newAnonymousId()).not.toBe(id);
  });

  it("starts afresh from a record that is not Sonde's (corrupt or foreign)", async () => {
    localStorage.setItem("sonde-state", "[not json");
    const state = storedPersonState();
    expect(await state.loadHistory()).toEqual({ surveys: {} });
    expect(await state.readOptOut()).toBe(false);
  });

  it("where localStorage is blocked, keeps everything in memory for the page, so frequency rules still hold", async () => {
    const state = storedPersonState(blocked);
    const id = await state.anonymousId();
    expect(await state.anonymousId()).toBe(id);
    await state.recordHistory("nps", (h) => ({ ...h, shownAt: 5 }));
    await state.recordHistory("nps", (h) => ({ ...h, answeredAt: 6 }));
    expect(await state.loadHistory()).toEqual({ surveys: { nps: { shownAt: 5, answeredAt: 6 } } });
    await state.writeOptOut(true);
    expect(await state.readOptOut()).toBe(true);
  });
});
