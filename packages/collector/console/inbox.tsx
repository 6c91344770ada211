import type { FollowUpChange, FollowUpStatus, InboxDetail, InboxItem } from "@sonde/collector/api";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { fetchInbox, fetchInboxItem, type InboxFilters, type Selection, saveFollowUp } from "./api.js";
import { tone } from "./comments-list.js";
import { formatWhen } from "./format.js";
import { strings } from "./strings.js";

const t = strings();
const STATUSES: FollowUpStatus[] = ["new", "contacted", "resolved"];

/** A score as a coloured chip; a gap answer shows experienced against expected. */
function ScoreChip({ s }: { s: InboxItem["scores"][number] }) {
  if (s.kind === "gap") {
    const cls = s.value >= (s.expected ?? 0) ? "pro" : "det";
    return (
      <span class={`chip wide ${cls}`} title={t.gapAnswer(s.value, s.expected ?? 0)}>
        {s.value}/{s.expected}
      </span>
    );
  }
  return (
    <span class={`chip ${tone(s.kind, s.value)}`} title={t.scoreOf(s.kind)}>
      {s.value}
    </span>
  );
}

function StatusBadge({ status }: { status: FollowUpStatus }) {
  return (
    <span class={`status status-${status}`} data-testid="status">
      {t.status[status]}
    </span>
  );
}

/** One answer in the list: scores, the first comment, where and when, where it stands. */
function Row({ item, open, onOpen }: { item: InboxItem; open: boolean; onOpen: () => void }) {
  return (
    <li class={open ? "open" : ""}>
      <button type="button" class="inbox-row" aria-expanded={open} onClick={onOpen} data-testid="inbox-item">
        <span class="scores">
          {item.scores.map((s) => (
            <ScoreChip key={s.stepId} s={s} />
          ))}
        </span>
        <span class="body">
          {item.comments[0] ? (
            <span class="text" dir="auto" lang={item.locale ?? undefined}>
              {item.comments[0].text}
            </span>
          ) : (
            <span class="text muted">—</span>
          )}
          <span class="meta">
            <span>{item.path}</span>
            <span>{item.userId ?? t.anonymous}</span>
            <time dateTime={item.at}>{formatWhen(item.at)}</time>
            {!item.completed && <span>{t.notFinished}</span>}
          </span>
        </span>
        <StatusBadge status={item.followUp} />
      </button>
    </li>
  );
}

