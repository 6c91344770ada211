import type {
  CommentsBody,
  FollowUpChange,
  FollowUpStatus,
  InboxBody,
  InboxDetail,
  ResultsBody,
  SurveyListBody,
} from "@sonde/collector/api";
import type { PeriodKey } from "./strings.js";

/** The API answered 401: a read key is needed, or the one given is wrong. */
export class KeyNeeded extends Error {}

const KEY_ITEM = "sonde-read-key";

/**
 * The read key: from `#key=…` (taken out of the address bar at once, so it is not shared by
 * accident), else from this tab's session storage.
 */
export function readKey(): string | null {
  const m = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(KEY_ITEM, decodeURIComponent(m[1]!));
    dropFromHash("key");
  }
  return sessionStorage.getItem(KEY_ITEM);
}

/** Takes `name=…` out of the address's hash, keeping the rest (another key, a linked answer). */
export function dropFromHash(name: string): void {
  const rest = location.hash
    .slice(1)
    .split("&")
    .filter((part) => part && !part.startsWith(`${name}=`))
    .join("&");
  history.replaceState(null, "", location.pathname + location.search + (rest ? `#${rest}` : ""));
}

/** Remembers a read key for this tab. */
export function saveKey(key: string): void {
  sessionStorage.setItem(KEY_ITEM, key);
}

async function getJson<T>(path: string, key: string | null): Promise<T> {
  const res = await fetch(path, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  if (res.status === 401) throw new KeyNeeded();
  const body = (await res.json().catch(() => ({}))) as { error?: string; issues?: string[] };
  if (!res.ok) throw new Error(body.issues?.join("; ") ?? body.error ?? `HTTP ${res.status}`);
  return body as T;
}

/** The time zone the reader is in: dates and buckets follow it. */
export const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

const isoDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

/** The query for a period ending today (local dates, both included). */
export function periodQuery(period: PeriodKey, now = new Date()): Record<string, string> {
  if (period === "all") return {};
  const from = new Date(now);
  if (period === "12m") from.setFullYear(from.getFullYear() - 1, from.getMonth(), from.getDate() + 1);
  else from.setDate(from.getDate() - (Number.parseInt(period, 10) - 1));
  return { from: isoDate(from), to: isoDate(now), compare: "previous" };
}

/** What the dashboard shows: one survey in one period, broken down by a chosen field, maybe filtered. */
export interface Selection {
  survey: string;
  period: PeriodKey;
  /** The third breakdown: `device`, `browserLanguage` or `attr.<name>`. */
  by: string;
  /** `device:mobile`, `attr.plan:team`. */
  filters: string[];
}

/** The filter parameter of a selection, if any. */
const filterOf = (s: Selection): Record<string, string> => (s.filters.length ? { filter: s.filters.join(",") } : {});

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** The survey list, each with its responses in the period shown. */
export function fetchSurveys(period: PeriodKey, key: string | null): Promise<SurveyListBody> {
  const { compare: _, ...range } = periodQuery(period);
  return getJson(`/v1/results/surveys?${query({ tz: timeZone(), ...range })}`, key);
}

/** Scores, trend and breakdowns by page, by language (regions inside) and by the chosen field. */
export function fetchResults(s: Selection, key: string | null): Promise<ResultsBody> {
  const by = ["path", "language", s.by].join(",");
  return getJson(
    `/v1/results?${query({ survey: s.survey, tz: timeZone(), by, top: "12", ...periodQuery(s.period), ...filterOf(s) })}`,
    key,
  );
}

/** One page of comments. */
export function fetchComments(s: Selection, key: string | null, cursor?: string): Promise<CommentsBody> {
  const { compare: _, ...period } = periodQuery(s.period);
  return getJson(
    `/v1/results/comments?${query({ survey: s.survey, tz: timeZone(), limit: "8", ...period, ...filterOf(s), ...(cursor ? { cursor } : {}) })}`,
    key,
  );
}

/** The CSV link: a plain download, so the key travels as `?key=`. */
export function csvHref(s: Selection, key: string | null): string {
  const { compare: _, ...period } = periodQuery(s.period);
  return `/v1/results/export.csv?${query({ survey: s.survey, tz: timeZone(), ...period, ...filterOf(s), ...(key ? { key } : {}) })}`;
}

/** What the inbox narrows the selection's answers to; "" is no narrowing. */
export interface InboxFilters {
  band: "" | "detractor" | "passive" | "promoter" | "unhappy" | "happy";
  comment: "" | "with" | "without";
  status: "" | FollowUpStatus;
}

/** One page of the inbox: the selection's survey, period and filters, narrowed further. */
export function fetchInbox(s: Selection, f: InboxFilters, key: string | null, cursor?: string): Promise<InboxBody> {
  const { compare: _, ...period } = periodQuery(s.period);
  const narrow = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== ""));
  return getJson(
    `/v1/inbox?${query({ survey: s.survey, tz: timeZone(), limit: "20", ...period, ...filterOf(s), ...narrow, ...(cursor ? { cursor } : {}) })}`,
    key,
  );
}

/** One answer, whole. */
export function fetchInboxItem(id: string, key: string | null): Promise<InboxDetail> {
  return getJson(`/v1/inbox/${encodeURIComponent(id)}`, key);
}

/** Records where the team stands with an answer; resolves to its whole history. */
export async function saveFollowUp(
  id: string,
  status: FollowUpStatus,
  note: string,
  key: string | null,
): Promise<FollowUpChange[]> {
  const res = await fetch(`/v1/inbox/${encodeURIComponent(id)}/follow-up`, {
    method: "PUT",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ status, note }),
  });
  if (res.status === 401) throw new KeyNeeded();
  const body = (await res.json().catch(() => ({}))) as {
    error?: string;
    issues?: string[];
    history?: FollowUpChange[];
  };
  if (!res.ok) throw new Error(body.issues?.join("; ") ?? body.error ?? `HTTP ${res.status}`);
  return body.history ?? [];
}
