import type { ComponentChildren } from "preact";
import { strings } from "../strings.js";
import { isoFromLocal, localInput, setTranslation, type Translated, textIn } from "./update.js";

// The form's small fields: each a visible label around its control, so no ids are needed.

const t = strings();
const typed = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/** A line of text; an emptied field gives undefined unless `keepEmpty`. */
export function TextField(props: {
  label: string;
  value: unknown;
  onChange: (v: string | undefined) => void;
  keepEmpty?: boolean;
  placeholder?: string;
  wide?: boolean;
  type?: "text" | "url";
}) {
  return (
    <label class={props.wide ? "field wide" : "field"}>
      <span>{props.label}</span>
      <input
        inputMode={props.type === "url" ? "url" : undefined}
        value={props.value === undefined ? "" : String(props.value)}
        placeholder={props.placeholder}
        onInput={(e) => {
          const v = typed(e);
          props.onChange(v === "" && !props.keepEmpty ? undefined : v);
        }}
      />
    </label>
  );
}

/** A date and time in the browser's time zone, stored as an ISO UTC date-time; empty gives undefined. */
export function DateTimeField(props: { label: string; value: unknown; onChange: (v: string | undefined) => void }) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <input
        type="datetime-local"
        value={localInput(props.value)}
        onInput={(e) => props.onChange(isoFromLocal(typed(e)))}
      />
    </label>
  );
}

/** A number; empty gives undefined. */
export function NumberField(props: {
  label: string;
  value: unknown;
  onChange: (v: number | undefined) => void;
  min?: number;
  max?: number;
  step?: number;
}) {
  return (
    <label class="field number">
      <span>{props.label}</span>
      <input
        type="number"
        inputMode="decimal"
        min={props.min}
        max={props.max}
        step={props.step ?? "any"}
        value={typeof props.value === "number" ? String(props.value) : ""}
        onInput={(e) => {
          const v = typed(e);
          props.onChange(v === "" || Number.isNaN(Number(v)) ? undefined : Number(v));
        }}
      />
    </label>
  );
}

/** A choice among `options` (value → label); `""` stands for "not set". */
export function SelectField(props: {
  label: string;
  value: unknown;
  options: [string, string][];
  onChange: (v: string) => void;
}) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <select value={props.value === undefined ? "" : String(props.value)} onChange={(e) => props.onChange(typed(e))}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Yes or no. */
export function CheckField(props: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}

/** One translated text: a field per language, the default language first. */
export function TextFields(props: {
  label: string;
  value: unknown;
  languages: string[];
  defaultLocale: string;
  onChange: (v: Translated) => void;
  multiline?: boolean;
}) {
  const text = props.value as Translated;
  return (
    <div class="texts">
      {props.languages.map((locale) => (
        <label key={locale} class="field wide">
          <span>{props.languages.length > 1 ? t.builder.inLanguage(props.label, locale) : props.label}</span>
          <input
            value={textIn(text, locale, props.defaultLocale)}
            lang={locale}
            onInput={(e) => props.onChange(setTranslation(text, locale, props.defaultLocale, typed(e)))}
          />
        </label>
      ))}
    </div>
  );
}

/** A group of fields under a legend. */
export function Group(props: { legend: string; children: ComponentChildren; class?: string }) {
  return (
    <fieldset class={`group ${props.class ?? ""}`}>
      <legend>{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}

/** A small secondary button (move, remove); with `icon`, the label is its accessible name. */
export function SmallButton(props: { label: string; onClick: () => void; disabled?: boolean; icon?: string }) {
  return (
    <button
      type="button"
      class="quiet small"
      aria-label={props.icon ? props.label : undefined}
      title={props.icon ? props.label : undefined}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      {props.icon ?? props.label}
    </button>
  );
}
