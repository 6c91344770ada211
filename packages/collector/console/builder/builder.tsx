import { useState } from "preact/hooks";
import { strings } from "../strings.js";
import { Group, SelectField, TextField } from "./fields.js";
import { StepList } from "./steps.js";
import { AppearanceFields, AudienceFields, PacingFields, Triggers } from "./targeting.js";
import { addStep, type Json, languagesOf, STEP_KINDS, type StepKindName, setIn } from "./update.js";

// The survey as a form: a function of the definition, every change handed back whole.

const t = strings();
const b = t.builder;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Every part of a survey definition as fields, for people who never write JSON. */
export function Builder(props: { definition: Json; onChange: (definition: Json) => void }) {
  const { definition, onChange } = props;
  const defaultLocale = typeof definition.defaultLocale === "string" ? definition.defaultLocale : "en";
  // Languages added but not yet used in any text live here until a translation is typed.
  const [added, setAdded] = useState<string[]>([]);
  const [newLocale, setNewLocale] = useState("");
  const [kind, setKind] = useState<StepKindName>("single");
  const languages = [...new Set([...languagesOf(definition, defaultLocale), ...added])];
  const steps = (Array.isArray(definition.steps) ? definition.steps : []) as Json[];
  const set = (key: string, v: unknown) => onChange(setIn(definition, [key], v) as Json);
  const localeOk = LOCALE.test(newLocale.trim());

  return (
    <div class="builder" data-testid="builder">
      <Group legend={b.basics}>
        <div class="row">
          <TextField label={b.name} value={definition.name} onChange={(v) => set("name", v)} />
          <TextField
            label={b.defaultLocale}
            value={definition.defaultLocale}
            placeholder="en"
            onChange={(v) => set("defaultLocale", v)}
          />
        </div>
        <p class="hint">{b.languagesInUse(languages.join(", "))}</p>
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            const tag = newLocale.trim();
            if (!localeOk || languages.includes(tag)) return;
            setAdded([...added, tag]);
            setNewLocale("");
          }}
        >
          <TextField
            label={b.newLanguage}
            placeholder="da"
            value={newLocale}
            keepEmpty
            onChange={(v) => setNewLocale(v ?? "")}
          />
          <button type="submit" class="quiet" disabled={!localeOk}>
            {b.addLanguage}
          </button>
        </form>
      </Group>
      <section class="builder-steps" aria-labelledby="steps-h">
        <h3 id="steps-h">{b.steps}</h3>
        <StepList steps={steps} languages={languages} defaultLocale={defaultLocale} onChange={(s) => set("steps", s)} />
        <form
          class="row add-step"
          onSubmit={(e) => {
            e.preventDefault();
            onChange(addStep(definition, kind, b.newQuestion[kind], b.defaultChoices));
          }}
        >
          <SelectField
            label={b.newStepKind}
            value={kind}
            options={STEP_KINDS.map((k) => [k, b.kinds[k]])}
            onChange={(k) => setKind(k as StepKindName)}
          />
          <button type="submit">{b.addStep}</button>
        </form>
      </section>
      <AppearanceFields definition={definition} onChange={onChange} />
      <Triggers definition={definition} onChange={onChange} />
      <AudienceFields definition={definition} onChange={onChange} />
      <PacingFields definition={definition} onChange={onChange} />
    </div>
  );
}
