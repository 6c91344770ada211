import type {
  CesResult,
  Comparison,
  CsatResult,
  GapResult,
  Interval,
  NpsScore,
  Proportion,
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
  interval: Interval | null;
  format: (v: number) => string;
  testId: string;
}) {
  if (!interval) return null;
  return (
    <p class="interval" data-testid={testId}>
      {t.interval(format(interval.lower), format(interval.upper))}
    </p>
  );
}

/** How a measure moved since the previous period, and whether that is more than noise. */
export function Change({
  comparison,
  digits = 0,
  unit = "",
  scale = 1,
  present,
}: {
  comparison: Comparison | null | undefined;
  digits?: number;
  unit?: string;
  /** 100 for shares, shown in percentage points. */
  scale?: number;
  /** Whether a previous period was asked for at all. */
  present: boolean;
}) {
  if (!present) return null;
  if (!comparison) return <p class="change muted">{t.noPrevious}</p>;
  const d = comparison.difference;
  const direction = d > 0 ? "up" : d < 0 ? "down" : "flat";
  const significant = comparison.significant;
  return (
    <p class={`change ${direction}${significant ? " significant" : ""}`} data-testid="change">
      <strong>{t.versusPrevious(formatDifference(d * scale, digits, unit))}</strong>
      {comparison.tooFew ? (
        <span class="muted" title={t.tooFewHint(comparison.minN)}>
          {" · "}
          {t.tooFewToCompare}
        </span>
      ) : (
        comparison.pValue !== null && (
          <span class="muted">
            {" · "}
            {significant ? t.significant(formatP(comparison.pValue)) : t.notSignificant(formatP(comparison.pValue))}
          </span>
        )
      )}
    </p>
  );
}

/** The comparison of one metric of a question with the previous period. */
function metric(comparison: QuestionComparison | undefined, name: string): Comparison | null | undefined {
  const c = comparison?.comparison as Record<string, Comparison | null | string> | null | undefined;
  return c ? (c[name] as Comparison | null) : undefined;
}

/** The NPS with its interval, n and change; next to it the promoter/passive/detractor bar. */
export function NpsCards({ nps, comparison }: { nps: NpsScore; comparison?: QuestionComparison }) {
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
        <Change comparison={metric(comparison, "nps")} present={!!comparison} />
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
  share: Proportion;
  testId: string;
}) {
  return (
    <div class="share" data-testid={testId}>
      <div class="share-label">{label}</div>
      <div class="share-value">{formatShare(share.share)}</div>
      <div class="share-track" aria-hidden="true">
        {share.interval && (
          <i
            class="share-interval"
            style={{
              left: `${share.interval.lower * 100}%`,
              width: `${(share.interval.upper - share.interval.lower) * 100}%`,
            }}
          />
        )}
        <span style={{ width: `${(share.share ?? 0) * 100}%` }} />
      </div>
      {share.interval && (
        <div class="muted small" data-testid={`${testId}-interval`}>
          {t.interval(formatShare(share.interval.lower), formatShare(share.interval.upper))}
        </div>
      )}
      <div class="muted small">{hint}</div>
    </div>
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

/** CSAT: top-box next to top-2-box (the gap between them is the "somewhat satisfied"), and the mean. */
export function CsatCard({ csat, comparison }: { csat: CsatResult; comparison?: QuestionComparison }) {
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
          <div class="share-value">{formatMean(csat.mean.mean)}</div>
          <Distribution counts={csat.distribution} lowest={1} />
        </div>
      </div>
      <Change comparison={metric(comparison, "topBox")} unit={t.points} scale={100} present={!!comparison} />
    </section>
  );
}

/** CES: the mean on 1–7 and the share who found it easy. */
export function CesCard({ ces, comparison }: { ces: CesResult; comparison?: QuestionComparison }) {
  return (
    <section class="panel kpi" aria-labelledby="ces-h" data-testid="ces">
      <h2 id="ces-h">
        {t.ces} <span class="muted">{t.n(ces.n)}</span>
      </h2>
      <div class="score medium">
        {formatMean(ces.mean.mean)}
        <small>/ 7</small>
      </div>
      <IntervalLine interval={ces.mean.interval} format={formatMean} testId="ces-interval" />
      <p>
        {t.agree}: <strong data-testid="ces-agree">{formatShare(ces.agree.share)}</strong>
      </p>
      <Distribution counts={ces.distribution} lowest={1} />
      <Change comparison={metric(comparison, "mean")} digits={1} present={!!comparison} />
    </section>
  );
}

/** Gap: the mean difference experienced − expected, and how many were delighted … dissatisfied. */
export function GapCard({ gap, comparison }: { gap: GapResult; comparison?: QuestionComparison }) {
  const bands = ["delighted", "met", "tolerated", "dissatisfied"] as const;
  const signed = (v: number) => formatDifference(v, 2);
  return (
    <section class="panel kpi wide" aria-labelledby="gap-h" data-testid="gap">
      <h2 id="gap-h">
        {t.gap} <span class="muted">{t.n(gap.n)}</span>
      </h2>
      <div class="score medium">{gap.difference.mean === null ? "—" : signed(gap.difference.mean)}</div>
      <p class="muted">{t.gapDifference}</p>
      <IntervalLine interval={gap.difference.interval} format={signed} testId="gap-interval" />
      <div class="bar">
        {bands.map((b) => (
          <span key={b} class={`band-${b}`} style={{ width: `${(gap.bands[b].share ?? 0) * 100}%` }} />
        ))}
      </div>
      <ul class="legend">
        {bands.map((b) => (
          <li key={b}>
            <i class={`band-${b}`} />
            <span>{t.gapBands[b]}</span>
            <strong>{formatShare(gap.bands[b].share)}</strong>
            <span class="muted">{gap.bands[b].count}</span>
          </li>
        ))}
      </ul>
      <Change comparison={metric(comparison, "difference")} digits={2} present={!!comparison} />
    </section>
  );
}
