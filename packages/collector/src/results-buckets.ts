/** The width of a trend's buckets. */
export type BucketUnit = "day" | "week" | "month";

/** One bucket: its label (first local day, or `YYYY-MM` for a month) and its instants `[start, end)`. */
export interface Bucket {
  label: string;
  start: number;
  end: number;
}

/** Maps instants to buckets in one time zone. */
export interface Bucketer {
  /** The label of the bucket holding `ms`. */
  labelOf(ms: number): string;
  /** The buckets covering `[since, until)`, in order. */
  cover(since: number, until: number): Bucket[];
  /** The first instant of the local day holding `ms`. */
  startOfDay(ms: number): number;
  /** The first instant of a local calendar date `YYYY-MM-DD`. */
  startOfDate(date: string): number;
}

const DAY = 86_400_000;
// Every offset of every IANA zone is a multiple of 15 minutes, and so is every transition in
// the years that matter: the offset is constant within a 15-minute slot and can be cached per slot.
const SLOT = 900_000;

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

const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** A bucketer for `unit` in an IANA time zone (weeks start on Monday, as ISO 8601 weeks do). */
export function bucketer(unit: BucketUnit, timeZone: string): Bucketer {
  const offsetAt = offsetFinder(timeZone);
  const localDay = (ms: number) => Math.floor((ms + offsetAt(ms)) / DAY);
  // The instant a local wall-clock time happens (the first instant after it inside a DST gap).
  const instantOf = (local: number) => {
    const guess = local - offsetAt(local);
    return local - offsetAt(guess);
  };
  const firstDay = (day: number): number => {
    if (unit === "day") return day;
    if (unit === "week") return day - ((((day + 3) % 7) + 7) % 7);
    const d = new Date(day * DAY);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY;
  };
  const nextFirstDay = (first: number): number => {
    if (unit === "day") return first + 1;
    if (unit === "week") return first + 7;
    const d = new Date(first * DAY);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY;
  };
  const label = (first: number) => (unit === "month" ? isoDay(first).slice(0, 7) : isoDay(first));
  const labels = new Map<number, string>();

  return {
    labelOf(ms) {
      const day = localDay(ms);
      let l = labels.get(day);
      if (l === undefined) {
        l = label(firstDay(day));
        labels.set(day, l);
      }
      return l;
    },
    cover(since, until) {
      const out: Bucket[] = [];
      let first = firstDay(localDay(since));
      while (true) {
        const start = instantOf(first * DAY);
        if (start >= until) break;
        const next = nextFirstDay(first);
        out.push({ label: label(first), start, end: instantOf(next * DAY) });
        first = next;
      }
      return out;
    },
    startOfDay: (ms) => instantOf(localDay(ms) * DAY),
    startOfDate: (date) => instantOf(Date.parse(`${date}T00:00:00Z`)),
  };
}
