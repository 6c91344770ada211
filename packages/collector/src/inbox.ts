import { type Answer, resolveText, type Survey } from "@sonde/core";
import type { InboxBody, InboxDetail, InboxItem } from "./api.js";
import type { ResultsContext } from "./results.js";
import { encodeCursor, type InboxRequest, resolvePeriod } from "./results-query.js";
import type { ResultsError } from "./results-surveys.js";
import type { InboxResponse } from "./store/follow-ups.js";
import { pathOf } from "./store/url-path.js";

const iso = (ms: number) => new Date(ms).toISOString();
const EARLIER = 10;

/** One answer as the inbox lists it: its scores and comments, where it was given, where it stands. */
export function inboxItem(r: InboxResponse): InboxItem {
  const scores: InboxItem["scores"] = [];
  const comments: InboxItem["comments"] = [];
  for (const [stepId, a] of Object.entries(r.answers)) {
    if (a.kind === "open" && a.value.trim()) comments.push({ stepId, text: a.value });
    else if (a.kind === "nps" || a.kind === "csat" || a.kind === "ces")
      scores.push({ stepId, kind: a.kind, value: a.value });
    else if (a.kind === "gap") scores.push({ stepId, kind: "gap", value: a.experienced, expected: a.expected });
    if ((a.kind === "single" || a.kind === "multiple") && a.other?.trim()) comments.push({ stepId, text: a.other });
  }
  return {
    id: r.id,
    surveyId: r.surveyId,
    at: iso(r.answeredAt),
    path: pathOf(r.context.url),
    locale: r.context.locale ?? null,
    device: r.context.device ?? null,
    userId: r.userId ?? null,
    completed: r.completed,
    scores,
    comments,
    followUp: r.followUp,
  };
}

/** Answers `GET /v1/inbox`: one page of answers, newest first. */
export async function computeInbox(
  request: InboxRequest,
  ctx: ResultsContext,
): Promise<{ ok: true; value: InboxBody } | ResultsError> {
  const resolved = resolvePeriod(request, 0, ctx.now);
  if (!resolved.ok) return { ok: false, status: 400, errors: resolved.errors };
  const rows = await ctx.store.followUps.inbox({
    surveyId: request.surveyId,
    ...resolved.value,
    limit: request.limit + 1,
    after: request.after,
    filters: request.filters,
    band: request.band,
    comment: request.comment,
    status: request.status,
  });
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  return {
    ok: true,
    value: {
      items: page.map(inboxItem),
      next: rows.length > request.limit && last ? encodeCursor({ answeredAt: last.answeredAt, id: last.id }) : null,
    },
  };
}

/** An answer's value as a reader wants it: choices by their label where the definition has them. */
function readable(a: Answer, step: Survey["steps"][number] | undefined, locale: string): unknown {
  const label = (id: string) => {
    const choice = step && "choices" in step ? step.choices.find((c) => c.id === id) : undefined;
    return choice ? resolveText(choice.label, locale, locale) : id;
  };
  if (a.kind === "single") return a.other ? [label(a.value), a.other] : label(a.value);
  if (a.kind === "multiple") return [...a.value.map(label), ...(a.other ? [a.other] : [])];
  if (a.kind === "gap") return { expected: a.expected, experienced: a.experienced, scale: a.scale };
  return a.value;
}

/** Answers `GET /v1/inbox/:id`: the whole response, who gave it, their earlier answers, the follow-up. */
export async function computeInboxItem(
  id: string,
  ctx: ResultsContext,
): Promise<{ ok: true; value: InboxDetail } | ResultsError> {
  const response = await ctx.store.followUps.get(id);
  if (!response) return { ok: false, status: 404, errors: [`id: no response "${id}"`] };
  const survey = ctx.surveys.find((s) => s.id === response.surveyId);
  const locale = survey?.defaultLocale ?? "en";
  const steps = new Map((survey?.steps ?? []).map((s) => [s.id, s]));
  const order = [...steps.keys()];
  const rank = (stepId: string) => (order.includes(stepId) ? order.indexOf(stepId) : order.length);
  const answers = Object.entries(response.answers)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([stepId, a]) => {
      const step = steps.get(stepId);
      return {
        stepId,
        question: step && "question" in step ? resolveText(step.question, locale, locale) : null,
        kind: a.kind,
        value: readable(a, step, locale),
      };
    });
  const history = (await ctx.store.followUps.history(id)).map((h) => ({
    status: h.status,
    note: h.note,
    at: iso(h.at),
  }));
  return {
    ok: true,
    value: {
      item: inboxItem(response),
      answers,
      person: {
        userId: response.userId ?? null,
        anonymousId: response.anonymousId,
        attributes: response.context.attributes ?? {},
      },
      context: {
        url: response.context.url,
        locale: response.context.locale ?? null,
        browserLocale: response.context.browserLocale ?? null,
        device: response.context.device ?? null,
      },
      followUp: { status: response.followUp, history },
      earlier: (await ctx.store.followUps.earlier(response, EARLIER)).map(inboxItem),
    },
  };
}
