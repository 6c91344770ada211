// The controls of the less common kinds, in their own lazily loaded chunk, so that the size-checked
// path (an NPS prompt) carries only number scales. The mount starts loading this chunk as soon as
// a survey has any step that needs it, so it is there before that step shows.
import { type Body, endLabels, isBasic } from "./bodies.js";
import { ChoiceList } from "./choice-list.js";
import { textLimit } from "./draft.js";
import { face, star, thumb } from "./icons.js";
import { OpenText } from "./open-text.js";
import { numberScale, RatingScale } from "./rating-scale.js";

export { moreCss } from "./more-styles.js";

const choices: Body = (p) => {
  const { o, step, d, edit } = p;
  const multiple = step.kind === "multiple";
  if (step.kind !== "single" && !multiple) return null;
  return (
    <>
      {multiple && (
        <p class="hint" id="sh">
          {o.strings.pickAny}
        </p>
      )}
      <ChoiceList
        multiple={multiple}
        name={`c-${step.id}`}
        options={[
          ...step.choices.map((c) => [c.id, o.text(c.label)] as const),
          ...(step.other ? [["other", o.strings.other] as const] : []),
        ]}
        otherLabel={o.strings.otherLabel}
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
    const [low, high] = endLabels(p, o.strings.csat[0], o.strings.csat[4]);
    if (isBasic(step)) return numberScale(p, 1, 5, low, high);
    const stars = step.kind === "csat" && step.display === "stars";
    const points = [1, 2, 3, 4, 5];
    return (
      <RatingScale
        p={p}
        points={points}
        names={points.map((n, i) => {
          const end = i === 0 ? low : i === 4 ? high : "";
          if (!stars) return end || o.strings.csat[i]!;
          const name = f.plural(o.strings.stars, n);
          return end ? f.fill(o.strings.point, { n: name, label: end }) : name;
        })}
        show={(i) => (stars ? star(typeof d.pick === "number" && d.pick > i) : face(i))}
        ends={[low, high]}
        look={stars ? "star" : "face"}
      />
    );
  },
  gap(p) {
    const { o, step } = p;
    if (step.kind !== "gap") return null;
    const [low, high] = endLabels(p, o.strings.gapLow, o.strings.gapHigh);
    const top = step.scale ?? 5;
    return (
      <>
        <p class="sub" id="sg1">
          {o.text(step.expectedLabel) || o.strings.expected}
        </p>
        {numberScale(p, 1, top, low, high, "pick", "sq sg1")}
        <p class="sub" id="sg2">
          {o.text(step.experiencedLabel) || o.strings.experienced}
        </p>
        {numberScale(p, 1, top, low, high, "pick2", "sq sg2")}
      </>
    );
  },
  thumbs: (p) => (
    <RatingScale
      p={p}
      points={["up", "down"]}
      names={[p.o.strings.up, p.o.strings.down]}
      show={(i) => thumb(i === 0)}
      look="thumb"
    />
  ),
  open(p) {
    const { o, f, step, d } = p;
    const left = textLimit(step) - d.text.trim().length;
    return (
      <OpenText
        value={d.text}
        onInput={(text) => p.edit({ text })}
        placeholder={step.kind === "open" ? o.text(step.placeholder) : ""}
        count={f.plural(left < 0 ? o.strings.charsOver : o.strings.charsLeft, Math.abs(left))}
        over={left < 0}
        describedBy={p.by}
        invalid={p.invalid}
      />
    );
  },
  single: choices,
  multiple: choices,
};