/** A select of the inbox's filters. */
function Narrow(props: {
  label: string;
  value: string;
  options: Record<string, string>;
  onChange: (v: string) => void;
  testId: string;
}) {
  return (
    <label class="narrow">
      <span>{props.label}</span>
      <select
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {Object.entries(props.options).map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** An answer's value as text: choices are labels already; lists are joined. */
function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.join(", ");
  if (value && typeof value === "object") {
    const gap = value as { experienced?: number; expected?: number };
    return t.gapAnswer(gap.experienced ?? 0, gap.expected ?? 0);
  }
  return String(value);
}

/** One answer whole: every step, who gave it and where, their earlier answers, and its follow-up. */
function Detail(props: {
  detail: InboxDetail;
  keyValue: string | null;
  onSaved: (status: FollowUpStatus, history: FollowUpChange[]) => void;
  onClose: () => void;
  onError: (e: unknown) => void;
}) {
  const { detail } = props;
  const [status, setStatus] = useState<FollowUpStatus>(
    detail.followUp.status === "new" ? "contacted" : detail.followUp.status,
  );
  const [note, setNote] = useState("");
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [detail.item.id]);

  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    try {
      const history = await saveFollowUp(detail.item.id, status, note, props.keyValue);
      setNote("");
      setSaved(true);
      props.onSaved(status, history);
    } catch (error) {
      props.onError(error);
    } finally {
      setSaving(false);
    }
  };
  const attributes = Object.entries(detail.person.attributes);

  return (
    <section class="panel detail" aria-labelledby="detail-h" data-testid="inbox-detail">
      <div class="detail-head">
        <h2 id="detail-h" tabIndex={-1} ref={heading}>
          {t.answerTitle} <span class="muted">{formatWhen(detail.item.at)}</span>
        </h2>
        <button type="button" class="quiet" onClick={props.onClose}>
          {t.closeAnswer}
        </button>
      </div>
      <dl class="answers">
        {detail.answers.map((a) => (
          <div key={a.stepId}>
            <dt>{a.question ?? a.stepId}</dt>
            <dd dir="auto" lang={detail.context.locale ?? undefined}>
              {valueText(a.value)}
            </dd>
          </div>
        ))}
      </dl>
      <h3>{t.whoAnswered}</h3>
      <dl class="facts">
        <div>
          <dt>{t.userId}</dt>
          <dd>{detail.person.userId ?? t.anonymous}</dd>
        </div>
        <div>
          <dt>{t.anonymousId}</dt>
          <dd>{detail.person.anonymousId}</dd>
        </div>
        <div>
          <dt>{t.attributes}</dt>
          <dd>{attributes.length ? attributes.map(([k, v]) => `${k}: ${String(v)}`).join(" · ") : t.noAttributes}</dd>
        </div>
        <div>
          <dt>{t.where}</dt>
          <dd>{[detail.item.path, detail.context.locale, detail.context.device].filter(Boolean).join(" · ")}</dd>
        </div>
      </dl>
      <h3>{t.earlierAnswers}</h3>
      {detail.earlier.length === 0 ? (
        <p class="muted">{t.noEarlierAnswers}</p>
      ) : (
        <ul class="earlier" data-testid="earlier">
          {detail.earlier.map((e) => (
            <li key={e.id}>
              {e.scores.map((s) => (
                <ScoreChip key={s.stepId} s={s} />
              ))}
              <span dir="auto">{e.comments[0]?.text ?? ""}</span>
              <time class="muted" dateTime={e.at}>
                {formatWhen(e.at)}
              </time>
            </li>
          ))}
        </ul>
      )}
      <form class="follow-up" onSubmit={save}>
        <fieldset>
          <legend>
            {t.followUp} <StatusBadge status={detail.followUp.status} />
          </legend>
          <div class="status-choice">
            {STATUSES.map((s) => (
              <label key={s}>
                <input
                  type="radio"
                  name="status"
                  value={s}
                  checked={status === s}
                  onChange={() => {
                    setStatus(s);
                    setSaved(false);
                  }}
                />
                {t.status[s]}
              </label>
            ))}
          </div>
          <label class="note">
            <span>{t.note}</span>
            <textarea
              value={note}
              maxLength={2000}
              rows={3}
              onInput={(e) => {
                setNote((e.currentTarget as HTMLTextAreaElement).value);
                setSaved(false);
              }}
            />
          </label>
          <div class="save">
            <button type="submit" disabled={saving}>
              {t.saveFollowUp}
            </button>
            <span role="status">{saved ? t.saved : ""}</span>
          </div>
        </fieldset>
      </form>
      {detail.followUp.history.length > 0 && (
        <>
          <h3>{t.history}</h3>
          <ol class="history" data-testid="history">
            {[...detail.followUp.history].reverse().map((h) => (
              <li key={h.at + h.status}>
                <strong>{t.historyEntry(t.status[h.status], formatWhen(h.at))}</strong>
                {h.note && (
                  <p dir="auto" class="text">
                    {h.note}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/**
 * The response inbox: every answer of the selection, newest first, narrowed by score, comment and
 * follow-up; one answer whole beside the list, with its follow-up.
 */
export function InboxView(props: {
  selection: Selection;
  filters: InboxFilters;
  onFilters: (f: InboxFilters) => void;
  /** An answer to open at once (the one a link names). */
  openId?: string | undefined;
  keyValue: string | null;
  onError: (e: unknown) => void;
}) {
  const { selection, filters, keyValue, onError, openId } = props;
  const [page, setPage] = useState<{ items: InboxItem[]; next: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [detail, setDetail] = useState<InboxDetail | null>(null);

  useEffect(() => {
    setPage(null);
    fetchInbox(selection, filters, keyValue).then(setPage, onError);
  }, [selection, filters, keyValue, onError]);

  useEffect(() => {
    if (openId) fetchInboxItem(openId, keyValue).then(setDetail, onError);
  }, [openId, keyValue, onError]);

  const more = async () => {
    if (!page?.next) return;
    setLoadingMore(true);
    try {
      const next = await fetchInbox(selection, filters, keyValue, page.next);
      setPage({ items: [...page.items, ...next.items], next: next.next });
    } catch (e) {
      onError(e);
    } finally {
      setLoadingMore(false);
    }
  };
  const open = useCallback(
    (id: string) => {
      if (detail?.item.id === id) return setDetail(null);
      fetchInboxItem(id, keyValue).then(setDetail, onError);
    },
    [detail, keyValue, onError],
  );
  const saved = (id: string, status: FollowUpStatus, history: FollowUpChange[]) => {
    setDetail((d) => d && { ...d, item: { ...d.item, followUp: status }, followUp: { status, history } });
    setPage((p) => p && { ...p, items: p.items.map((i) => (i.id === id ? { ...i, followUp: status } : i)) });
  };
  const set = (change: Partial<InboxFilters>) => props.onFilters({ ...filters, ...change });

  return (
    <div class="inbox">
      <section class="panel" aria-labelledby="inbox-h">
        <h2 id="inbox-h">{t.inboxTitle}</h2>
        <div class="narrowing">
          <Narrow
            label={t.bandLabel}
            value={filters.band}
            options={t.bands}
            onChange={(band) => set({ band: band as InboxFilters["band"] })}
            testId="band"
          />
          <Narrow
            label={t.commentLabel}
            value={filters.comment}
            options={t.commentFilter}
            onChange={(comment) => set({ comment: comment as InboxFilters["comment"] })}
            testId="comment"
          />
          <Narrow
            label={t.statusLabel}
            value={filters.status}
            options={t.statusFilter}
            onChange={(status) => set({ status: status as InboxFilters["status"] })}
            testId="status-filter"
          />
        </div>
        {page === null ? (
          <p class="muted">{t.loading}</p>
        ) : page.items.length === 0 ? (
          <p class="empty">{t.inboxEmpty}</p>
        ) : (
          <ol class="inbox-list" data-testid="inbox">
            {page.items.map((item) => (
              <Row key={item.id} item={item} open={detail?.item.id === item.id} onOpen={() => open(item.id)} />
            ))}
          </ol>
        )}
        {page?.next && (
          <button type="button" class="more" onClick={more} disabled={loadingMore}>
            {t.inboxMore}
          </button>
        )}
      </section>
      {detail ? (
        <Detail
          key={detail.item.id}
          detail={detail}
          keyValue={keyValue}
          onSaved={(status, history) => saved(detail.item.id, status, history)}
          onClose={() => setDetail(null)}
          onError={onError}
        />
      ) : (
        <p class="panel muted pick">{t.pickAnswer}</p>
      )}
    </div>
  );
}
