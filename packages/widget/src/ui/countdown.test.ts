import { describe, expect, it } from "vitest";
import { type Clock, countdown } from "./countdown.js";

/** A clock that moves only when told; `tick` runs what falls due. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; run: () => void }[] = [];
  const clock: Clock = {
    now: () => now,
    later(run, ms) {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
  };
  const tick = (ms: number) => {
    now += ms;
    for (const t of timers.filter((t) => t.at <= now)) {
      timers = timers.filter((x) => x !== t);
      t.run();
    }
  };
  return { clock, tick, pending: () => timers.length };
}

describe("countdown", () => {
  it("runs once the time has passed", () => {
    const { clock, tick } = fakeClock();
    let done = 0;
    countdown(4000, () => done++, clock);
    tick(3999);
    expect(done).toBe(0);
    tick(1);
    expect(done).toBe(1);
    tick(10_000);
    expect(done).toBe(1);
  });

  it("held, it waits; let go, it runs on with the time it had left", () => {
    const { clock, tick } = fakeClock();
    let done = 0;
    const c = countdown(4000, () => done++, clock);
    tick(3000);
    c.hold(true);
    tick(60_000);
    expect(done).toBe(0);
    c.hold(true);
    c.hold(false);
    tick(999);
    expect(done).toBe(0);
    c.hold(false);
    tick(1);
    expect(done).toBe(1);
  });

  it("held from the start, it never runs until let go", () => {
    const { clock, tick } = fakeClock();
    let done = 0;
    const c = countdown(1000, () => done++, clock);
    c.hold(true);
    tick(5000);
    expect(done).toBe(0);
    c.hold(false);
    tick(1000);
    expect(done).toBe(1);
  });

  it("stopped, it never runs, even if let go", () => {
    const { clock, tick, pending } = fakeClock();
    let done = 0;
    const c = countdown(1000, () => done++, clock);
    c.stop();
    c.hold(false);
    tick(5000);
    expect(done).toBe(0);
    expect(pending()).toBe(0);
  });
});
