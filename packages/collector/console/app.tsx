import type {
  CommentItem,
  Interval,
  QuestionResult,
  ResultsBody,
  ScoreResult,
  SurveyListItem,
} from "@sonde/collector/api";
import { SMALL_SAMPLE } from "@sonde/core";
import { useCallback, useEffect, useState } from "preact/hooks";
import {
  csvHref,
  fetchComments,
  fetchResults,
  fetchSurveys,
  type InboxFilters,
  KeyNeeded,
  readKey,
  type Selection,
  saveKey,
} from "./api.js";
import { BreakdownTable } from "./breakdown-table.js";
import { CommentsList } from "./comments-list.js";
import { FollowUpCard } from "./follow-up-card.js";
import { formatDifference, formatMean, formatNps, formatShare } from "./format.js";
import { InboxView } from "./inbox.js";
import { lazy } from "./lazy.js";
import { KeyForm, Pickers } from "./pickers.js";
import { CesCard, CsatCard, GapCard, NpsCards } from "./score-cards.js";
import { type PeriodKey, strings } from "./strings.js";
import { type ChartPoint, type ChartSeries, TrendChart } from "./trend-chart.js";

/** The Surveys view (the builder, the survey schema's live check) is a chunk fetched when it is opened. */
const SurveysView = lazy(() => import("./surveys.js").then((m) => m.SurveysView), "the Surveys view");

const t = strings();
const PERIOD_KEYS = ["7d", "30d", "90d", "12m", "all"];
const FIELD = /^(device|browserLanguage|attr\.[A-Za-z0-9_.-]{1,64})$/;

/** The selection in the address (`?survey=…&period=…&by=…&filter=…`), so a view can be shared and reloaded. */
function selectionFromUrl(): Partial<Selection> {
  const q = new URLSearchParams(location.search);
  const period = q.get("period");
  const by = q.get("by");
  const filters = (q.get("filter") ?? "").split(",").filter((f) => /^(device|attr\.[A-Za-z0-9_.-]{1,64}):./.test(f));
  return {
    ...(q.get("survey") ? { survey: q.get("survey")! } : {}),
    ...(period && PERIOD_KEYS.includes(period) ? { period: period as PeriodKey } : {}),
    ...(by && FIELD.test(by) ? { by } : {}),
    ...(filters.length ? { filters } : {}),
  };
}

type View = "results" | "inbox" | "surveys";
const BANDS: readonly string[] = ["detractor", "passive", "promoter", "unhappy", "happy"];

/**
 * The answer a link names (`#/responses/<id>`, as alerts' webhooks link to it): read before the
 * read key is taken out of the address.
 */
const LINKED_ANSWER = (() => {
  const m = /^#\/responses\/([^&]+)/.exec(location.hash);
  return m ? decodeURIComponent(m[1]!) : undefined;
})();

/** The view and the inbox's narrowing in the address (`?view=inbox&band=detractor&status=new`). */
function inboxFromUrl(): { view: View; filters: InboxFilters } {
  const q = new URLSearchParams(location.search);
  const pick = <T extends string>(name: string, allowed: readonly string[]) => {
    const v = q.get(name) ?? "";
    return (allowed.includes(v) ? v : "") as T;
  };
  return {
    view: LINKED_ANSWER || q.get("view") === "inbox" ? "inbox" : q.get("view") === "surveys" ? "surveys" : "results",
    filters: {
      band: pick("band", BANDS),
      comment: pick("comment", ["with", "without"]),
      status: pick("status", ["new", "contacted", "resolved"]),
    },
  };
}

/** A field's name for people: Device, Browser language, Attribute “plan”. */
function fieldName(field: string): string {
  if (field === "device") return t.fields.device;
  if (field === "browserLanguage") return t.fields.browserLanguage;
  if (field === "language") return t.fields.language;
  return t.fields.attribute(field.slice("attr.".length));
}

