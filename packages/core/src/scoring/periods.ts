// Calendar periods as sortable string keys: "2024-03-05" (day), "2024-W10" (ISO week),
// "2024-03" (month). Dates are computed on day numbers (days since 1970-01-01) with Howard
// Hinnant's civil-calendar algorithms, so no Date objects are made per response.

/** The length of a trend bucket. Weeks are ISO 8601 weeks (Monday first; week 1 holds 4 January). */
export type PeriodUnit = "day" | "week" | "month";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

function isoWeek(days: number): [year: number, week: number] {
  const weekday = (((days + 3) % 7) + 7) % 7; // Monday = 0; 1970-01-01 was a Thursday
  const thursday = days - weekday + 3;
  const [year] = civilFromDays(thursday);
  return [year, Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1];
}

/** The key of the period that holds a calendar day (given as days since 1970-01-01). */
export function periodOfDay(days: number, unit: PeriodUnit): string {
  if (unit === "week") {
    const [y, w] = isoWeek(days);
    return `${pad(y, 4)}-W${pad(w, 2)}`;
  }
  const [y, m, d] = civilFromDays(days);
  if (unit === "month") return `${pad(y, 4)}-${pad(m, 2)}`;
  if (unit === "day") return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
  throw new RangeError(`sonde: period must be "day", "week" or "month" (got ${JSON.stringify(unit)})`);
}

/** A parsed period key: its unit and the day number of its first day. */
export interface ParsedPeriod {
  unit: PeriodUnit;
  firstDay: number;
}

/** Parses "2024-03-05", "2024-W10" or "2024-03"; throws, naming the key, on anything else. */
export function parsePeriod(key: string): ParsedPeriod {
  const bad = () =>
    new RangeError(`sonde: period key must look like 2024-03-05, 2024-W10 or 2024-03 (got ${JSON.stringify(key)})`);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const days = daysFromCivil(y, mo, d);
    const [cy, cm, cd] = civilFromDays(days);
    if (cy !== y || cm !== mo || cd !== d) throw bad();
    return { unit: "day", firstDay: days };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (m) {
    const [y, w] = [Number(m[1]), Number(m[2])];
    const jan4 = daysFromCivil(y, 1, 4);
    const firstDay = jan4 - ((((jan4 + 3) % 7) + 7) % 7) + (w - 1) * 7;
    if (w < 1 || isoWeek(firstDay)[0] !== y) throw bad();
    return { unit: "week", firstDay };
  }
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) throw bad();
    return { unit: "month", firstDay: daysFromCivil(y, mo, 1) };
  }
  throw bad();
}

/** The period right after `key`, in the same unit ("2024-W52" → "2025-W01"). */
export function nextPeriod(key: string): string {
  const { unit, firstDay } = parsePeriod(key);
  if (unit === "day") return periodOfDay(firstDay + 1, unit);
  if (unit === "week") return periodOfDay(firstDay + 7, unit);
  return periodOfDay(firstDay + 32, unit); // any day of the next month
}

/**
 * Re-buckets a period key into a coarser unit: a day into its ISO week or month. Weeks do not
 * nest in months, so week → month (and anything finer) is refused with an error.
 */
export function coarsenPeriod(key: string, unit: PeriodUnit): string {
  const parsed = parsePeriod(key);
  if (parsed.unit === unit) return key;
  if (parsed.unit !== "day")
    throw new RangeError(
      `sonde: cannot re-bucket ${parsed.unit} ${JSON.stringify(key)} into a ${unit}: keep day rows to roll up into weeks or months`,
    );
  return periodOfDay(parsed.firstDay, unit);
}

