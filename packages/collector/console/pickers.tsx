import type { SurveyListItem } from "@sonde/collector/api";
import { type PeriodKey, strings } from "./strings.js";

const t = strings();
const PERIODS: PeriodKey[] = ["7d", "30d", "90d", "12m", "all"];

function SurveyOption({ s }: { s: SurveyListItem }) {
  return (
    <option value={s.id}>
      {s.name ?? s.id} ({s.responses.toLocaleString()})
    </option>
  );
}

/**
 * The survey select (counts for the period shown; ids the collector does not define listed apart)
 * and the period buttons.
 */
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
          {props.surveys
            .filter((s) => s.known)
            .map((s) => (
              <SurveyOption key={s.id} s={s} />
            ))}
          {props.surveys.some((s) => !s.known) && (
            <optgroup label={t.unknownSurveys} data-testid="unknown-surveys">
              {props.surveys
                .filter((s) => !s.known)
                .map((s) => (
                  <SurveyOption key={s.id} s={s} />
                ))}
            </optgroup>
          )}
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
