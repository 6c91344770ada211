import type { Breakdown, BreakdownGroup, Comparison, ScoreResult } from "@sonde/collector/api";
import { formatMean, formatNps, formatP, formatShare } from "./format.js";
import { isSignificant } from "./score-cards.js";
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

/** A language tag as its name in the reader's language, with the tag beside it: Danish (Denmark) da-DK. */
function LocaleName({ tag }: { tag: string }) {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(undefined, { type: "language" }).of(tag);
  } catch {
    // not a tag Intl knows: show it as it came
  }
  if (!name || name === tag) return <span>{tag}</span>;
  return (
    <>
      {name} <span class="muted small">{tag}</span>
    </>
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

/** ▲ or ▼ when a group differs from all the others by more than chance would explain. */
function RestMarker({ g }: { g: BreakdownGroup }) {
  const c = versusRest(g);
  if (!c || !isSignificant(c)) return null;
  const up = c.difference > 0;
  return (
    <span
      class={`rest ${up ? "up" : "down"}`}
      title={`${up ? t.higherThanRest : t.lowerThanRest} (${formatP(c.pValue!)})`}
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

/** Answers grouped by one context field, largest first; small groups flagged, never hidden. */
export function BreakdownTable(props: {
  title: string;
  keyHead: string;
  breakdown: Breakdown | undefined;
  headline: string | null;
  small: number;
}) {
  const { breakdown, headline } = props;
  const first = headline ? breakdown?.groups[0]?.questions[headline] : undefined;
  const cols = columns(first);
  const id = `breakdown-${breakdown?.by ?? "none"}`;
  return (
    <section class="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{props.title}</h2>
      {!breakdown || breakdown.groups.length === 0 ? (
        <p class="empty">{t.noAnswers}</p>
      ) : (
        <table data-testid={id}>
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
              return (
                <tr key={g.key ?? ""} data-key={g.key ?? ""}>
                  <td class="key-cell">
                    {g.key === null ? t.unknownValue : breakdown.by === "locale" ? <LocaleName tag={g.key} /> : g.key}
                  </td>
                  <td class="num" data-testid="group-n">
                    {s ? s.n : 0}
                  </td>
                  {cols.map((c) => (
                    <td key={c.head} class="num strong" data-testid="group-score">
                      {s ? c.cell(s) : "—"}
                    </td>
                  ))}
                  <td class="marks">
                    <RestMarker g={g} />
                    {s && <MiniMix s={s} />}
                  </td>
                  <td>
                    {g.small && (
                      <span class="flag" title={t.smallSampleHint(props.small)} data-testid="small-flag">
                        {t.smallSample}
                      </span>
                    )}
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