function zoneOffsets(timeZone: string): (ms: number) => number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      numberingSystem: "latn",
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    throw new RangeError(
      `sonde: unknown time zone ${JSON.stringify(timeZone)}: use an IANA name such as "Europe/Paris"`,
    );
  }
  // formatToParts is ~3× slower than format; learn the field order once, then read digit runs.
  const order: string[] = format
    .formatToParts(0)
    .map((p) => p.type)
    .filter((t) => t !== "literal");
  const at = (type: string) => order.indexOf(type);
  const [iy, imo, id, ih, imi, is] = ["year", "month", "day", "hour", "minute", "second"].map(at) as number[];
  const fields = [0, 0, 0, 0, 0, 0];
  return (ms) => {
    const text = format.format(ms);
    let k = -1;
    let inDigits = false;
    for (let c = 0; c < text.length; c++) {
      const digit = text.charCodeAt(c) - 48;
      if (digit >= 0 && digit <= 9) {
        if (!inDigits) fields[++k] = 0;
        fields[k] = fields[k]! * 10 + digit;
        inDigits = true;
      } else inDigits = false;
    }
    const local = Date.UTC(
      fields[iy!]!,
      fields[imo!]! - 1,
      fields[id!]!,
      fields[ih!]! % 24,
      fields[imi!]!,
      fields[is!]!,
    );
    return local - (ms - (((ms % 1000) + 1000) % 1000));
  };
}

/**
 * A function from a time (ms since 1970, UTC) to its period key in `timeZone` (an IANA name;
 * default UTC). Offsets are looked up at both ends of each UTC hour and reused unless a
 * transition falls inside it, so a year of timestamps costs ~17,500 Intl calls, not one each.
 */
export function periodKeyer(unit: PeriodUnit, timeZone = "UTC"): (ms: number) => string {
  periodOfDay(0, unit); // validates the unit
  const keys = new Map<number, string>();
  const keyOfDay = (day: number) => {
    let key = keys.get(day);
    if (key === undefined) {
      key = periodOfDay(day, unit);
      keys.set(day, key);
    }
    return key;
  };
  if (timeZone === "UTC") return (ms) => keyOfDay(Math.floor(ms / DAY_MS));
  const exact = zoneOffsets(timeZone);
  const hourly = new Map<number, number>(); // UTC hour → offset, NaN when it changes within the hour
  return (ms) => {
    const hour = Math.floor(ms / HOUR_MS);
    let offset = hourly.get(hour);
    if (offset === undefined) {
      const start = exact(hour * HOUR_MS);
      offset = start === exact(hour * HOUR_MS + HOUR_MS - 1) ? start : Number.NaN;
      hourly.set(hour, offset);
    }
    if (Number.isNaN(offset)) offset = exact(ms);
    return keyOfDay(Math.floor((ms + offset) / DAY_MS));
  };
}

/**
 * Where the periods of `[since, until)` begin in `timeZone`: `since`, then the first instant of
 * each later period, ascending — so that every instant of the range has the period key of the
 * last start at or before it. A database can then group a period's responses by these bounds
 * (PostgreSQL's `width_bucket`) and be keyed as core keys them. Found by bisection on the keys,
 * which rise with time: a local day would only come back if clocks were turned back across
 * midnight from after it, and zones that turn back at midnight go to 23:00 before reaching the
 * next day (the tests sweep zones with such rules, half-hour shifts and a skipped day).
 */
export function periodStarts(unit: PeriodUnit, timeZone: string, since: number, until: number): number[] {
  const keyOf = periodKeyer(unit, timeZone);
  const starts = [since];
  if (!(until > since)) return starts;
  const last = keyOf(until - 1);
  for (let key = keyOf(since); key < last; ) {
    const next = nextPeriod(key);
    // keyOf(lo) < next <= keyOf(hi): a period is at most 31 days, so the next begins within 33.
    let lo = starts.at(-1)!;
    let hi = Math.min(until - 1, lo + 33 * DAY_MS);
    if (keyOf(hi) < next) hi = until - 1;
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (keyOf(mid) < next) lo = mid;
      else hi = mid;
    }
    starts.push(hi);
    key = keyOf(hi); // a period with no time in this zone (a day skipped) has no start
  }
  return starts;
}
