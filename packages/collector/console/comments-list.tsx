import type { CommentItem } from "@sonde/collector/api";
import { formatWhen } from "./format.js";
import { strings } from "./strings.js";

const t = strings();

/** The colour class of a score: NPS promoter/passive/detractor, CSAT and CES high/mid/low. */
export function tone(kind: string, value: number): string {
  if (kind === "nps") return value >= 9 ? "pro" : value >= 7 ? "pas" : "det";
  if (kind === "csat") return value >= 4 ? "pro" : value === 3 ? "pas" : "det";
  return value >= 5 ? "pro" : value === 4 ? "pas" : "det";
}

/** Comments, newest first, each with the scores given with it, in its own language and direction. */
export function CommentsList(props: { items: CommentItem[]; more: boolean; loading: boolean; onMore: () => void }) {
  return (
    <section class="panel" aria-labelledby="comments-h">
      <h2 id="comments-h">{t.comments}</h2>
      {props.items.length === 0 ? (
        <p class="empty">{t.noComments}</p>
      ) : (
        <ol class="comments" data-testid="comments">
          {props.items.map((c) => (
            <li key={c.id} data-testid="comment">
              <div class="scores">
                {c.scores.map((s) => (
                  <span
                    key={s.stepId}
                    class={`chip ${tone(s.kind, s.value)}`}
                    title={t.scoreOf(s.kind)}
                    data-testid="comment-score"
                  >
                    {s.value}
                  </span>
                ))}
              </div>
              <div class="body">
                {c.comments.map((text) => (
                  <p key={text.stepId} lang={c.browserLocale ?? c.locale ?? undefined} dir="auto" class="text">
                    {text.text}
                  </p>
                ))}
                <p class="meta">
                  <span>{c.path}</span>
                  {(c.browserLocale ?? c.locale) && <span>{c.browserLocale ?? c.locale}</span>}
                  <time dateTime={c.at}>{formatWhen(c.at)}</time>
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {props.more && (
        <button type="button" class="more" onClick={props.onMore} disabled={props.loading}>
          {t.loadMore}
        </button>
      )}
    </section>
  );
}
