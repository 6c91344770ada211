import type { CommentItem, CommentsBody } from "./api.js";
import type { ResultsContext } from "./results.js";
import { type CommentsRequest, encodeCursor, resolvePeriod } from "./results-query.js";
import { pickSurvey, type ResultsError, surveyList } from "./results-surveys.js";
import type { StoredResponse } from "./store/store.js";
import { pathOf } from "./store/url-path.js";

const iso = (ms: number) => new Date(ms).toISOString();

function commentItem(r: StoredResponse): CommentItem {
  const comments: CommentItem["comments"] = [];
  const scores: CommentItem["scores"] = [];
  for (const [stepId, a] of Object.entries(r.answers)) {
    if (a.kind === "open" && a.value.trim()) comments.push({ stepId, text: a.value });
    else if (a.kind === "nps" || a.kind === "csat" || a.kind === "ces")
      scores.push({ stepId, kind: a.kind, value: a.value });
  }
  return {
    id: r.id,
    at: iso(r.answeredAt),
    path: pathOf(r.context.url),
    locale: r.context.locale ?? null,
    browserLocale: r.context.browserLocale ?? null,
    device: r.context.device ?? null,
    comments,
    scores,
  };
}

/** Answers `GET /v1/results/comments`: one page of written comments with their scores, newest first. */
export async function computeComments(
  request: CommentsRequest,
  ctx: ResultsContext,
): Promise<{ ok: true; value: CommentsBody } | ResultsError> {
  if (request.surveyId !== undefined) {
    const picked = pickSurvey(await surveyList(ctx.store, ctx.surveys), request.surveyId);
    if (!picked.ok) return picked;
  }
  const resolved = resolvePeriod(request, 0, ctx.now);
  if (!resolved.ok) return { ok: false, status: 400, errors: resolved.errors };
  const rows = await ctx.store.page({
    surveyId: request.surveyId,
    ...resolved.value,
    limit: request.limit + 1,
    after: request.after,
    filters: request.filters,
    withComment: true,
  });
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  return {
    ok: true,
    value: {
      items: page.map(commentItem),
      next: rows.length > request.limit && last ? encodeCursor({ answeredAt: last.answeredAt, id: last.id }) : null,
    },
  };
}
