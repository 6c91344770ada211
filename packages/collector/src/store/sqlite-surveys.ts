import type { Survey } from "@sonde/core";
import type { Database } from "better-sqlite3";
import {
  type StoredSurvey,
  type SurveyStatus,
  type SurveyStore,
  type SurveyVersion,
  VersionConflict,
  type VersionSource,
} from "./survey-store.js";

interface SurveyRow {
  id: string;
  status: SurveyStatus;
  status_by: VersionSource;
  version: number;
  created_at: number;
  updated_at: number;
  source: VersionSource;
  definition: string;
}

interface VersionRow {
  survey_id: string;
  version: number;
  source: VersionSource;
  created_at: number;
  definition: string;
}

/**
 * The survey store in the `surveys` and `survey_versions` tables of a connection. Every survey's
 * current state is read once, on first use, and then kept in memory: each write updates it after
 * its transaction commits. A read-only connection (the results worker) reads from the file and
 * never writes, so it is loaded on first use only.
 */
export function sqliteSurveys(db: Database): SurveyStore<"sync"> {
  let byId: Map<string, StoredSurvey> | undefined;
  let active: readonly Survey[] | undefined;
  let definitions: readonly Survey[] | undefined;
  // The text each current definition was stored as: saves compare with it.
  const storedText = new Map<string, string>();

  const load = (): Map<string, StoredSurvey> => {
    if (byId) return byId;
    byId = new Map();
    const rows = db
      .prepare(
        `SELECT s.id, s.status, s.status_by, s.version, s.created_at, s.updated_at, v.source, v.definition
         FROM surveys s JOIN survey_versions v ON v.survey_id = s.id AND v.version = s.version ORDER BY s.rowid`,
      )
      .all() as SurveyRow[];
    for (const row of rows) {
      storedText.set(row.id, row.definition);
      byId.set(row.id, {
        id: row.id,
        status: row.status,
        statusBy: row.status_by,
        version: row.version,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        source: row.source,
        definition: JSON.parse(row.definition) as Survey,
      });
    }
    return byId;
  };

  /** Puts a survey's new state in memory; the derived lists are built again when next asked for. */
  const remember = (survey: StoredSurvey) => {
    const map = load();
    // A new survey goes last, as a restart loads them (by rowid): the same list, and the same ETag.
    map.set(survey.id, survey);
    active = undefined;
    definitions = undefined;
  };

  const insertSurvey = db.prepare(
    `INSERT INTO surveys (id, status, status_by, version, created_at, updated_at)
     VALUES (@id, @status, @source, 1, @now, @now)`,
  );
  const bumpVersion = db.prepare("UPDATE surveys SET version = @version, updated_at = @now WHERE id = @id");
  const updateStatus = db.prepare(
    "UPDATE surveys SET status = @status, status_by = @by, updated_at = @now WHERE id = @id",
  );
  const insertVersion = db.prepare(
    `INSERT INTO survey_versions (survey_id, version, source, created_at, definition)
     VALUES (@id, @version, @source, @now, @definition)`,
  );
  const selectVersions = db.prepare(
    "SELECT survey_id, version, source, created_at, definition FROM survey_versions WHERE survey_id = ? ORDER BY version DESC",
  );

  const saveTx = db.transaction(
    (id: string, version: number, text: string, now: number, source: VersionSource, status: SurveyStatus | null) => {
      if (status) insertSurvey.run({ id, status, source, now });
      else bumpVersion.run({ id, version, now });
      insertVersion.run({ id, version, source, now, definition: text });
    },
  );

  return {
    list: () => [...load().values()],
    get: (id) => load().get(id),
    currentVersion: (id) => load().get(id)?.version,

    active() {
      active ??= [...load().values()].filter((s) => s.status === "active").map((s) => s.definition);
      return active;
    },

    definitions() {
      definitions ??= [...load().values()].map((s) => s.definition);
      return definitions;
    },

    versions(id) {
      return (selectVersions.all(id) as VersionRow[]).map(
        (row): SurveyVersion => ({
          surveyId: row.survey_id,
          version: row.version,
          source: row.source,
          createdAt: row.created_at,
          definition: JSON.parse(row.definition) as Survey,
        }),
      );
    },

    // One process writes the file: its copy is the database's state, and checks ifVersion alone.
    save(definition, now, source, status = "draft", ifVersion) {
      const current = load().get(definition.id);
      if (current && ifVersion !== undefined && current.version !== ifVersion) throw new VersionConflict(current);
      const text = JSON.stringify(definition);
      if (current && storedText.get(current.id) === text) return { survey: current, outcome: "unchanged" };
      const version = current ? current.version + 1 : 1;
      saveTx(definition.id, version, text, now, source, current ? null : status);
      storedText.set(definition.id, text);
      const survey: StoredSurvey = {
        id: definition.id,
        status: current?.status ?? status,
        statusBy: current?.statusBy ?? source,
        version,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
        source,
        definition: JSON.parse(text) as Survey,
      };
      remember(survey);
      return { survey, outcome: current ? "changed" : "created" };
    },

    setStatus(id, status, now, by = "admin", ifVersion) {
      const current = load().get(id);
      if (!current) return undefined;
      if (ifVersion !== undefined && current.version !== ifVersion) throw new VersionConflict(current);
      if (current.status === status) return current;
      updateStatus.run({ id, status, by, now });
      const survey = { ...current, status, statusBy: by, updatedAt: now };
      remember(survey);
      return survey;
    },
  };
}
