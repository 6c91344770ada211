import type { Database } from "better-sqlite3";
import type {
  FollowUpEntry,
  FollowUpStats,
  FollowUpStatus,
  FollowUps,
  InboxQuery,
  InboxResponse,
  ScoreBand,
} from "./follow-ups.js";
import { HAS_COMMENT, type Row, statementCache, toStored, where } from "./sql-query.js";
import type { StoredResponse } from "./store.js";

// A scored answer of the response (the `scored` column) that holds `condition` on `s.value`.
const scoredWhere = (condition: string) =>
  `EXISTS (SELECT 1 FROM json_each(scored) s WHERE ${condition.replaceAll("$kind", "s.value ->> 'kind'").replaceAll("$v", "(s.value ->> 'value')")})`;

const BAND_SQL: Record<ScoreBand, string> = {
  detractor: scoredWhere("$kind = 'nps' AND $v <= 6"),
  passive: scoredWhere("$kind = 'nps' AND $v BETWEEN 7 AND 8"),
  promoter: scoredWhere("$kind = 'nps' AND $v >= 9"),
  unhappy: scoredWhere(
    `($kind = 'nps' AND $v <= 6) OR ($kind = 'csat' AND $v <= 2) OR ($kind = 'ces' AND $v <= 3)
     OR ($kind = 'gap' AND (s.value ->> 'experienced') < (s.value ->> 'expected'))`,
  ),
  happy: scoredWhere(
    `($kind = 'nps' AND $v >= 9) OR ($kind = 'csat' AND $v >= 4) OR ($kind = 'ces' AND $v >= 5)
     OR ($kind = 'gap' AND (s.value ->> 'experienced') > (s.value ->> 'expected'))`,
  ),
};

interface InboxRow extends Row {
  follow_up: FollowUpStatus | null;
}

const toInbox = (row: InboxRow): InboxResponse => ({ ...toStored(row), followUp: row.follow_up ?? "new" });

/** The follow-ups on the store's own connection: `follow_ups` holds the history, `responses` the current state. */
export function sqliteFollowUps(db: Database): FollowUps<"sync"> {
  const statement = statementCache(db);
  const insert = db.prepare(
    `INSERT INTO follow_ups (response_id, survey_id, status, note, at)
     SELECT id, survey_id, @status, @note, @at FROM responses WHERE id = @id`,
  );
  // The first time an answer leaves `new` is when it was followed up; later changes keep that time.
  const current = db.prepare(
    `UPDATE responses SET follow_up = @status,
       followed_up_at = coalesce(followed_up_at, CASE WHEN @status <> 'new' THEN @at END)
     WHERE id = @id`,
  );
  const record = db.transaction((id: string, entry: FollowUpEntry) => {
    const params = { id, status: entry.status, note: entry.note, at: entry.at };
    if (insert.run(params).changes === 0) return false;
    current.run(params);
    return true;
  });
  const SELECT = "SELECT body, received_at, answered_at, survey_version, follow_up FROM responses";

  return {
    record: (id, entry) => record(id, entry),

    history(id) {
      return statement("SELECT status, note, at FROM follow_ups WHERE response_id = ? ORDER BY id").all(
        id,
      ) as FollowUpEntry[];
    },

    get(id) {
      const row = statement(`${SELECT} WHERE id = ?`).get(id) as InboxRow | undefined;
      return row && toInbox(row);
    },

    inbox(query: InboxQuery) {
      const w = where(query);
      const conditions = [w.sql];
      if (query.after) conditions.push("(answered_at < @afterAt OR (answered_at = @afterAt AND id < @afterId))");
      if (query.band) conditions.push(BAND_SQL[query.band]);
      if (query.comment !== undefined) conditions.push(query.comment ? HAS_COMMENT : `NOT ${HAS_COMMENT}`);
      if (query.status) conditions.push("coalesce(follow_up, 'new') = @status");
      const rows = statement(
        `${SELECT} WHERE ${conditions.join(" AND ")} ORDER BY answered_at DESC, id DESC LIMIT @limit`,
      ).all({
        ...w.params,
        limit: query.limit,
        ...(query.after ? { afterAt: query.after.answeredAt, afterId: query.after.id } : {}),
        ...(query.status ? { status: query.status } : {}),
      }) as InboxRow[];
      return rows.map(toInbox);
    },

    earlier(response: StoredResponse, limit: number) {
      const [field, value] = response.userId ? ["$.userId", response.userId] : ["$.anonymousId", response.anonymousId];
      const rows = statement(
        `${SELECT} WHERE body ->> @field = @value AND id <> @id
           AND (answered_at < @at OR (answered_at = @at AND id < @id))
         ORDER BY answered_at DESC, id DESC LIMIT @limit`,
      ).all({ field, value, id: response.id, at: response.answeredAt, limit }) as InboxRow[];
      return rows.map(toInbox);
    },

    stats(query): FollowUpStats {
      const w = where(query);
      // Counted in SQL: a period's detractors (a third of a million responses) never become objects.
      const { detractors, followedUp } = statement(
        `SELECT count(*) AS detractors, count(followed_up_at) AS followedUp FROM responses
         WHERE ${w.sql} AND ${BAND_SQL.detractor}`,
      ).get(w.params) as { detractors: number; followedUp: number };
      const waits = followedUp
        ? (statement(
            `SELECT max(0, followed_up_at - answered_at) FROM responses
             WHERE ${w.sql} AND followed_up_at IS NOT NULL AND ${BAND_SQL.detractor} ORDER BY 1`,
          )
            .pluck()
            .all(w.params) as number[])
        : [];
      const open = statement(`SELECT count(*) AS n FROM responses WHERE ${w.sql} AND follow_up = 'contacted'`).get(
        w.params,
      ) as { n: number };
      return { detractors, followedUp, medianToFirst: median(waits), open: open.n };
    },

    openBySurvey() {
      const rows = statement(
        "SELECT survey_id AS surveyId, count(*) AS n FROM responses WHERE follow_up = 'contacted' GROUP BY survey_id",
      ).all() as { surveyId: string; n: number }[];
      return new Map(rows.map((r) => [r.surveyId, r.n]));
    },
  };
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
