import type { Breakdown, BreakdownGroup, Comparison, ScoreResult } from "@sonde/collector/api";
import type { ComponentChildren } from "preact";
import { formatMean, formatNps, formatP, formatShare } from "./format.js";
import { strings } from "./strings.js";

const t = strings();

/** The columns a breakdown shows for the headline question's kind. */
function columns(summary: ScoreResult | undefined): { head: string; cell: (s: ScoreResult) => string }[] {
  switch (summary?.kind) {
    case "nps":
      return [{ head: t.npsShort, cell: (s) => (s.kind === "nps" ? formatNps(s.score) : "") }];
    case "csat":
      return [
        { head: t.topBox, cell: (s) => (s.kind === "csat" ? formatShare(s.topBox.share) : "") },
        { head: t.top2Box, cell: (s) => (s.kind === "csat" ? formatShare(s.top2Box.share) : "") },
      ];
    case "ces":
      return [
        { head: t.mean, cell: (s) => (s.kind === "ces" ? formatMean(s.mean.mean) : "") },
        { head: t.agree, cell: (s) => (s.kind === "ces" ? formatShare(s.agree.share) : "") },
      ];
    case "gap":
      return [{ head: t.gapDifference, cell: (s) => (s.kind === "gap" ? formatMean(s.difference.mean) : "") }];
    default:
      return [];
  }
}

/** A language tag's name in the reader's language (`da-DK` → Danish (Denmark)), or undefined. */
function languageName(tag: string): string | undefined {
  try {
    const name = new Intl.DisplayNames(undefined, { type: "language" }).of(tag);
    return name && name !== tag ? name : undefined;
  } catch {
    return undefined; // not a tag Intl knows: shown as it came
  }
}

/** A language with its tag beside it, and the tags inside it when there are several: English en · en-US 26, en-GB 8. */
function LanguageKey({ g }: { g: BreakdownGroup & { key: string } }) {
  const name = languageName(g.key);
  const regions = g.regions ?? [];
  const told = regions.length > 1 || (regions.length === 1 && regions[0]!.key !== g.key);
  return (
    <>
      {name ?? g.key} {name && <span class="muted small tag">{g.key}</span>}
      {told && (
        <span class="regions muted small" data-testid="regions">
          {t.regionsOf(regions.map((r) => `${r.key} ${r.n}`).join(" · "))}
        </span>
      )}
    </>
  );
}

/** A path that wraps only after a "/", never inside a word: /pricing/<wbr>enterprise/. */
function PathKey({ path }: { path: string }) {
  const parts = path.split("/");
  return (
    <span class="path">
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </span>
      ))}
    </span>
  );
}

/** The headline metric of a group against the rest: its comparison, if any. */
function versusRest(g: BreakdownGroup): Comparison | null {
  const v = g.versusRest;
  if (!v) return null;
  switch (v.kind) {
    case "nps":
      return v.nps;
    case "csat":
      return v.topBox;
    case "ces":
      return v.mean;
    case "gap":
      return v.difference;
  }
}

/** ▲ or ▼ where a group differs from all the others by more than chance (corrected for the number of groups) explains. */
function RestMarker({ c }: { c: Comparison | null }) {
  if (!c?.significant) return null;
  const up = c.difference > 0;
  return (
    <span
      class={`rest ${up ? "up" : "down"}`}
      title={`${up ? t.higherThanRest : t.lowerThanRest} (${t.restP(formatP(c.pAdjusted!), formatP(c.pValue!))})`}
      data-testid="versus-rest"
    >
      {up ? "▲" : "▼"}
      <span class="sr-only">{up ? t.higherThanRest : t.lowerThanRest}</span>
    </span>
  );
}