/** The filters in force, each with a button that removes it. */
function FilterChips({ filters, onRemove }: { filters: string[]; onRemove: (f: string) => void }) {
  if (!filters.length) return null;
  return (
    <div class="filters" data-testid="filters">
      <span class="muted">{t.filters}</span>
      {filters.map((f) => {
        const at = f.indexOf(":");
        const label = `${fieldName(f.slice(0, at))}: ${f.slice(at + 1)}`;
        return (
          <button
            key={f}
            type="button"
            class="chip-filter"
            onClick={() => onRemove(f)}
            aria-label={t.removeFilter(label)}
          >
            {label} <span aria-hidden="true">×</span>
          </button>
        );
      })}
    </div>
  );
}

/** The interval drawn as the trend's band, in the chart's units. */
function bandOf(s: ScoreResult): Interval | null {
  switch (s.kind) {
    case "nps":
      return s.interval;
    case "csat":
      return s.top2Box.interval && { lower: s.top2Box.interval.lower * 100, upper: s.top2Box.interval.upper * 100 };
    case "ces":
      return s.mean.interval;
    case "gap":
      return s.difference.interval;
  }
}

/** The trend of the headline question: what to plot and on which scale. */
function trendOf(results: ResultsBody, headline: QuestionResult) {
  const id = headline.stepId;
  const points = (value: (s: ScoreResult) => (number | null)[]) =>
    results.trend.points.map((p): ChartPoint => {
      const s = p.questions[id]!;
      return { label: p.period, n: s.n, values: value(s), interval: s.n ? bandOf(s) : null };
    });
  const share = (v: number | null) => (v === null ? null : v * 100);
  switch (headline.kind) {
    case "nps":
      return {
        measure: t.nps,
        series: [{ name: t.nps, cls: "s-nps" }] as ChartSeries[],
        points: points((s) => [s.kind === "nps" ? s.score : null]),
        limits: [-100, 100] as [number, number],
        format: formatNps,
      };
    case "csat":
      return {
        measure: `${t.top2Box} / ${t.topBox}`,
        series: [
          { name: t.top2Box, cls: "s-top2" },
          { name: t.topBox, cls: "s-top" },
        ] as ChartSeries[],
        points: points((s) => (s.kind === "csat" ? [share(s.top2Box.share), share(s.topBox.share)] : [null, null])),
        limits: [0, 100] as [number, number],
        format: (v: number) => formatShare(v / 100),
      };
    case "ces":
      return {
        measure: t.ces,
        series: [{ name: t.mean, cls: "s-nps" }] as ChartSeries[],
        points: points((s) => [s.kind === "ces" ? s.mean.mean : null]),
        limits: [1, 7] as [number, number],
        format: formatMean,
      };
    default:
      return {
        measure: t.gapDifference,
        series: [{ name: t.gapDifference, cls: "s-nps" }] as ChartSeries[],
        points: points((s) => [s.kind === "gap" ? s.difference.mean : null]),
        limits: [-6, 6] as [number, number],
        format: (v: number) => formatDifference(v, 1),
      };
  }
}

function Cards({ results }: { results: ResultsBody }) {
  const compared = (id: string) => results.comparison?.questions.find((q) => q.stepId === id);
  return (
    <div class="kpis">
      {results.questions.map((q) => {
        const s = q.score;
        if (s.kind === "nps") return <NpsCards key={q.stepId} nps={s} comparison={compared(q.stepId)} />;
        if (s.kind === "csat") return <CsatCard key={q.stepId} csat={s} comparison={compared(q.stepId)} />;
        if (s.kind === "ces") return <CesCard key={q.stepId} ces={s} comparison={compared(q.stepId)} />;
        return <GapCard key={q.stepId} gap={s} comparison={compared(q.stepId)} />;
      })}
    </div>
  );
}

