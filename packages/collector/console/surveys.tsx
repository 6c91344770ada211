import type { AdminSurvey, AdminSurveySummary } from "@sonde/collector/api";
import { parseSurvey, unknownFieldIssues } from "@sonde/core";
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import {
  AdminProblem,
  AdminRefused,
  changeStatus,
  createSurvey,
  getSurvey,
  listSurveys,
  readAdminKey,
  saveAdminKey,
  saveSurvey,
} from "./admin-api.js";
import { Builder } from "./builder/builder.js";
import type { Json } from "./builder/update.js";
import { formatWhen } from "./format.js";
import { launchSummary, TEMPLATES } from "./launch.js";
import { strings } from "./strings.js";
import { TryPanels } from "./tryout/index.js";

const t = strings();
type Action = "launch" | "pause" | "archive";

/** The actions a status allows, as the admin API does. */
const ACTIONS: Record<AdminSurveySummary["status"], Action[]> = {
  draft: ["launch", "archive"],
  active: ["pause", "archive"],
  paused: ["launch", "archive"],
  archived: [],
};

/** What went wrong, as lines a person can act on. */
function problemLines(e: unknown): string[] {
  if (e instanceof AdminProblem) {
    if (e.status === 412) return [t.surveys.stale];
    return [e.body.error, ...(e.body.issues ?? [])];
  }
  return [e instanceof Error ? e.message : String(e)];
}

function AdminKeyForm({ status, onKey }: { status: number | null; onKey: (k: string) => void }) {
  const [value, setValue] = useState("");
  return (
    <form
      class="panel key-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onKey(value.trim());
      }}
    >
      <p>{t.surveys.keyNeeded}</p>
      {status === 403 && <p role="alert">{t.surveys.keyRefused}</p>}
      {status === 401 && <p role="alert">{t.keyWrong}</p>}
      <label>
        {t.surveys.keyLabel}{" "}
        <input type="password" value={value} onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <button type="submit">{t.surveys.keySubmit}</button>
    </form>
  );
}

/** The launch summary, in a modal dialog: what going live means, then launch or go back. */
function LaunchDialog(props: { survey: AdminSurvey; onLaunch: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => ref.current?.showModal(), []);
  return (
    <dialog ref={ref} class="launch" aria-labelledby="launch-h" onCancel={props.onCancel}>
      <h2 id="launch-h">{t.surveys.launchTitle(props.survey.name ?? props.survey.id)}</h2>
      <ul data-testid="launch-summary">
        {launchSummary(props.survey.definition as unknown as Record<string, unknown>).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" onClick={props.onLaunch}>
          {t.surveys.actions.launch}
        </button>
        <button type="button" class="quiet" onClick={props.onCancel}>
          {t.surveys.cancel}
        </button>
      </div>
    </dialog>
  );
}

type Tab = "form" | "json";
const TABS: Tab[] = ["form", "json"];
const pretty = (definition: unknown) => JSON.stringify(definition, null, 2);

/** The JSON as typed, checked as the collector checks it: unknown keys are problems, paths named. */
function liveCheck(text: string): { definition: Json | null; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { definition: null, problems: [t.builder.notJson((e as Error).message)] };
  }
  const parsed = parseSurvey(json, { unknownFields: unknownFieldIssues });
  const definition = json && typeof json === "object" && !Array.isArray(json) ? (json as Json) : null;
  return { definition, problems: parsed.ok ? [] : parsed.errors };
}

