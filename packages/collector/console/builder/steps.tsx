import { END } from "@sonde/core";
import { strings } from "../strings.js";
import { CheckField, Group, NumberField, SelectField, SmallButton, TextField, TextFields } from "./fields.js";
import {
  changeKind,
  getIn,
  type Json,
  moveIn,
  pushIn,
  removeIn,
  STEP_KINDS,
  type StepKindName,
  setIn,
} from "./update.js";

// One step of a survey in the form: what it asks, in every language, and where it goes next.

const t = strings();
const b = t.builder;

interface StepProps {
  step: Json;
  index: number;
  count: number;
  /** Ids of all steps, for `next` and branch targets. */
  ids: string[];
  languages: string[];
  defaultLocale: string;
  onChange: (step: Json) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

const SCALE_KINDS = new Set(["nps", "csat", "ces", "gap"]);
const CHOICE_KINDS = new Set(["single", "multiple"]);

/** One step's fields, in a fieldset named after its number and kind. */
export function StepEditor(props: StepProps) {
  const { step, languages, defaultLocale } = props;
  const kind = String(step.kind ?? "") as StepKindName;
  const set = (path: (string | number)[], v: unknown) => props.onChange(setIn(step, path, v) as Json);
  const text = (key: string, label: string) => (
    <TextFields
      label={label}
      value={step[key]}
      languages={languages}
      defaultLocale={defaultLocale}
      onChange={(v) => set([key], v)}
    />
  );
  const n = props.index + 1;
  return (
    <li class="step" data-testid="builder-step">
      <fieldset class="group">
        <legend>{b.stepLegend(n, b.kinds[kind] ?? kind)}</legend>
        <div class="step-tools">
          <SmallButton label={b.moveUp(n)} icon="↑" disabled={props.index === 0} onClick={() => props.onMove(-1)} />
          <SmallButton
            label={b.moveDown(n)}
            icon="↓"
            disabled={props.index === props.count - 1}
            onClick={() => props.onMove(1)}
          />
          <SmallButton label={b.removeStep(n)} icon="✕" disabled={props.count <= 1} onClick={props.onRemove} />
        </div>
        <div class="row">
          <SelectField
            label={b.kind}
            value={kind}
            options={STEP_KINDS.map((k) => [k, b.kinds[k]])}
            onChange={(k) => props.onChange(changeKind(step, k as StepKindName, b.defaultChoices))}
          />
          <TextField label={b.stepId} value={step.id} keepEmpty onChange={(v) => set(["id"], v)} />
        </div>
        {text("question", kind === "thanks" ? b.thanksText : b.question)}
        {text("description", b.description)}
        {kind !== "thanks" && (
          <CheckField
            label={b.required}
            checked={step.required === undefined ? kind !== "open" : step.required === true}
            onChange={(v) => set(["required"], v)}
          />
        )}
        {SCALE_KINDS.has(kind) && (
          <div class="row pair">
            {text("lowLabel", b.lowLabel)}
            {text("highLabel", b.highLabel)}
          </div>
        )}
        {kind === "csat" && (
          <SelectField
            label={b.display}
            value={step.display ?? ""}
            options={[
              ["", b.byDefault],
              ...(["numbers", "emoji", "stars"] as const).map((d) => [d, b.displays[d]] as [string, string]),
            ]}
            onChange={(v) => set(["display"], v || undefined)}
          />
        )}
        {kind === "gap" && (
          <>
            <SelectField
              label={b.scale}
              value={step.scale ?? ""}
              options={[
                ["", b.byDefault],
                ["5", b.points(5)],
                ["7", b.points(7)],
              ]}
              onChange={(v) => set(["scale"], v ? Number(v) : undefined)}
            />
            <div class="row pair">
              {text("expectedLabel", b.expectedLabel)}
              {text("experiencedLabel", b.experiencedLabel)}
            </div>
          </>
        )}
        {kind === "open" && (
          <>
            {text("placeholder", b.placeholder)}
            <NumberField
              label={b.maxLength}
              value={step.maxLength}
              min={1}
              max={5000}
              step={1}
              onChange={(v) => set(["maxLength"], v)}
            />
          </>
        )}
        {CHOICE_KINDS.has(kind) && <Choices {...props} set={set} />}
        {kind === "thanks" ? <ThanksFields {...props} set={set} /> : <Flow {...props} set={set} />}
      </fieldset>
    </li>
  );
}

type Inner = StepProps & { set: (path: (string | number)[], v: unknown) => void };

function Choices({ step, languages, defaultLocale, set, onChange }: Inner) {
  const choices = (Array.isArray(step.choices) ? step.choices : []) as Json[];
  return (
    <Group legend={b.choices}>
      <ol class="choices">
        {choices.map((choice, i) => (
          <li key={i}>
            <TextField
              label={b.choiceId(i + 1)}
              value={choice.id}
              keepEmpty
              onChange={(v) => set(["choices", i, "id"], v)}
            />
            <TextFields
              label={b.choiceLabel(i + 1)}
              value={choice.label}
              languages={languages}
              defaultLocale={defaultLocale}
              onChange={(v) => set(["choices", i, "label"], v)}
            />
            <SmallButton
              label={b.removeChoice(i + 1)}
              icon="✕"
              disabled={choices.length <= 1}
              onClick={() => onChange(removeIn(step, ["choices"], i) as Json)}
            />
          </li>
        ))}
      </ol>
      <div class="row">
        <button
          type="button"
          class="quiet"
          onClick={() =>
            onChange(pushIn(step, ["choices"], { id: `choice-${choices.length + 1}`, label: b.newChoice }) as Json)
          }
        >
          {b.addChoice}
        </button>
        <CheckField label={b.other} checked={step.other === true} onChange={(v) => set(["other"], v || undefined)} />
      </div>
    </Group>
  );
}

function ThanksFields({ step, languages, defaultLocale, set }: Inner) {
  const keep = step.closeAfter === false;
  return (
    <>
      <div class="row">
        <NumberField
          label={b.closeAfter}
          value={keep ? undefined : step.closeAfter}
          min={1}
          max={600}
          onChange={(v) => set(["closeAfter"], v)}
        />
        <CheckField label={b.keepOpen} checked={keep} onChange={(v) => set(["closeAfter"], v ? false : undefined)} />
      </div>
      <Group legend={b.link}>
        <TextField
          label={b.linkUrl}
          type="url"
          wide
          value={getIn(step, ["link", "url"])}
          onChange={(v) => set(["link", "url"], v)}
        />
        <TextFields
          label={b.linkLabel}
          value={getIn(step, ["link", "label"])}
          languages={languages}
          defaultLocale={defaultLocale}
          onChange={(v) => set(["link", "label"], v)}
        />
      </Group>
    </>
  );
}

/** Where the survey goes after this step: branches by score band or choice, then `next`. */
function Flow({ step, ids, set, onChange }: Inner) {
  const kind = String(step.kind);
  const byChoice = CHOICE_KINDS.has(kind);
  const targets: [string, string][] = [
    ...ids.filter((id) => id !== step.id).map((id) => [id, id] as [string, string]),
    [END, b.end],
  ];
  const branches = (Array.isArray(step.branches) ? step.branches : []) as Json[];
  const choiceIds = ((Array.isArray(step.choices) ? step.choices : []) as Json[]).map((c) => String(c.id ?? ""));
  return (
    <Group legend={b.flow}>
      <ol class="branches">
        {branches.map((branch, i) => {
          const when = (branch.when ?? {}) as Json;
          const picked = Array.isArray(when.choices) ? (when.choices as string[]) : [];
          return (
            <li key={i}>
              <fieldset class="group branch">
                <legend>{b.branchLegend(i + 1)}</legend>
                <div class="row">
                  {byChoice ? (
                    <fieldset class="inline-checks">
                      <legend>{b.whenChoices}</legend>
                      {choiceIds.map((id) => (
                        <CheckField
                          key={id}
                          label={id}
                          checked={picked.includes(id)}
                          onChange={(on) =>
                            set(
                              ["branches", i, "when", "choices"],
                              on ? [...picked, id] : picked.filter((x) => x !== id),
                            )
                          }
                        />
                      ))}
                    </fieldset>
                  ) : (
                    <>
                      <NumberField
                        label={b.min}
                        value={when.min}
                        onChange={(v) => set(["branches", i, "when", "min"], v)}
                      />
                      <NumberField
                        label={b.max}
                        value={when.max}
                        onChange={(v) => set(["branches", i, "when", "max"], v)}
                      />
                    </>
                  )}
                  <SelectField
                    label={b.goto}
                    value={branch.goto ?? ""}
                    options={[["", b.choose], ...targets]}
                    onChange={(v) => set(["branches", i, "goto"], v || undefined)}
                  />
                  <SmallButton
                    label={b.removeBranch(i + 1)}
                    icon="✕"
                    onClick={() => onChange(removeIn(step, ["branches"], i) as Json)}
                  />
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div class="row">
        <button
          type="button"
          class="quiet"
          onClick={() =>
            onChange(
              pushIn(step, ["branches"], {
                when: byChoice ? { choices: choiceIds.slice(0, 1) } : { max: 6 },
                goto: END,
              }) as Json,
            )
          }
        >
          {b.addBranch}
        </button>
        <SelectField
          label={b.next}
          value={step.next ?? ""}
          options={[["", b.following], ...targets]}
          onChange={(v) => set(["next"], v || undefined)}
        />
      </div>
    </Group>
  );
}

/** All steps in order, each movable and removable, with a kind picker to add one. */
export function StepList(props: {
  steps: Json[];
  languages: string[];
  defaultLocale: string;
  onChange: (steps: Json[]) => void;
}) {
  const ids = props.steps.map((s) => String(s.id ?? ""));
  return (
    <ol class="steps">
      {props.steps.map((step, i) => (
        <StepEditor
          key={i}
          step={step}
          index={i}
          count={props.steps.length}
          ids={ids}
          languages={props.languages}
          defaultLocale={props.defaultLocale}
          onChange={(s) => props.onChange(props.steps.map((x, j) => (j === i ? s : x)))}
          onMove={(delta) => props.onChange(moveIn(props.steps, [], i, delta) as Json[])}
          onRemove={() => props.onChange(props.steps.filter((_, j) => j !== i))}
        />
      ))}
    </ol>
  );
}
