// Numbers and dates as the dashboard shows them, in the reader's locale.

const MINUS = "\u2212";

/** An NPS value: signed, whole (`+24`, `−8`, `0`); a dash when there is none. */
export function formatNps(score: number | null | undefined): string {
  if (score === null || score === undefined) return "—";
  const r = Math.round(score);
  if (r === 0) return "0";
  return r > 0 ? `+${r}` : `${MINUS}${-r}`;
}

/** A share 0–1 as a whole percentage (`41%`). */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined) return "—";
  return `${Math.round(share * 100)}%`;
}

/** A mean with one decimal. */
export function formatMean(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return value.toLocaleString(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A signed difference: `+8`, `−3.5` (points or, with `percent`, percentage points). */
export function formatDifference(d: number, digits = 0, unit = ""): string {
  const r = Number(d.toFixed(digits));
  const body = Math.abs(r).toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${r > 0 ? "+" : r < 0 ? MINUS : "±"}${body}${unit}`;
}

/** A p-value as people read it: `p = 0.03`, `p < 0.001`. */
export function formatP(p: number): string {
  return p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(p < 0.01 ? 3 : 2)}`;
}

/** A date of the trend or a comment, short. */
export function formatDay(iso: string, withYear = false): string {
  return new Date(iso).toLocaleDateString(undefined, {
    day: "numeric",
    month: "short",
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  });
}

/** The Monday an ISO week key (`2025-W11`) starts on, as `YYYY-MM-DD`. */
function mondayOf(key: string): string {
  const [year, week] = key.split("-W").map(Number) as [number, number];
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(jan4 + ((week - 1) * 7 - weekday) * 86_400_000).toISOString().slice(0, 10);
}

/** A period key (`2025-03-10`, `2025-W11`, `2025-03`) for axes and tooltips; a week shows its Monday. */
export function formatPeriod(key: string, interval: "day" | "week" | "month"): string {
  if (interval === "month") {
    return new Date(`${key}-01T00:00:00Z`).toLocaleDateString(undefined, {
      month: "short",
      year: "2-digit",
      timeZone: "UTC",
    });
  }
  return formatDay(`${interval === "week" ? mondayOf(key) : key}T00:00:00Z`);
}

/** A time a comment was written, in the reader's zone. */
export function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
