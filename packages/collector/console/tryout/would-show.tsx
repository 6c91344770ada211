import { DEVICES, evaluate, type Survey } from "@sonde/core";
import { useState } from "preact/hooks";
import { strings } from "../strings.js";
import { emptyForm, evaluationInput, type TryForm, usedFacts } from "./would-show-input.js";

const t = strings();

/** The value of the input an event came from. */
const typed = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/**
 * Facts about a page and a person, and core's decision for this one survey on them: shows or
 * not, with each reason the rules give. Decided again on every change.
 */
export function WouldShow({ survey }: { survey: Survey }) {
  const [form, setForm] = useState<TryForm>(() => emptyForm("https://example.com/pricing"));
  const edit = (patch: Partial<TryForm>) => setForm((f) => ({ ...f, ...patch }));
  const used = usedFacts(survey);
  const { input, problems } = evaluationInput(survey, form, Date.now());
  const decision = evaluate(input);
  const verdict = decision.verdicts[0]!;
  const field = (
    key: "url" | "seconds" | "scroll" | "visits" | "locale" | "daysSinceFirstSeen",
    label: string,
    mode: "text" | "url" | "decimal" = "text",
  ) => (
    <label class="narrow">
      {label}
      <input
        type="text"
        inputMode={mode}
        spellcheck={false}
        value={form[key]}
        onInput={(e) => edit({ [key]: typed(e) })}
      />
    </label>
  );
  const check = (key: "identified" | "exitIntent", label: string) => (
    <label class="tryout-check">
      <input
        type="checkbox"
        checked={form[key]}
        onChange={(e) => edit({ [key]: (e.currentTarget as HTMLInputElement).checked })}
      />
      {label}
    </label>
  );

  return (
    <section class="tryout-panel" aria-labelledby="would-h">
      <h3 id="would-h">{t.tryout.wouldShowTitle}</h3>
      <p class="muted small">{t.tryout.wouldShowHint}</p>
      <div class="tryout-form">
        {field("url", t.tryout.url, "url")}
        <label class="narrow">
          {t.tryout.attributes}
          <textarea
            rows={3}
            spellcheck={false}
            value={form.attributes}
            onInput={(e) => edit({ attributes: typed(e) })}
          />
          <span class="muted small">{t.tryout.attributesHint}</span>
        </label>
        <label class="narrow">
          {t.tryout.events}
          <textarea rows={3} spellcheck={false} value={form.events} onInput={(e) => edit({ events: typed(e) })} />
          <span class="muted small">{t.tryout.eventsHint}</span>
        </label>
        <div class="tryout-row">
          {field("seconds", t.tryout.seconds, "decimal")}
          {field("scroll", t.tryout.scroll, "decimal")}
          {used.visits && field("visits", t.tryout.visits, "decimal")}
          {used.firstSeen && field("daysSinceFirstSeen", t.tryout.daysSinceFirstSeen, "decimal")}
        </div>
        {(used.device || used.locale) && (
          <div class="tryout-row">
            {used.device && (
              <label class="narrow">
                {t.tryout.device}
                <select value={form.device} onChange={(e) => edit({ device: typed(e) as TryForm["device"] })}>
                  <option value="">{t.tryout.anyDevice}</option>
                  {DEVICES.map((d) => (
                    <option key={d} value={d}>
                      {t.tryout.devices[d]}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {used.locale && field("locale", t.tryout.locale)}
          </div>
        )}
        {used.identified && check("identified", t.tryout.identified)}
        {used.exit && check("exitIntent", t.tryout.exitIntent)}
        {used.clicks.map((selector) => (
          <label key={selector} class="tryout-check">
            <input
              type="checkbox"
              checked={form.clicks.includes(selector)}
              onChange={(e) =>
                edit({
                  clicks: (e.currentTarget as HTMLInputElement).checked
                    ? [...form.clicks, selector]
                    : form.clicks.filter((c) => c !== selector),
                })
              }
            />
            {t.tryout.clicked(selector)}
          </label>
        ))}
      </div>
      <output class={`tryout-verdict ${verdict.eligible ? "yes" : "no"}`} aria-live="polite" data-testid="would-show">
        <strong>
          {verdict.eligible
            ? decision.delayMs
              ? t.tryout.showsAfter(decision.delayMs / 1000)
              : t.tryout.shows
            : t.tryout.doesNotShow}
        </strong>
        {verdict.reasons.length > 0 && (
          <ul class="tryout-reasons">
            {verdict.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </output>
      {problems.length > 0 && (
        <div class="problems" data-testid="would-show-problems">
          {t.tryout.unreadable}
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
