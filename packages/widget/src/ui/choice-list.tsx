import type { ComponentChildren } from "preact";

/** Single or multiple choice as native radios or checkboxes, with an optional "Other" and its text field. */
export interface ChoiceListProps {
  multiple: boolean;
  name: string;
  /** `[id, label]` of each choice, "Other" (id `other`) last when offered. */
  options: readonly (readonly [string, ComponentChildren])[];
  /** The accessible name of the text field that opens with "Other". */
  otherLabel: string;
  picked: readonly string[];
  onPick: (ids: string[]) => void;
  otherText: string;
  onOtherText: (text: string) => void;
  describedBy?: string | undefined;
}

/** The list of choices of a single- or multiple-choice step. */
export function ChoiceList(p: ChoiceListProps) {
  const toggle = (id: string, on: boolean) =>
    p.onPick(p.multiple ? (on ? [...p.picked, id] : p.picked.filter((x) => x !== id)) : [id]);
  return (
    <fieldset class="choices" aria-labelledby="sq" aria-describedby={p.describedBy}>
      {p.options.map(([id, label]) => (
        <label class="ch" key={id}>
          <input
            type={p.multiple ? "checkbox" : "radio"}
            name={p.name}
            checked={p.picked.includes(id)}
            onChange={(e) => toggle(id, (e.currentTarget as HTMLInputElement).checked)}
          />
          {label}
        </label>
      ))}
      {p.picked.includes("other") && (
        <input
          class="field"
          maxLength={1000}
          aria-label={p.otherLabel}
          value={p.otherText}
          onInput={(e) => p.onOtherText((e.currentTarget as HTMLInputElement).value)}
        />
      )}
    </fieldset>
  );
}
