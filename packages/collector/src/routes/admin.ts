import { formatPath, parseSurvey, type Survey, unknownFieldIssues } from "@sonde/core";
import type { Context, Hono } from "hono";
import type { AdminSurvey, AdminSurveySummary, AdminSurveyVersion } from "../api.js";
import { requireAdminKey } from "../http/access-key.js";
import { sizeLimit } from "../http/body-limit.js";
import {
  type StoredSurvey,
  type SurveyStatus,
  type SurveyStore,
  type SurveyVersion,
  VersionConflict,
} from "../store/survey-store.js";
import { parseSurveyJson, SurveyFileError } from "../survey-files.js";
import type { SurveyCheck } from "../surveys.js";
import { matchesEtag } from "./surveys.js";

/** What the admin API needs. */
export interface AdminOptions {
  surveys: SurveyStore;
  /** Without it the admin API answers 403 to everything: it is never open. */
  adminKey: string | undefined;
  /** Largest definition accepted (default 1 MB). */
  maxBodyBytes?: number;
  /** Checks beyond the schema, as at start (where webhooks may go, signing secrets). */
  extra?: SurveyCheck;
  now: () => number;
}

/** The default body limit: definitions are larger than batches of answers, and rare. */
export const ADMIN_MAX_BODY_BYTES = 1024 * 1024;

const JSON_TYPE = /^application\/json\s*(;|$)/i;
const MAX_ISSUES = 50;

/** A version's entity tag: `If-Match` carries it back to say which version an edit starts from. */
export const versionEtag = (version: number) => `"v${version}"`;

const iso = (ms: number) => new Date(ms).toISOString();

const summary = (s: StoredSurvey): AdminSurveySummary => ({
  id: s.id,
  name: s.definition.name ?? null,
  status: s.status,
  version: s.version,
  etag: versionEtag(s.version),
  createdAt: iso(s.createdAt),
  updatedAt: iso(s.updatedAt),
});

const shown = (s: StoredSurvey): AdminSurvey => ({ ...summary(s), definition: s.definition });

const shownVersion = (v: SurveyVersion): AdminSurveyVersion => ({
  version: v.version,
  etag: versionEtag(v.version),
  source: v.source,
  createdAt: iso(v.createdAt),
  definition: v.definition,
});

/** An id from the URL as messages quote it: short, and never able to break a line. */
const quoted = (id: string) => JSON.stringify(id.length > 64 ? `${id.slice(0, 64)}…` : id);

const problem = (c: Context, status: 400 | 404 | 409 | 412 | 415 | 428, error: string, issues?: string[]) =>
  c.json(issues ? { error, issues } : { error }, status);

/** Where each status may be reached from; a status already held is kept without error. */
const TRANSITIONS: Record<"launch" | "pause" | "archive", { to: SurveyStatus; from: readonly SurveyStatus[] }> = {
  launch: { to: "active", from: ["draft", "paused", "active"] },
  pause: { to: "paused", from: ["active", "paused"] },
  archive: { to: "archived", from: ["draft", "active", "paused", "archived"] },
};

/**
 * The admin API, behind the admin key: list, read, create and edit survey definitions, their
 * versions, and launch, pause or archive them. Every definition is validated as at start (unknown
 * fields are errors, with "did you mean"); edits and status changes name the version they start
 * from with `If-Match` (428 without it, 412 when it is no longer the current one).
 */
