// The controls of the less common kinds, in their own lazily loaded chunk, so that the size-checked
// path (an NPS prompt) carries only number scales. The mount starts loading this chunk as soon as
// a survey has any step that needs it, so it is there before that step shows.
import { type Body, endLabels, isBasic } from "./bodies.js";
import { ChoiceList } from "./choice-list.js";
import { textLimit } from "./draft.js";
import { face, star, thumb } from "./icons.js";
import type { MoreStrings } from "./locales/more-en.js";
import { OpenText } from "./open-text.js";
import { numberScale, RatingScale } from "./rating-scale.js";
import { say } from "./say.js";

export { moreCss } from "./more-styles.js";

// The strings of these kinds, one chunk per language, like the base tables.
const tables: Record<string, () => Promise<{ default: MoreStrings }>> = {
  en: () => import("./locales/more-en.js"),
  da: () => import("./locales/more-da.js"),
  ru: () => import("./locales/more-ru.js"),
  fi: () => import("./locales/more-fi.js"),
  fr: () => import("./locales/more-fr.js"),
  zh: () => import("./locales/more-zh.js"),
  de: () => import("./locales/more-de.js"),
  es: () => import("./locales/more-es.js"),
  pt: () => import("./locales/more-pt.js"),
  ja: () => import("./locales/more-ja.js"),
  ar: () => import("./locales/more-ar.js"),
  he: () => import("./locales/more-he.js"),
};

/** Downloads the strings of these kinds in one language (English for one Sonde has no table for). */
export async function loadMoreStrings(locale: string): Promise<MoreStrings> {
  return (await (tables[locale] ?? tables.en!)()).default;
}

const choices: Body = (p) => {
  const { o, step, d, edit } = p;
  const m = p.more!;
  const multiple = step.kind === "multiple";
  if (step.kind !== "single" && !multiple) return null;
  return (
    <>
      {multiple && (
        <p class="hint" id="sh">
          {m.pickAny}
        </p>
      )}
      <ChoiceList
        multiple={multiple}
        name={`c-${step.id}`}
        options={[
          ...step.choices.map((c) => [c.id, say(o, c.label)] as const),
          ...(step.other ? [["other", m.other] as const] : []),
        ]}
        otherLabel={m.otherLabel}
        picked={multiple ? d.picks : typeof d.pick === "string" ? [d.pick] : []}
        onPick={(ids) => edit(multiple ? { picks: ids } : { pick: ids[0]! })}
        otherText={d.text}
        onOtherText={(text) => edit({ text })}
        describedBy={[multiple && "sh", p.by].filter(Boolean).join(" ") || undefined}
      />
    </>
  );
};

/** Controls for the kinds `bodies` leaves out. */
export const moreBodies: Record<string, Body> = {
  csat(p) {
    const { o, f, step, d } = p;
    const m = p.more!;
    const ends = endLabels(p, o.strings.csat[0], o.strings.csat[4]);
    if (isBasic(step)) return numberScale(p, 1, 5, ends);
    const [[low, lowShown], [high, highShown]] = ends;
    const stars = step.kind === "csat" && step.display === "stars";
    const points = [1, 2, 3, 4, 5];
    return (
      <RatingScale
        p={p}
        points={points}
        names={points.map((n, i) => {
          const end = i === 0 ? low : i === 4 ? high : "";
          if (!stars) return end || o.strings.csat[i]!;
          const name = f.plural(m.stars, n);
          return end ? f.fill(o.strings.point, { n: name, label: end }) : name;
        })}
        show={(i) => (stars ? star(typeof d.pick === "number" && d.pick > i) : face(i))}
        ends={[lowShown, highShown]}
        look={stars ? "star" : "face"}
      />
    );
  },
  gap(p) {
    const { o, step } = p;
    const m = p.more!;
    if (step.kind !== "gap") return null;
    const ends = endLabels(p, m.gapLow, m.gapHigh);
    const top = step.scale ?? 5;
    return (
      <>
        <p class="sub" id="sg1">
          {say(o, step.expectedLabel) || m.expected}
        </p>
        {numberScale(p, 1, top, ends, "pick", "sq sg1")}
        <p class="sub" id="sg2">
          {say(o, step.experiencedLabel) || m.experienced}
        </p>
        {numberScale(p, 1, top, ends, "pick2", "sq sg2")}
      </>
    );
  },
  thumbs: (p) => (
    <RatingScale
      p={p}
      points={["up", "down"]}
      names={[p.more!.up, p.more!.down]}
      show={(i) => thumb(i === 0)}
      look="thumb"
    />
  ),
  open(p) {
    const { o, f, step, d } = p;
    const m = p.more!;
    const left = textLimit(step) - d.text.trim().length;
    return (
      <OpenText
        value={d.text}
        onInput={(text) => p.edit({ text })}
        placeholder={step.kind === "open" ? o.text(step.placeholder) : ""}
        placeholderLang={step.kind === "open" ? o.textLang?.(step.placeholder) : undefined}
        count={f.plural(left < 0 ? m.charsOver : m.charsLeft, Math.abs(left))}
        over={left < 0}
        describedBy={p.by}
        invalid={p.invalid}
      />
    );
  },
  single: choices,
  multiple: choices,
};
