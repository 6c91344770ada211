import type { SurveyListItem } from "@sonde/collector/api";
import { type PeriodKey, strings } from "./strings.js";

const t = strings();
const PERIODS: PeriodKey[] = ["7d", "30d", "90d", "12m", "all"];

/** The survey select and the period buttons. */
export function Pickers(props: {
  surveys: SurveyListItem[];
  survey: string;
  period: PeriodKey;
  onSurvey: (id: string) => void;
  onPeriod: (p: PeriodKey) => void;
}) {
  return (
    <div class="pickers">
      <label class="survey-picker">
        <span>{t.survey}</span>
        <select value={props.survey} onChange={(e) => props.onSurvey((e.currentTarget as HTMLSelectElement).value)}>
          {props.surveys.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name ?? s.id} ({s.responses})
            </option>
          ))}
        </select>
      </label>
      <fieldset class="period-picker">
        <legend class="sr-only">{t.period}</legend>
        {PERIODS.map((p) => (
          <label key={p} class={p === props.period ? "on" : ""}>
            <input
              type="radio"
              name="period"
              value={p}
              checked={p === props.period}
              onChange={() => props.onPeriod(p)}
            />
            {t.periods[p]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

/** Asks for the read key when the collector wants one. */
export function KeyForm(props: { wrong: boolean; onKey: (key: string) => void }) {
  return (
    <form
      class="panel key-form"
      onSubmit={(e) => {
        e.preventDefault();
        const input = (e.currentTarget as HTMLFormElement).elements.namedItem("key") as HTMLInputElement;
        if (input.value.trim()) props.onKey(input.value.trim());
      }}
    >
      <p>{t.keyNeeded}</p>
      {props.wrong && (
        <p class="error" role="alert">
          {t.keyWrong}
        </p>
      )}
      <label>
        {t.keyLabel} <input name="key" type="password" autoComplete="off" required />
      </label>
      <button type="submit">{t.keySubmit}</button>
    </form>
  );
}
