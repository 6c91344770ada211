import type { Interval } from "@sonde/collector/api";
import { useEffect, useRef, useState } from "preact/hooks";
import { formatPeriod } from "./format.js";
import { strings } from "./strings.js";

const t = strings();

/** One point of the chart: a period with the value of each series (null: no answers). */
export interface ChartPoint {
  /** The period key: `2025-03-10`, `2025-W11`, `2025-03`. */
  label: string;
  n: number;
  values: (number | null)[];
  /** The first series' interval, drawn as a band. */
  interval: Interval | null;
}

/** A line of the chart. */
export interface ChartSeries {
  name: string;
  cls: string;
}

interface Props {
  title: string;
  points: ChartPoint[];
  series: ChartSeries[];
  /** The widest the axis may go (e.g. −100…100 for NPS). */
  limits: [number, number];
  format: (v: number) => string;
  interval: "day" | "week" | "month";
  small: number;
}

// Drawn at the width it is shown at (measured), so text stays 12 px on a phone as on a desktop.
const DEFAULT_WIDTH = 960;
const NARROW = 520;
const M = { left: 48, right: 14, top: 14, bottom: 30 };

/** A step of 1, 2 or 5 × 10^k giving about `count` ticks over `range`. */
function niceStep(range: number, count = 4): number {
  const raw = range / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

/**
 * The axis: the data and every interval drawn, whole — an interval cut at the edge would claim
 * more precision than there is — rounded to ticks, never beyond the metric's range (`limits`).
 */
export function axis(points: ChartPoint[], limits: [number, number]): { lo: number; hi: number; ticks: number[] } {
  const all: number[] = [];
  for (const p of points) {
    for (const v of p.values) if (v !== null) all.push(v);
    if (p.interval && p.n > 0) all.push(p.interval.lower, p.interval.upper);
  }
  let lo = all.length ? Math.min(...all) : limits[0];
  let hi = all.length ? Math.max(...all) : limits[1];
  if (hi - lo < (limits[1] - limits[0]) / 10) {
    const mid = (hi + lo) / 2;
    lo = mid - (limits[1] - limits[0]) / 20;
    hi = mid + (limits[1] - limits[0]) / 20;
  }
  lo = Math.max(limits[0], lo);
  hi = Math.min(limits[1], hi);
  const step = niceStep(hi - lo);
  lo = Math.max(limits[0], Math.floor(lo / step) * step);
  hi = Math.min(limits[1], Math.ceil(hi / step) * step);
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 1000; v += step) ticks.push(Number(v.toFixed(6)));
  return { lo, hi, ticks };
}

/** Runs of consecutive points where `has` holds: lines and bands break over empty buckets. */
function runs(points: ChartPoint[], has: (p: ChartPoint) => boolean): number[][] {
  const out: number[][] = [];
  let run: number[] = [];
  points.forEach((p, i) => {
    if (has(p)) run.push(i);
    else if (run.length) {
      out.push(run);
      run = [];
    }
  });
  if (run.length) out.push(run);
  return out;
}

/** The width an element is laid out at, followed as it changes. */
function useWidth<T extends Element>(): [{ current: T | null }, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(240, Math.round(el.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * A light SVG line chart with the first series' interval as a band, the axis covering it whole;
 * hollow points for small samples; a period without answers is a gap, not a zero.
 */
export function TrendChart({ title, points, series, limits, format, interval, small }: Props) {
  const [ref, W] = useWidth<HTMLElement>();
  const H = W < NARROW ? 220 : 260;
  const { lo, hi, ticks } = axis(points, limits);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (i: number) => M.left + ((i + 0.5) * plotW) / Math.max(1, points.length);
  const y = (v: number) => M.top + ((hi - v) * plotH) / (hi - lo || 1);
  // About one date label per 90 px, so they never run into each other.
  const every = Math.max(1, Math.ceil(points.length / Math.max(2, Math.floor(plotW / 90))));
  const band = runs(points, (p) => p.interval !== null && p.n > 0);
  return (
    <figure class="chart" data-testid="trend-chart" ref={ref} data-axis={`${lo},${hi}`}>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={title}>
        <defs>
          <clipPath id="plot-area">
            <rect x={M.left} y={M.top} width={plotW} height={plotH} />
          </clipPath>
        </defs>
        {ticks.map((v) => (
          <g key={v}>
            <line class={v === 0 ? "zero" : "grid"} x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} />
            <text class="tick" x={M.left - 8} y={y(v) + 4} text-anchor="end">
              {format(v)}
            </text>
          </g>
        ))}
        {band.map((run) => (
          <path
            key={`band-${run[0]}`}
            class="band"
            clip-path="url(#plot-area)"
            d={`${run.map((i, k) => `${k ? "L" : "M"}${x(i)},${y(points[i]!.interval!.upper)}`).join("")}${[...run]
              .reverse()
              .map((i) => `L${x(i)},${y(points[i]!.interval!.lower)}`)
              .join("")}Z`}
          />
        ))}
        {series.map((s, si) =>
          runs(points, (p) => p.values[si] !== null).map((run) => (
            <path
              key={`${s.name}-${run[0]}`}
              class={`line ${s.cls}`}
              d={run.map((i, k) => `${k ? "L" : "M"}${x(i)},${y(points[i]!.values[si]!)}`).join("")}
            />
          )),
        )}
        {points.map((p, i) => (
          <g key={p.label} data-testid="trend-point" data-label={p.label} data-n={p.n}>
            <title>
              {t.trendPoint(
                formatPeriod(p.label, interval),
                series.map((s, si) => `${s.name} ${p.values[si] === null ? "—" : format(p.values[si]!)}`).join(", "),
                p.n,
              )}
              {p.interval && `, ${t.trendInterval(format(p.interval.lower), format(p.interval.upper))}`}
            </title>
            {series.map((s, si) =>
              p.values[si] === null ? null : (
                <circle
                  key={s.name}
                  class={`dot ${s.cls}${p.n < small ? " hollow" : ""}`}
                  cx={x(i)}
                  cy={y(p.values[si]!)}
                  r={p.n < small ? 3.5 : 4}
                />
              ),
            )}
            {i % every === 0 && (
              <text class="tick" x={x(i)} y={H - 8} text-anchor="middle">
                {formatPeriod(p.label, interval)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption>
        {series.length > 1 &&
          series.map((s) => (
            <span key={s.name} class="key">
              <i class={`swatch ${s.cls}`} />
              {s.name}
            </span>
          ))}
        {points.some((p) => p.interval) && (
          <span class="key">
            <i class="swatch band" />
            {t.trendBandNote(series.length > 1 ? series[0]!.name : null)}
          </span>
        )}
        <span class="key">
          <i class="swatch hollow" />
          {t.trendSmallNote}
        </span>
      </figcaption>
      <table class="sr-only">
        <caption>{t.chartData}</caption>
        <tbody>
          {points.map((p) => (
            <tr key={p.label}>
              <th scope="row">{formatPeriod(p.label, interval)}</th>
              {p.values.map((v, si) => (
                <td key={series[si]!.name}>{v === null ? "—" : format(v)}</td>
              ))}
              <td>{t.n(p.n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
