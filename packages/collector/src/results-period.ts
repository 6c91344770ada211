// Where local days begin in an IANA time zone, as instants: what turns `from=2025-03-01` into a
// query. (Which period an answer falls in is @sonde/core's `periodKeyer`.)

const DAY = 86_400_000;
// Every offset of every IANA zone is a multiple of 15 minutes and so is every transition in the
// years that matter: the offset is constant within a 15-minute slot and can be cached per slot.
const SLOT = 900_000;

/** Local days of one time zone, as instants. */
export interface ZoneDays {
  /** The first instant of the local day holding `ms`. */
  startOfDay(ms: number): number;
  /** The first instant of a local calendar date `YYYY-MM-DD`. */
  startOfDate(date: string): number;
}

/** Throws a RangeError for a time zone Intl does not know. */
export function checkTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat("en-US", { timeZone });
}

function offsetFinder(timeZone: string): (ms: number) => number {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return () => 0;
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  });
  const cache = new Map<number, number>();
  return (ms) => {
    const slot = Math.floor(ms / SLOT);
    let offset = cache.get(slot);
    if (offset === undefined) {
      const at = slot * SLOT;
      const p: Record<string, number> = {};
      for (const part of format.formatToParts(at)) if (part.type !== "literal") p[part.type] = Number(part.value);
      offset = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - at;
      cache.set(slot, offset);
    }
    return offset;
  };
}

/** Local days of `timeZone`; at a DST gap at midnight, a day starts at the first instant after it. */
export function zoneDays(timeZone: string): ZoneDays {
  const offsetAt = offsetFinder(timeZone);
  const instantOf = (local: number) => local - offsetAt(local - offsetAt(local));
  return {
    startOfDay: (ms) => instantOf(Math.floor((ms + offsetAt(ms)) / DAY) * DAY),
    startOfDate: (date) => instantOf(Date.parse(`${date}T00:00:00Z`)),
  };
}
