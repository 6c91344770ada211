import type {
  CesSummary,
  CsatSummary,
  Difference,
  GapSummary,
  Interval,
  NpsSummary,
  QuestionComparison,
} from "@sonde/collector/api";
import { formatDifference, formatMean, formatNps, formatP, formatShare } from "./format.js";
import { strings } from "./strings.js";

const t = strings();
const pct = (part: number, n: number) => (n === 0 ? 0 : (100 * part) / n);

function IntervalLine({
  interval,
  format,
  testId,
}: {
  interval: Interval;
  format: (v: number) => string;
  testId: string;
}) {
  return (
    <p class="interval" data-testid={testId}>
      {interval ? t.interval(format(interval[0]), format(interval[1])) : t.intervalPending}
    </p>
  );
}

/** How a measure moved since the previous period, and whether that is more than noise. */
export function Change({
  difference,
  digits = 0,
  unit = "",
  scale = 1,
}: {
  difference: Difference | undefined;
  digits?: number;
  unit?: string;
  /** 100 for shares, shown in percentage points. */
  scale?: number;
}) {
  if (!difference) return null;
  if (difference.difference === null) return <p class="change muted">{t.noPrevious}</p>;
  const direction = difference.difference > 0 ? "up" : difference.difference < 0 ? "down" : "flat";
  const significance =
    difference.p === null
      ? t.significancePending
      : difference.significant
        ? t.significant(formatP(difference.p))
        : t.notSignificant(formatP(difference.p));
  return (
    <p class={`change ${direction}${difference.significant ? " significant" : ""}`} data-testid="change">
      <strong>{t.versusPrevious(formatDifference(difference.difference * scale, digits, unit))}</strong>
      <span class="muted"> · {significance}</span>
    </p>
  );
}

const differenceOf = (comparison: QuestionComparison | undefined, measure: string) =>
  comparison?.differences.find((d) => d.measure === measure);

