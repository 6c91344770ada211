import type { Survey } from "@sonde/core";
import { directionOf, mountPreview, previewLocales } from "@sonde/widget/preview";
import { useEffect, useRef, useState } from "preact/hooks";
import { strings } from "../strings.js";

const t = strings();
type Mode = "light" | "dark";
type Width = "phone" | "desktop";

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
export function Preview({ survey }: { survey: Survey }) {
  const locales = previewLocales(survey);
  const [picked, setLocale] = useState(locales[0]!);
  const locale = locales.includes(picked) ? picked : locales[0]!;
  const [mode, setMode] = useState<Mode>("light");
  const [width, setWidth] = useState<Width>("desktop");
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
          onChange={setLocale}
        />
        <Choice
          label={t.tryout.colours}
          value={mode}
          options={["light", "dark"] as const}
          text={(m) => t.tryout.modes[m]}
          onChange={setMode}
        />
        <Choice
          label={t.tryout.width}
          value={width}
          options={["phone", "desktop"] as const}
          text={(w) => t.tryout.widths[w]}
          onChange={setWidth}
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
