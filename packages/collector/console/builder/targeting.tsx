import { DEVICES, OPERATORS, POSITIONS, URL_MATCHES, URL_PARTS } from "@sonde/core";
import { strings } from "../strings.js";
import { CheckField, DateTimeField, Group, NumberField, SelectField, SmallButton, TextField } from "./fields.js";
import {
  changeTrigger,
  conditionText,
  conditionValue,
  getIn,
  type Json,
  newTrigger,
  type Path,
  pushIn,
  removeIn,
  setIn,
  TRIGGER_TYPES,
  type TriggerType,
} from "./update.js";

// Where and when a survey shows: its look, its triggers, its audience, how often, and its dates.

const t = strings();
const b = t.builder;

/** Edits one part of the definition at a path. */
interface PartProps {
  definition: Json;
  onChange: (definition: Json) => void;
}

const at = (props: PartProps) => ({
  get: (path: Path) => getIn(props.definition, path),
  set: (path: Path, v: unknown) => props.onChange(setIn(props.definition, path, v) as Json),
});

const list = (v: unknown) => (Array.isArray(v) ? (v as Json[]) : []);

/** Position and theme of the prompt. */
export function AppearanceFields(props: PartProps) {
  const { get, set } = at(props);
  const theme = ["appearance", "theme"];
  return (
    <Group legend={b.appearance}>
      <div class="row">
        <SelectField
          label={b.position}
          value={get(["appearance", "position"]) ?? ""}
          options={[["", b.byDefault], ...POSITIONS.map((p) => [p, b.positions[p]] as [string, string])]}
          onChange={(v) => set(["appearance", "position"], v || undefined)}
        />
        {get(["appearance", "position"]) === "inline" && (
          <TextField
            label={b.selector}
            value={get(["appearance", "selector"])}
            onChange={(v) => set(["appearance", "selector"], v)}
          />
        )}
        <SelectField
          label={b.mode}
          value={get([...theme, "mode"]) ?? ""}
          options={[
            ["", b.byDefault],
            ...(["light", "dark", "auto"] as const).map((m) => [m, b.modes[m]] as [string, string]),
          ]}
          onChange={(v) => set([...theme, "mode"], v || undefined)}
        />
      </div>
      <div class="row">
        {(["brand", "text", "background"] as const).map((key) => (
          <TextField
            key={key}
            label={b.colors[key]}
            placeholder={key === "brand" ? "#4f46e5" : undefined}
            value={get([...theme, key])}
            onChange={(v) => set([...theme, key], v)}
          />
        ))}
      </div>
      <div class="row">
        <TextField
          label={b.radius}
          placeholder="12px"
          value={get([...theme, "radius"])}
          onChange={(v) => set([...theme, "radius"], v)}
        />
        <TextField label={b.font} value={get([...theme, "font"])} onChange={(v) => set([...theme, "font"], v)} />
        <NumberField
          label={b.zIndex}
          step={1}
          value={get([...theme, "zIndex"])}
          onChange={(v) => set([...theme, "zIndex"], v)}
        />
      </div>
    </Group>
  );
}

