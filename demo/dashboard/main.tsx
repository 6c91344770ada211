import { render } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";

interface Results {
  responses: number;
  nps: { n: number; promoters: number; passives: number; detractors: number; score: number | null };
  latest: {
    id: string;
    surveyId: string;
    score: number | null;
    comment: string | null;
    path: string;
    locale: string | null;
    createdAt: number;
  }[];
}

const pct = (part: number, n: number) => (n === 0 ? 0 : (100 * part) / n);

function NpsPanel({ nps }: { nps: Results["nps"] }) {
  const parts = [
    { key: "promoters", label: "Promoters (9–10)", value: nps.promoters, color: "var(--pro)" },
    { key: "passives", label: "Passives (7–8)", value: nps.passives, color: "var(--pas)" },
    { key: "detractors", label: "Detractors (0–6)", value: nps.detractors, color: "var(--det)" },
  ];
  return (
    <div class="kpis">
      <section class="panel" aria-labelledby="nps-h">
        <h2 id="nps-h">Net Promoter Score</h2>
        <div class="score" data-testid="nps-score">
          {nps.score === null ? "—" : Math.round(nps.score)}
          <small data-testid="nps-n">n = {nps.n}</small>
        </div>
      </section>
      <section class="panel" aria-labelledby="mix-h">
        <h2 id="mix-h">Answer mix</h2>
        <div class="bar" role="img" aria-label={parts.map((p) => `${p.label}: ${p.value}`).join(", ")}>
          {parts.map((p) => (
            <span key={p.key} style={{ width: `${pct(p.value, nps.n)}%`, background: p.color }} />
          ))}
        </div>
        <div class="legend">
          {parts.map((p) => (
            <span key={p.key} data-testid={`count-${p.key}`}>
              <i style={{ background: p.color }} />
              {p.label}: <strong>{p.value}</strong> ({Math.round(pct(p.value, nps.n))}%)
            </span>
          ))}
        </div>
      </section>
    </div>
  );
}

function Latest({ rows }: { rows: Results["latest"] }) {
  return (
    <section class="panel" aria-labelledby="latest-h">
      <h2 id="latest-h">Latest answers</h2>
      {rows.length === 0 ? (
        <p class="empty">No answers yet. Open the demo site's pricing page and answer the prompt.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>Score</th>
              <th>Page</th>
              <th>Language</th>
              <th>Comment</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{new Date(r.createdAt).toLocaleString()}</td>
                <td class="num">{r.score ?? "—"}</td>
                <td>{r.path}</td>
                <td>{r.locale ?? "—"}</td>
                <td>{r.comment ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function App() {
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const res = await fetch("/v1/results");
      if (!res.ok) throw new Error(`results API answered ${res.status}`);
      setResults((await res.json()) as Results);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    void load();
    const timer = setInterval(load, 5000);
    addEventListener("focus", load);
    return () => {
      clearInterval(timer);
      removeEventListener("focus", load);
    };
  }, [load]);
  return (
    <>
      <header class="top">
        <h1>Sonde results</h1>
        <span class="sub">{results ? `${results.responses} responses` : "loading…"}</span>
      </header>
      <main class="wrap">
        {error && (
          <p class="error" role="alert">
            Could not load results: {error}
          </p>
        )}
        {results && <NpsPanel nps={results.nps} />}
        {results && <Latest rows={results.latest} />}
      </main>
    </>
  );
}

render(<App />, document.getElementById("app")!);