/** A stacked promoter/passive/detractor bar for one group. */
function MiniMix({ s }: { s: ScoreResult }) {
  if (s.kind !== "nps" || s.n === 0) return null;
  return (
    <span class="mini-bar" aria-hidden="true">
      <span class="pro" style={{ width: `${(100 * s.promoters) / s.n}%` }} />
      <span class="pas" style={{ width: `${(100 * s.passives) / s.n}%` }} />
      <span class="det" style={{ width: `${(100 * s.detractors) / s.n}%` }} />
    </span>
  );
}

/** The badge of a group: too few answers to compare with the rest, or a small sample. */
function SampleFlag({ g, c, minN, small }: { g: BreakdownGroup; c: Comparison | null; minN: number; small: number }) {
  if (c?.tooFew)
    return (
      <span class="flag" title={t.tooFewHint(minN)} data-testid="small-flag">
        {t.tooFewBadge}
        <span class="sr-only">: {t.tooFewHint(minN)}</span>
      </span>
    );
  if (!g.small) return null;
  return (
    <span class="flag" title={t.smallSampleHint(small)} data-testid="small-flag">
      {t.smallSample}
    </span>
  );
}

/**
 * Answers grouped by one field, largest first; small groups flagged, never hidden. Rows reflow
 * into stacked cards on narrow screens. With `onFilter`, each value can narrow the whole view.
 */
export function BreakdownTable(props: {
  title: ComponentChildren;
  id: string;
  keyHead: string;
  breakdown: Breakdown | undefined;
  headline: string | null;
  small: number;
  onFilter?: (value: string) => void;
}) {
  const { breakdown, headline } = props;
  const first = headline ? breakdown?.groups[0]?.questions[headline] : undefined;
  const cols = columns(first);
  const id = `breakdown-${props.id}`;
  const by = breakdown?.by ?? "";
  const key = (g: BreakdownGroup) => {
    if (g.key === null) return t.unknownValue;
    if (by === "path") return <PathKey path={g.key} />;
    if (by === "language" || by === "browserLanguage") return <LanguageKey g={g as BreakdownGroup & { key: string }} />;
    if (by === "locale" || by === "browserLocale") return languageName(g.key) ?? g.key;
    return g.key;
  };
  return (
    <section class="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{props.title}</h2>
      {!breakdown || breakdown.groups.length === 0 ? (
        <p class="empty">{t.noAnswers}</p>
      ) : (
        <table class="breakdown" data-testid={id} data-by={by}>
          <thead>
            <tr>
              <th scope="col">{props.keyHead}</th>
              <th scope="col" class="num">
                {t.answers}
              </th>
              {cols.map((c) => (
                <th key={c.head} scope="col" class="num">
                  {c.head}
                </th>
              ))}
              <th scope="col">
                <span class="sr-only">{t.versusRest}</span>
              </th>
              <th scope="col">
                <span class="sr-only">{t.smallSample}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {breakdown.groups.map((g) => {
              const s = headline ? g.questions[headline] : undefined;
              const c = versusRest(g);
              return (
                <tr key={g.key ?? ""} data-key={g.key ?? ""}>
                  <th scope="row" class="key-cell">
                    {props.onFilter && g.key !== null ? (
                      <button
                        type="button"
                        class="link"
                        title={t.filterTo(g.key)}
                        onClick={() => props.onFilter!(g.key!)}
                        data-testid="filter-to"
                      >
                        {key(g)}
                      </button>
                    ) : (
                      key(g)
                    )}
                  </th>
                  <td class="num" data-label={t.answers} data-testid="group-n">
                    {s ? s.n : 0}
                  </td>
                  {cols.map((col) => (
                    <td key={col.head} class="num strong" data-label={col.head} data-testid="group-score">
                      {s ? col.cell(s) : "—"}
                    </td>
                  ))}
                  <td class="marks">
                    <RestMarker c={c} />
                    {s && <MiniMix s={s} />}
                  </td>
                  <td class="flags">
                    <SampleFlag g={g} c={c} minN={breakdown.minN} small={props.small} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {breakdown && breakdown.hidden > 0 && <p class="muted small">{t.moreGroups(breakdown.hidden)}</p>}
    </section>
  );
}