/** Conditions on attributes or event properties: key, operator, value. */
function Conditions(props: PartProps & { path: Path; legend: string; add: string }) {
  const { get, set } = at(props);
  const items = list(get(props.path));
  return (
    <Group legend={props.legend}>
      <ol class="conditions">
        {items.map((c, i) => (
          <li key={i} class="row">
            <TextField label={b.key} value={c.key} keepEmpty onChange={(v) => set([...props.path, i, "key"], v)} />
            <SelectField
              label={b.operator}
              value={c.op}
              options={OPERATORS.map((o) => [o, b.operators[o]])}
              onChange={(op) =>
                set([...props.path, i], { key: c.key, op, value: conditionValue(op, conditionText(c.value)) })
              }
            />
            {c.op === "exists" ? (
              <CheckField
                label={b.mustExist}
                checked={c.value !== false}
                onChange={(v) => set([...props.path, i, "value"], v ? undefined : false)}
              />
            ) : (
              <TextField
                label={c.op === "in" ? b.values : b.value}
                value={conditionText(c.value)}
                keepEmpty
                onChange={(v) => set([...props.path, i, "value"], conditionValue(String(c.op), v ?? ""))}
              />
            )}
            <SmallButton
              label={b.removeCondition(i + 1)}
              icon="✕"
              onClick={() => props.onChange(removeIn(props.definition, props.path, i) as Json)}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        class="quiet"
        onClick={() => props.onChange(pushIn(props.definition, props.path, { key: "", op: "eq", value: "" }) as Json)}
      >
        {props.add}
      </button>
    </Group>
  );
}

/** A trigger's URL conditions: all or any must hold. */
function UrlRules(props: PartProps & { path: Path; n: number }) {
  const { get, set } = at(props);
  const rules = list(get([...props.path, "url"]));
  return (
    <Group legend={b.urlRules}>
      <ol class="conditions">
        {rules.map((r, i) => {
          const p = [...props.path, "url", i];
          return (
            <li key={i} class="row" data-testid="url-rule">
              <SelectField
                label={b.urlPart}
                value={r.part ?? ""}
                options={[
                  ["", b.parts.path],
                  ...URL_PARTS.filter((x) => x !== "path").map((x) => [x, b.parts[x]] as [string, string]),
                ]}
                onChange={(v) => set([...p, "part"], v || undefined)}
              />
              <SelectField
                label={b.urlMatchKind}
                value={r.match}
                options={URL_MATCHES.map((m) => [m, b.matches[m]])}
                onChange={(v) => set([...p, "match"], v)}
              />
              <TextField label={b.urlValue} value={r.value} keepEmpty onChange={(v) => set([...p, "value"], v)} />
              <CheckField label={b.not} checked={r.not === true} onChange={(v) => set([...p, "not"], v || undefined)} />
              <SmallButton
                label={b.removeUrlRule(i + 1)}
                icon="✕"
                onClick={() => props.onChange(removeIn(props.definition, [...props.path, "url"], i) as Json)}
              />
            </li>
          );
        })}
      </ol>
      <div class="row">
        <button
          type="button"
          class="quiet"
          onClick={() =>
            props.onChange(
              pushIn(props.definition, [...props.path, "url"], { match: "startsWith", value: "/" }) as Json,
            )
          }
        >
          {b.addUrlRule}
        </button>
        {rules.length > 1 && (
          <SelectField
            label={b.urlMatch}
            value={get([...props.path, "urlMatch"]) ?? ""}
            options={[
              ["", b.all],
              ["any", b.any],
            ]}
            onChange={(v) => set([...props.path, "urlMatch"], v || undefined)}
          />
        )}
      </div>
    </Group>
  );
}

/** The survey's triggers: any one suffices. */
export function Triggers(props: PartProps) {
  const { get, set } = at(props);
  const triggers = list(get(["rules", "triggers"]));
  return (
    <Group legend={b.triggers}>
      {triggers.length === 0 && <p class="hint">{b.noTriggers}</p>}
      <ol class="triggers">
        {triggers.map((trigger, i) => {
          const path = ["rules", "triggers", i];
          const type = String(trigger.type) as TriggerType;
          return (
            <li key={i} data-testid="trigger">
              <fieldset class="group">
                <legend>{b.triggerLegend(i + 1, b.triggerTypes[type] ?? type)}</legend>
                <div class="row">
                  <SelectField
                    label={b.triggerType}
                    value={type}
                    options={TRIGGER_TYPES.map((x) => [x, b.triggerTypes[x]])}
                    onChange={(v) => set(path, changeTrigger(trigger, v as TriggerType))}
                  />
                  {type === "event" && (
                    <TextField
                      label={b.eventName}
                      value={trigger.name}
                      keepEmpty
                      onChange={(v) => set([...path, "name"], v)}
                    />
                  )}
                  {type === "time" && (
                    <NumberField
                      label={b.seconds}
                      min={0}
                      value={trigger.seconds}
                      onChange={(v) => set([...path, "seconds"], v ?? 0)}
                    />
                  )}
                  {type === "scroll" && (
                    <NumberField
                      label={b.percent}
                      min={0}
                      max={100}
                      value={trigger.percent}
                      onChange={(v) => set([...path, "percent"], v ?? 0)}
                    />
                  )}
                  {type === "click" && (
                    <TextField
                      label={b.clickSelector}
                      value={trigger.selector}
                      keepEmpty
                      onChange={(v) => set([...path, "selector"], v)}
                    />
                  )}
                  <SmallButton
                    label={b.removeTrigger(i + 1)}
                    icon="✕"
                    onClick={() => props.onChange(removeIn(props.definition, ["rules", "triggers"], i) as Json)}
                  />
                </div>
                {type === "event" && (
                  <Conditions {...props} path={[...path, "properties"]} legend={b.properties} add={b.addProperty} />
                )}
                {type !== "manual" && <UrlRules {...props} path={path} n={i + 1} />}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        class="quiet"
        onClick={() => props.onChange(pushIn(props.definition, ["rules", "triggers"], newTrigger("pageview")) as Json)}
      >
        {b.addTrigger}
      </button>
    </Group>
  );
}

const csv = (v: unknown) => (Array.isArray(v) ? v.join(", ") : "");
const fromCsv = (v: string | undefined) => {
  const items = (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
};

/** Who may see it: identified or not, devices, languages, visits, attributes. */
export function AudienceFields(props: PartProps) {
  const { get, set } = at(props);
  const a = ["rules", "audience"];
  const devices = list(get([...a, "devices"])) as unknown as string[];
  const identified = get([...a, "identified"]);
  return (
    <Group legend={b.audience}>
      <div class="row">
        <SelectField
          label={b.identified}
          value={identified === undefined ? "" : String(identified)}
          options={[
            ["", b.everyone],
            ["true", b.identifiedOnly],
            ["false", b.anonymousOnly],
          ]}
          onChange={(v) => set([...a, "identified"], v === "" ? undefined : v === "true")}
        />
        <TextField
          label={b.locales}
          placeholder="en, da"
          value={csv(get([...a, "locales"]))}
          onChange={(v) => set([...a, "locales"], fromCsv(v))}
        />
      </div>
      <fieldset class="inline-checks">
        <legend>{b.devices}</legend>
        {DEVICES.map((d) => (
          <CheckField
            key={d}
            label={b.deviceNames[d]}
            checked={devices.includes(d)}
            onChange={(on) => {
              const next = on ? [...devices, d] : devices.filter((x) => x !== d);
              set([...a, "devices"], next.length ? next : undefined);
            }}
          />
        ))}
      </fieldset>
      <div class="row">
        <NumberField
          label={b.minVisits}
          min={0}
          step={1}
          value={get([...a, "minVisits"])}
          onChange={(v) => set([...a, "minVisits"], v)}
        />
        <NumberField
          label={b.minDays}
          min={0}
          value={get([...a, "minDaysSinceFirstSeen"])}
          onChange={(v) => set([...a, "minDaysSinceFirstSeen"], v)}
        />
        <SelectField
          label={b.attributesMatch}
          value={get([...a, "attributesMatch"]) ?? ""}
          options={[
            ["", b.all],
            ["any", b.any],
          ]}
          onChange={(v) => set([...a, "attributesMatch"], v || undefined)}
        />
      </div>
      <Conditions {...props} path={[...a, "attributes"]} legend={b.attributes} add={b.addAttribute} />
    </Group>
  );
}

/** Sampling, delay, frequency, priority and schedule. */
export function PacingFields(props: PartProps) {
  const { get, set } = at(props);
  const f = ["rules", "frequency"];
  return (
    <Group legend={b.pacing}>
      <div class="row">
        <NumberField
          label={b.sampling}
          min={0}
          max={100}
          value={get(["rules", "sampling"])}
          onChange={(v) => set(["rules", "sampling"], v)}
        />
        <NumberField
          label={b.delay}
          min={0}
          value={get(["rules", "delay"])}
          onChange={(v) => set(["rules", "delay"], v)}
        />
        <NumberField label={b.priority} step={1} value={get(["priority"])} onChange={(v) => set(["priority"], v)} />
      </div>
      <div class="row">
        <NumberField
          label={b.recontactDays}
          min={0}
          value={get([...f, "recontactDays"])}
          onChange={(v) => set([...f, "recontactDays"], v)}
        />
        <NumberField
          label={b.dismissDays}
          min={0}
          value={get([...f, "dismissDays"])}
          onChange={(v) => set([...f, "dismissDays"], v)}
        />
        <NumberField
          label={b.maxDisplays}
          min={1}
          step={1}
          value={get([...f, "maxDisplays"])}
          onChange={(v) => set([...f, "maxDisplays"], v)}
        />
      </div>
      <CheckField
        label={b.ignoreCooldown}
        checked={get([...f, "ignoreCooldown"]) === true}
        onChange={(v) => set([...f, "ignoreCooldown"], v || undefined)}
      />
      <div class="row">
        <DateTimeField
          label={b.scheduleStart}
          value={get(["schedule", "start"])}
          onChange={(v) => set(["schedule", "start"], v)}
        />
        <DateTimeField
          label={b.scheduleEnd}
          value={get(["schedule", "end"])}
          onChange={(v) => set(["schedule", "end"], v)}
        />
      </div>
    </Group>
  );
}