/** The dashboard: pickers, score cards, trend, breakdowns, comments. */
export function App() {
  const [key, setKey] = useState<string | null>(readKey);
  const [keyState, setKeyState] = useState<"ok" | "needed" | "wrong">("ok");
  const [surveys, setSurveys] = useState<SurveyListItem[] | null>(null);
  const [selection, setSelection] = useState<Selection>({
    survey: "",
    period: "90d",
    by: "device",
    filters: [],
    ...selectionFromUrl(),
  });
  const [results, setResults] = useState<ResultsBody | null>(null);
  const [comments, setComments] = useState<{ items: CommentItem[]; next: string | null }>({ items: [], next: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<View>(() => inboxFromUrl().view);
  const [inboxFilters, setInboxFilters] = useState<InboxFilters>(() => inboxFromUrl().filters);
  // The linked answer opens once: back in the inbox later, the list is as the reader left it.
  const [linked, setLinked] = useState(LINKED_ANSWER);

  const fail = useCallback(
    (e: unknown) => {
      if (e instanceof KeyNeeded) setKeyState(key ? "wrong" : "needed");
      else setError(e instanceof Error ? e.message : String(e));
    },
    [key],
  );

  const load = useCallback(async () => {
    try {
      const list = (await fetchSurveys(selection.period, key)).surveys;
      setSurveys(list);
      setKeyState("ok");
      const survey = selection.survey || list[0]?.id;
      if (!survey) return;
      if (survey !== selection.survey) return setSelection((s) => ({ ...s, survey }));
      setResults(await fetchResults(selection, key));
      setError(null);
    } catch (e) {
      fail(e);
    }
    // Coming back to the results reads them again: follow-ups recorded in the inbox count there.
  }, [key, selection, fail, view]);

  useEffect(() => {
    void load();
    const timer = setInterval(load, 15_000);
    addEventListener("focus", load);
    return () => {
      clearInterval(timer);
      removeEventListener("focus", load);
    };
  }, [load]);

  useEffect(() => {
    if (!selection.survey) return;
    const q = new URLSearchParams({ survey: selection.survey, period: selection.period, by: selection.by });
    if (selection.filters.length) q.set("filter", selection.filters.join(","));
    if (view === "surveys") q.set("view", "surveys");
    if (view === "inbox") {
      q.set("view", "inbox");
      for (const [k, v] of Object.entries(inboxFilters)) if (v) q.set(k, v);
    }
    history.replaceState(null, "", `${location.pathname}?${q}`);
    setComments({ items: [], next: null });
    if (view === "results") fetchComments(selection, key).then(setComments, fail);
  }, [selection, key, fail, view, inboxFilters]);

  const more = async () => {
    if (!comments.next) return;
    setLoadingMore(true);
    try {
      const page = await fetchComments(selection, key, comments.next);
      setComments((c) => ({ items: [...c.items, ...page.items], next: page.next }));
    } catch (e) {
      fail(e);
    } finally {
      setLoadingMore(false);
    }
  };

  const headline = results?.questions.find((q) => q.stepId === results.headline);
  const trend = results && headline ? trendOf(results, headline) : null;
  const current = results?.survey.id === selection.survey ? results : null;
  const fields = ["device", "browserLanguage", ...(current?.attributes ?? []).map((a) => `attr.${a}`)];
  if (!fields.includes(selection.by)) fields.push(selection.by);
  const filterable = selection.by === "device" || selection.by.startsWith("attr.");
  const addFilter = (value: string) =>
    setSelection((s) => ({
      ...s,
      filters: [...s.filters.filter((f) => !f.startsWith(`${s.by}:`)), `${s.by}:${value}`],
    }));

  return (
    <>
      <header class="top">
        <div class="title">
          <h1>{t.title}</h1>
          <nav class="views" aria-label={t.title}>
            {(["results", "inbox", "surveys"] as const).map((v) => (
              <button
                key={v}
                type="button"
                class={view === v ? "on" : ""}
                aria-current={view === v ? "page" : undefined}
                onClick={() => {
                  setView(v);
                  setLinked(undefined);
                }}
              >
                {t.views[v]}
              </button>
            ))}
          </nav>
          {view !== "surveys" && (
            <span class="sub" data-testid="responses">
              {current ? t.responsesInPeriod(current.responses) : t.loading}
            </span>
          )}
        </div>
        {view !== "surveys" && surveys && surveys.length > 0 && (
          <Pickers
            surveys={surveys}
            survey={selection.survey}
            period={selection.period}
            onSurvey={(survey) => setSelection((s) => ({ ...s, survey, filters: [] }))}
            onPeriod={(period) => setSelection((s) => ({ ...s, period }))}
          />
        )}
        {view !== "surveys" && selection.survey && (
          <a class="button" href={csvHref(selection, key)} download data-testid="csv">
            {t.downloadCsv}
          </a>
        )}
      </header>
      <main class="wrap">
        {keyState !== "ok" && (
          <KeyForm
            wrong={keyState === "wrong"}
            onKey={(k) => {
              saveKey(k);
              setKey(k);
            }}
          />
        )}
        {error && (
          <p class="error" role="alert">
            {t.loadFailed(error)}
          </p>
        )}
        {surveys?.length === 0 && <p class="panel empty">{t.noSurveys}</p>}
        {current && !current.survey.known && (
          <p class="panel notice" data-testid="unknown-survey">
            <span class="flag">{t.unknownSurvey}</span> {t.unknownSurveyNote(current.survey.id)}
          </p>
        )}
        {view === "surveys" && <SurveysView />}
        {current && view === "inbox" && (
          <>
            <FilterChips
              filters={current.filters}
              onRemove={(f) => setSelection((s) => ({ ...s, filters: s.filters.filter((x) => x !== f) }))}
            />
            <InboxView
              selection={selection}
              filters={inboxFilters}
              onFilters={setInboxFilters}
              openId={linked}
              keyValue={key}
              onError={fail}
            />
          </>
        )}
        {current && view === "results" && (
          <>
            <FilterChips
              filters={current.filters}
              onRemove={(f) => setSelection((s) => ({ ...s, filters: s.filters.filter((x) => x !== f) }))}
            />
            {current.questions.length === 0 ? <p class="panel empty">{t.noAnswers}</p> : <Cards results={current} />}
            {(current.followUps.detractors > 0 || current.followUps.open > 0) && (
              <FollowUpCard
                figures={current.followUps}
                onInbox={() => {
                  setLinked(undefined);
                  setInboxFilters({ band: "detractor", comment: "", status: "new" });
                  setView("inbox");
                }}
              />
            )}
            {trend && headline && (
              <section class="panel" aria-labelledby="trend-h">
                <h2 id="trend-h">
                  {t.trendOf(trend.measure)} <span class="muted">{t.intervals[current.trend.interval]}</span>
                </h2>
                <TrendChart
                  title={t.trendOf(trend.measure)}
                  points={trend.points}
                  series={trend.series}
                  limits={trend.limits}
                  format={trend.format}
                  interval={current.trend.interval}
                  small={SMALL_SAMPLE}
                />
              </section>
            )}
            <div class="two">
              <BreakdownTable
                title={t.byPage}
                id="path"
                keyHead={t.page}
                breakdown={current.breakdowns.find((b) => b.by === "path")}
                headline={current.headline}
                small={SMALL_SAMPLE}
              />
              <BreakdownTable
                title={t.byLocale}
                id="language"
                keyHead={t.locale}
                breakdown={current.breakdowns.find((b) => b.by === "language")}
                headline={current.headline}
                small={SMALL_SAMPLE}
              />
              <BreakdownTable
                title={
                  <label class="by-picker">
                    {t.byField}{" "}
                    <select
                      value={selection.by}
                      onChange={(e) => {
                        const by = (e.currentTarget as HTMLSelectElement).value;
                        setSelection((s) => ({ ...s, by }));
                      }}
                      data-testid="by-picker"
                    >
                      {fields.map((f) => (
                        <option key={f} value={f}>
                          {fieldName(f)}
                        </option>
                      ))}
                    </select>
                  </label>
                }
                id="field"
                keyHead={fieldName(selection.by)}
                breakdown={current.breakdowns.find((b) => b.by === selection.by)}
                headline={current.headline}
                small={SMALL_SAMPLE}
                onFilter={filterable ? addFilter : undefined}
              />
            </div>
            {current.survey.openQuestions.length > 0 && (
              <CommentsList items={comments.items} more={comments.next !== null} loading={loadingMore} onMore={more} />
            )}
          </>
        )}
      </main>
    </>
  );
}
