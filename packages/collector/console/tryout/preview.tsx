import type { Survey } from "@sonde/core";
import { directionOf, mountPreview, previewLocales } from "@sonde/widget/preview";
import { useEffect, useRef, useState } from "preact/hooks";
import { strings } from "../strings.js";

const t = strings();

/** How the preview is looked at; kept by the panels while the definition is being fixed. */
export interface PreviewLook {
  /** A language the survey is previewed in; empty for the survey's own. */
  locale: string;
  mode: "light" | "dark";
  width: "phone" | "desktop";
}

/** A labelled select of a few values. */
function Choice<V extends string>(props: {
  label: string;
  value: V;
  options: readonly V[];
  text: (v: V) => string;
  onChange: (v: V) => void;
}) {
  return (
    <label class="narrow">
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as V)}>
        {props.options.map((v) => (
          <option key={v} value={v}>
            {props.text(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The survey's prompt rendered by the widget's own UI code, inline in a frame of a phone's or a
 * desktop's width, in a chosen language and colour mode. Answers go nowhere.
 */
export function Preview(props: { survey: Survey; look: PreviewLook; onLook: (patch: Partial<PreviewLook>) => void }) {
  const { survey, onLook } = props;
  const { mode, width } = props.look;
  const locales = previewLocales(survey);
  const locale = locales.includes(props.look.locale) ? props.look.locale : locales[0]!;
  const [round, setRound] = useState(0);
  const frame = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = frame.current;
    if (!container) return;
    let handle: { unmount(): void } | undefined;
    let gone = false;
    mountPreview({ survey, locale, mode, container }).then(
      (h) => {
        if (gone) h.unmount();
        else handle = h;
      },
      (error: unknown) => console.error("sonde console: the preview failed", error),
    );
    return () => {
      gone = true;
      handle?.unmount();
    };
  }, [survey, locale, mode, round]);

  return (
    <section class="tryout-panel" aria-labelledby="preview-h">
      <h3 id="preview-h">{t.tryout.previewTitle}</h3>
      <p class="muted small">{t.tryout.previewHint}</p>
      <div class="tryout-controls">
        <Choice
          label={t.tryout.language}
          value={locale}
          options={locales}
          text={(l) => `${l} (${t.tryout.direction[directionOf(l)]})`}
          onChange={(l) => onLook({ locale: l })}
        />
        <Choice
          label={t.tryout.colours}
          value={mode}
          options={["light", "dark"] as const}
          text={(m) => t.tryout.modes[m]}
          onChange={(m) => onLook({ mode: m })}
        />
        <Choice
          label={t.tryout.width}
          value={width}
          options={["phone", "desktop"] as const}
          text={(w) => t.tryout.widths[w]}
          onChange={(w) => onLook({ width: w })}
        />
        <button type="button" class="quiet" onClick={() => setRound((n) => n + 1)}>
          {t.tryout.restart}
        </button>
      </div>
      <div
        class={`tryout-frame tryout-${width} tryout-${mode}`}
        role="group"
        aria-label={t.tryout.frame}
        data-closed={t.tryout.closed}
        data-testid="tryout-preview"
        ref={frame}
      />
    </section>
  );
}
