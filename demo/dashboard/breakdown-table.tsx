import type { Breakdown, QuestionSummary } from "@sonde/collector/api";
import { formatMean, formatNps, formatShare } from "./format.js";
import { strings } from "./strings.js";

const t = strings();

/** The columns a breakdown shows for the headline question's kind. */
function columns(summary: QuestionSummary | undefined): { head: string; cell: (s: QuestionSummary) => string }[] {
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
        { head: t.mean, cell: (s) => (s.kind === "ces" ? formatMean(s.mean.value) : "") },
        { head: t.agree, cell: (s) => (s.kind === "ces" ? formatShare(s.agree.share) : "") },
      ];
    case "gap":
      return [{ head: t.gapDifference, cell: (s) => (s.kind === "gap" ? formatMean(s.difference.value) : "") }];
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

/** A stacked promoter/passive/detractor bar for one group. */
function MiniMix({ s }: { s: QuestionSummary }) {
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
                    {s ? s.n : g.responses}
                  </td>
                  {cols.map((c) => (
                    <td key={c.head} class="num strong" data-testid="group-score">
                      {s ? c.cell(s) : "—"}
                      {s && <MiniMix s={s} />}
                    </td>
                  ))}
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