export function adminRoutes(app: Hono, options: AdminOptions): void {
  const { surveys, now } = options;
  const limit = sizeLimit(options.maxBodyBytes ?? ADMIN_MAX_BODY_BYTES);
  app.use("/v1/admin", requireAdminKey(options.adminKey));
  app.use("/v1/admin/*", requireAdminKey(options.adminKey));
  app.use("/v1/admin/*", async (c, next) => {
    c.header("cache-control", "no-store");
    await next();
  });

  /** The body as a valid definition, or the response refusing it. */
  const definition = async (c: Context): Promise<Survey | Response> => {
    const type = c.req.header("content-type") ?? "";
    if (!JSON_TYPE.test(type)) {
      return problem(c, 415, `content-type must be application/json (got ${JSON.stringify(type.slice(0, 100))})`);
    }
    let json: unknown;
    try {
      json = parseSurveyJson("body", await c.req.text());
    } catch (error) {
      if (!(error instanceof SurveyFileError)) throw error;
      return problem(c, 400, "invalid JSON", [error.message]);
    }
    const parsed = parseSurvey(json, { unknownFields: unknownFieldIssues });
    const errors = parsed.ok
      ? (options.extra?.(parsed.value) ?? []).map((i) => `${formatPath(["survey", ...i.path])}: ${i.message}`)
      : parsed.errors;
    if (errors.length || !parsed.ok) {
      const more = errors.length - MAX_ISSUES;
      return problem(
        c,
        400,
        "invalid survey definition",
        more > 0 ? [...errors.slice(0, MAX_ISSUES), `… and ${more} more`] : errors,
      );
    }
    return parsed.value;
  };

  /** The survey named in the URL, checked against `If-Match`; or the response refusing the request. */
  const current = (c: Context, needsMatch: boolean): StoredSurvey | Response => {
    const id = c.req.param("id") ?? "";
    const survey = surveys.get(id);
    if (!survey) return problem(c, 404, `no survey ${quoted(id)}`);
    if (!needsMatch) return survey;
    const ifMatch = c.req.header("if-match");
    if (ifMatch === undefined) {
      return problem(
        c,
        428,
        `If-Match is required: send the ETag of the version this change starts from (now ${versionEtag(survey.version)})`,
      );
    }
    if (!matchesEtag(ifMatch, versionEtag(survey.version))) return changed(c, survey);
    return survey;
  };

  /** 412: the survey is at another version than the change starts from. */
  const changed = (c: Context, survey: StoredSurvey) =>
    c.json(
      {
        error: `survey ${quoted(survey.id)} has changed: it is at version ${survey.version} now; load it again and redo the change`,
        current: shown(survey),
      },
      412,
      { etag: versionEtag(survey.version) },
    );

  /**
   * The reply to a change checked against `If-Match` here and, by the store, against the database:
   * another collector on the same database may have saved since this one's copy was read.
   */
  const changeReply = async (c: Context, change: () => Promise<StoredSurvey> | StoredSurvey) => {
    try {
      return reply(c, await change());
    } catch (error) {
      if (error instanceof VersionConflict) return changed(c, error.survey);
      throw error;
    }
  };

  const reply = (c: Context, survey: StoredSurvey, status: 200 | 201 = 200) =>
    c.json(shown(survey), status, { etag: versionEtag(survey.version) });

  app.get("/v1/admin/surveys", (c) => c.json({ surveys: surveys.list().map(summary) }));

  app.post("/v1/admin/surveys", limit, async (c) => {
    const value = await definition(c);
    if (value instanceof Response) return value;
    const exists = () =>
      problem(c, 409, `survey ${quoted(value.id)} exists; change it with PUT /v1/admin/surveys/${value.id}`);
    if (surveys.get(value.id)) return exists();
    try {
      // Version 0: only if no collector has created it since this one's copy was read.
      const { survey } = await surveys.save(value, now(), "admin", undefined, 0);
      c.header("location", `/v1/admin/surveys/${encodeURIComponent(survey.id)}`);
      return reply(c, survey, 201);
    } catch (error) {
      if (error instanceof VersionConflict) return exists();
      throw error;
    }
  });

  app.get("/v1/admin/surveys/:id", (c) => {
    const survey = current(c, false);
    return survey instanceof Response ? survey : reply(c, survey);
  });

  app.put("/v1/admin/surveys/:id", limit, async (c) => {
    const found = current(c, true);
    if (found instanceof Response) return found;
    const value = await definition(c);
    if (value instanceof Response) return value;
    // Another save may have landed while this body arrived: check again, with no await until the save.
    const still = current(c, true);
    if (still instanceof Response) return still;
    if (value.id !== found.id) {
      return problem(c, 400, "invalid survey definition", [
        `survey.id: must be ${quoted(found.id)}, the id in the URL (got ${quoted(value.id)}); an id cannot change`,
      ]);
    }
    // The same definition again is no new version: a retried save changes nothing.
    return changeReply(c, async () => (await surveys.save(value, now(), "admin", undefined, still.version)).survey);
  });

  for (const action of ["launch", "pause", "archive"] as const) {
    app.post(`/v1/admin/surveys/:id/${action}`, async (c) => {
      const found = current(c, true);
      if (found instanceof Response) return found;
      const { to, from } = TRANSITIONS[action];
      if (!from.includes(found.status)) {
        return problem(
          c,
          409,
          `survey ${quoted(found.id)} is ${found.status}: it cannot be ${action === "pause" ? "paused" : "launched"}${
            found.status === "archived" ? "; archived surveys keep their results but are not shown again" : ""
          }`,
        );
      }
      return changeReply(c, async () => (await surveys.setStatus(found.id, to, now(), "admin", found.version))!);
    });
  }

  app.get("/v1/admin/surveys/:id/versions", async (c) => {
    const found = current(c, false);
    if (found instanceof Response) return found;
    return c.json({ id: found.id, versions: (await surveys.versions(found.id)).map(shownVersion) });
  });
}