/** The two ways to edit, as tabs: arrow keys move between them. */
function Tabs(props: { tab: Tab; onTab: (tab: Tab) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  return (
    <div class="tabs" role="tablist" aria-label={t.builder.tabsLabel}>
      {TABS.map((tab, i) => (
        <button
          key={tab}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${tab}`}
          aria-controls={`panel-${tab}`}
          aria-selected={props.tab === tab}
          tabIndex={props.tab === tab ? 0 : -1}
          class={props.tab === tab ? "on" : ""}
          onClick={() => props.onTab(tab)}
          onKeyDown={(e) => {
            if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
            e.preventDefault();
            const next = TABS[(i + (e.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length]!;
            props.onTab(next);
            refs.current[TABS.indexOf(next)]?.focus();
          }}
        >
          {t.builder.tabs[tab]}
        </button>
      ))}
    </div>
  );
}

/**
 * One survey: its status and actions, and its definition — as a form or as JSON checked as you
 * type, both editing the same definition — saved as a new version. Beside it on wide screens
 * (below on phones) the try-out panels follow the definition as it is now, its last valid JSON.
 */
function Editor(props: { survey: AdminSurvey; adminKey: string | null; onChanged: (s: AdminSurvey) => void }) {
  const { survey } = props;
  const [definition, setDefinition] = useState<Json>(() => survey.definition as unknown as Json);
  const [text, setText] = useState(() => pretty(survey.definition));
  const [tab, setTab] = useState<Tab>("form");
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState("");
  const [confirming, setConfirming] = useState(false);
  const live = useMemo(() => liveCheck(text), [text]);

  const edit = (next: Json) => {
    setDefinition(next);
    setText(pretty(next));
    setSaved("");
  };
  const run = async (work: () => Promise<{ body: AdminSurvey }>, done: string) => {
    setSaved("");
    try {
      const { body } = await work();
      setProblems([]);
      setSaved(done);
      setDefinition(body.definition as unknown as Json);
      setText(pretty(body.definition));
      props.onChanged(body);
    } catch (e) {
      setProblems(problemLines(e));
    }
  };
  const save = () => {
    let sent: unknown;
    try {
      sent = JSON.parse(text);
    } catch (e) {
      return setProblems([`${t.surveys.notJson}: ${(e as Error).message}`]);
    }
    void run(() => saveSurvey(props.adminKey, survey.id, sent, survey.etag), t.surveys.savedVersion);
  };
  const act = (action: Action) =>
    void run(() => changeStatus(props.adminKey, survey.id, action, survey.etag), t.surveys.done[action]);

  return (
    <section class="panel editor" aria-labelledby="editor-h" data-testid="survey-editor">
      <div class="detail-head">
        <h2 id="editor-h">
          {survey.name ?? survey.id} <span class="muted">{t.surveys.version(survey.version)}</span>
        </h2>
        <span class={`status status-${survey.status}`} data-testid="survey-status">
          {t.surveys.status[survey.status]}
        </span>
      </div>
      <div class="actions">
        {ACTIONS[survey.status].map((action) => (
          <button
            key={action}
            type="button"
            class={action === "launch" ? "" : "quiet"}
            onClick={() => (action === "launch" ? setConfirming(true) : act(action))}
          >
            {t.surveys.actions[action]}
          </button>
        ))}
      </div>
      <div class="editor-body">
        <div class="editor-main">
          <Tabs tab={tab} onTab={setTab} />
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="tab-panel">
            {tab === "form" ? (
              <Builder definition={definition} onChange={edit} />
            ) : (
              <label class="json">
                <span>{t.builder.jsonLabel}</span>
                <textarea
                  spellcheck={false}
                  rows={24}
                  value={text}
                  aria-describedby="live-check"
                  onInput={(e) => {
                    const value = (e.currentTarget as HTMLTextAreaElement).value;
                    setText(value);
                    setSaved("");
                    const parsed = liveCheck(value).definition;
                    if (parsed) setDefinition(parsed);
                  }}
                />
              </label>
            )}
          </div>
          <div
            id="live-check"
            class={live.problems.length ? "live bad" : "live ok"}
            aria-live="polite"
            data-testid="live-check"
          >
            {live.problems.length === 0 ? (
              <p>{t.builder.jsonOk}</p>
            ) : (
              <>
                <p>{t.builder.jsonProblems(live.problems.length)}</p>
                <ul class="live-list">
                  {live.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <div class="save">
            <button type="button" onClick={save}>
              {t.surveys.save}
            </button>
            <span role="status">{saved}</span>
          </div>
          {problems.length > 0 && (
            <ul class="problems" role="alert" data-testid="problems">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
        <div class="editor-side">
          <TryPanels definition={definition} />
        </div>
      </div>
      {confirming && (
        <LaunchDialog
          survey={survey}
          onCancel={() => setConfirming(false)}
          onLaunch={() => {
            setConfirming(false);
            act("launch");
          }}
        />
      )}
    </section>
  );
}

/**
 * Surveys in the store: each with its status; one opened with its actions (launch after a summary,
 * pause, archive) and its definition; new ones from templates. Needs the collector's admin key.
 */
export function SurveysView() {
  const [adminKey, setAdminKey] = useState<string | null>(readAdminKey);
  const [refused, setRefused] = useState<number | null>(null);
  const [list, setList] = useState<AdminSurveySummary[] | null>(null);
  const [open, setOpen] = useState<AdminSurvey | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [template, setTemplate] = useState(0);
  const [newId, setNewId] = useState("");

  const fail = useCallback((e: unknown) => {
    if (e instanceof AdminRefused) setRefused(e.status);
    else setProblems(problemLines(e));
  }, []);
  const load = useCallback(async () => {
    if (adminKey === null) return;
    await listSurveys(adminKey).then(({ body }) => {
      setRefused(null);
      setList(body.surveys);
    }, fail);
  }, [adminKey, fail]);
  useEffect(() => void load(), [load]);

  const changed = (s: AdminSurvey) => {
    setOpen(s);
    void load();
  };
  const create = async (e: Event) => {
    e.preventDefault();
    setProblems([]);
    try {
      const { body } = await createSurvey(adminKey, TEMPLATES[template]!.definition(newId.trim()));
      setNewId("");
      changed(body);
    } catch (error) {
      fail(error);
    }
  };

  if (refused !== null || adminKey === null)
    return (
      <AdminKeyForm
        status={refused}
        onKey={(k) => {
          saveAdminKey(k);
          setAdminKey(k);
        }}
      />
    );
  return (
    <div class="inbox surveys">
      <div class="stack">
        <section class="panel" aria-labelledby="surveys-h">
          <h2 id="surveys-h">{t.surveys.title}</h2>
          {list === null ? (
            <p class="muted">{t.loading}</p>
          ) : (
            <ol class="inbox-list" data-testid="surveys">
              {list.map((s) => (
                <li key={s.id} class={open?.id === s.id ? "open" : ""}>
                  <button
                    type="button"
                    class="inbox-row"
                    aria-expanded={open?.id === s.id}
                    onClick={() => getSurvey(adminKey, s.id).then(({ body }) => setOpen(body), fail)}
                  >
                    <span class="body">
                      <span class="text">{s.name ?? s.id}</span>
                      <span class="meta">
                        <span>{s.id}</span>
                        <span>{t.surveys.version(s.version)}</span>
                        <time dateTime={s.updatedAt}>{formatWhen(s.updatedAt)}</time>
                      </span>
                    </span>
                    <span class={`status status-${s.status}`}>{t.surveys.status[s.status]}</span>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </section>
        <form class="panel new-survey" onSubmit={create} aria-labelledby="new-h">
          <h2 id="new-h">{t.surveys.newTitle}</h2>
          <label class="narrow">
            <span>{t.surveys.template}</span>
            <select
              value={String(template)}
              onChange={(e) => setTemplate(Number((e.currentTarget as HTMLSelectElement).value))}
            >
              {TEMPLATES.map((tpl, i) => (
                <option key={tpl.name} value={String(i)}>
                  {tpl.name}
                </option>
              ))}
            </select>
          </label>
          <label class="narrow">
            <span>{t.surveys.newId}</span>
            <input
              required
              pattern="[A-Za-z0-9][A-Za-z0-9_.\-]*"
              value={newId}
              onInput={(e) => setNewId((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <button type="submit">{t.surveys.create}</button>
          {problems.length > 0 && (
            <ul class="problems" role="alert">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </form>
      </div>
      {open ? (
        <Editor key={open.id} survey={open} adminKey={adminKey} onChanged={changed} />
      ) : (
        <p class="panel muted pick">{t.surveys.pick}</p>
      )}
    </div>
  );
}
