/** What a countdown needs of the clock; tests pass their own. */
export interface Clock {
  now(): number;
  later(run: () => void, ms: number): () => void;
}

const realClock: Clock = {
  now: () => Date.now(),
  later(run, ms) {
    const id = setTimeout(run, ms);
    return () => clearTimeout(id);
  },
};

/** A countdown that can be held and let go. */
export interface Countdown {
  /** Holds the countdown (true) or lets it run on with the time it had left (false). */
  hold(on: boolean): void;
  /** Stops it for good. */
  stop(): void;
}

/** Runs `done` once `ms` milliseconds have passed while not held. It starts running. */
export function countdown(ms: number, done: () => void, clock: Clock = realClock): Countdown {
  let left = ms;
  let since = 0;
  let cancel: (() => void) | undefined;
  let over = false;
  const hold = (on: boolean) => {
    if (over || on === !cancel) return;
    if (on) {
      cancel!();
      cancel = undefined;
      left -= clock.now() - since;
    } else {
      since = clock.now();
      cancel = clock.later(() => {
        over = true;
        done();
      }, left);
    }
  };
  hold(false);
  return {
    hold,
    stop() {
      hold(true);
      over = true;
    },
  };
}