/** The NPS with its interval, n and change; next to it the promoter/passive/detractor bar. */
export function NpsCards({ nps, comparison }: { nps: NpsSummary; comparison?: QuestionComparison }) {
  const parts = [
    { key: "promoters", label: t.promoters, value: nps.promoters, cls: "pro" },
    { key: "passives", label: t.passives, value: nps.passives, cls: "pas" },
    { key: "detractors", label: t.detractors, value: nps.detractors, cls: "det" },
  ];
  return (
    <>
      <section class="panel kpi" aria-labelledby="nps-h">
        <h2 id="nps-h">{t.nps}</h2>
        <div class="score" data-testid="nps-score">
          {formatNps(nps.score)}
          <small data-testid="nps-n">{t.n(nps.n)}</small>
        </div>
        <IntervalLine interval={nps.interval} format={formatNps} testId="nps-interval" />
        <Change difference={differenceOf(comparison, "score")} />
      </section>
      <section class="panel kpi" aria-labelledby="mix-h">
        <h2 id="mix-h">{t.npsMix}</h2>
        <div class="bar" role="img" aria-label={parts.map((p) => `${p.label}: ${p.value}`).join(", ")}>
          {parts.map((p) => (
            <span key={p.key} class={p.cls} style={{ width: `${pct(p.value, nps.n)}%` }} />
          ))}
        </div>
        <ul class="legend">
          {parts.map((p) => (
            <li key={p.key} data-testid={`count-${p.key}`}>
              <i class={p.cls} />
              <span>{p.label}</span>
              <strong>{Math.round(pct(p.value, nps.n))}%</strong>
              <span class="muted">{p.value}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function ShareBlock({
  label,
  hint,
  share,
  testId,
}: {
  label: string;
  hint: string;
  share: CsatSummary["topBox"];
  testId: string;
}) {
  return (
    <div class="share" data-testid={testId}>
      <div class="share-label">{label}</div>
      <div class="share-value">{formatShare(share.share)}</div>
      <div class="share-track" aria-hidden="true">
        <span style={{ width: `${(share.share ?? 0) * 100}%` }} />
      </div>
      <div class="muted small">{hint}</div>
      {share.interval && (
        <div class="muted small">{t.interval(formatShare(share.interval[0]), formatShare(share.interval[1]))}</div>
      )}
    </div>
  );
}

/** CSAT: top-box next to top-2-box (the gap between them is the "somewhat satisfied"), and the mean. */
export function CsatCard({ csat, comparison }: { csat: CsatSummary; comparison?: QuestionComparison }) {
  return (
    <section class="panel kpi wide" aria-labelledby="csat-h">
      <h2 id="csat-h">
        {t.csat} <span class="muted">{t.n(csat.n)}</span>
      </h2>
      <div class="shares">
        <ShareBlock label={t.topBox} hint={t.topBoxHint} share={csat.topBox} testId="csat-top-box" />
        <ShareBlock label={t.top2Box} hint={t.top2BoxHint} share={csat.top2Box} testId="csat-top2-box" />
        <div class="share" data-testid="csat-mean">
          <div class="share-label">{t.mean}</div>
          <div class="share-value">{formatMean(csat.mean.value)}</div>
          <Distribution counts={csat.distribution} lowest={1} />
        </div>
      </div>
      <Change difference={differenceOf(comparison, "topBox")} unit={t.points} scale={100} />
    </section>
  );
}

function Distribution({ counts, lowest }: { counts: number[]; lowest: number }) {
  const max = Math.max(1, ...counts);
  return (
    <div class="distribution" aria-hidden="true">
      {counts.map((c, i) => (
        <div key={`point-${i + lowest}`} class="dist-col" title={`${i + lowest}: ${c}`}>
          <span style={{ height: `${(100 * c) / max}%` }} />
          <small>{i + lowest}</small>
        </div>
      ))}
    </div>
  );
}

/** CES: the mean on 1–7 and the share who found it easy. */
export function CesCard({ ces, comparison }: { ces: CesSummary; comparison?: QuestionComparison }) {
  return (
    <section class="panel kpi" aria-labelledby="ces-h" data-testid="ces">
      <h2 id="ces-h">
        {t.ces} <span class="muted">{t.n(ces.n)}</span>
      </h2>
      <div class="score medium">
        {formatMean(ces.mean.value)}
        <small>/ 7</small>
      </div>
      <p>
        {t.agree}: <strong data-testid="ces-agree">{formatShare(ces.agree.share)}</strong>
      </p>
      <Distribution counts={ces.distribution} lowest={1} />
      <Change difference={differenceOf(comparison, "mean")} digits={1} />
    </section>
  );
}

/** Gap: the mean difference experienced − expected, and how many were delighted … dissatisfied. */
export function GapCard({ gap, comparison }: { gap: GapSummary; comparison?: QuestionComparison }) {
  const bands = ["delighted", "met", "tolerated", "dissatisfied"] as const;
  return (
    <section class="panel kpi wide" aria-labelledby="gap-h" data-testid="gap">
      <h2 id="gap-h">
        {t.gap} <span class="muted">{t.n(gap.n)}</span>
      </h2>
      <div class="score medium">{gap.difference.value === null ? "—" : formatDifference(gap.difference.value, 2)}</div>
      <p class="muted">{t.gapDifference}</p>
      <div class="bar">
        {bands.map((b) => (
          <span key={b} class={`band-${b}`} style={{ width: `${pct(gap.bands[b], gap.n)}%` }} />
        ))}
      </div>
      <ul class="legend">
        {bands.map((b) => (
          <li key={b}>
            <i class={`band-${b}`} />
            <span>{t.gapBands[b]}</span>
            <strong>{Math.round(pct(gap.bands[b], gap.n))}%</strong>
          </li>
        ))}
      </ul>
      <Change difference={differenceOf(comparison, "difference")} digits={2} />
    </section>
  );
}
