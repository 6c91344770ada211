import type { ComponentChildren } from "preact";
import type { BodyProps, EndLabel } from "./bodies.js";

/** A rating scale: the values in reading order, each point's accessible name and what it shows. */
export interface RatingScaleProps {
  p: BodyProps;
  points: readonly (number | string)[];
  names: readonly string[];
  show: (index: number) => ComponentChildren;
  /** Visible end labels, or none. */
  ends?: readonly [ComponentChildren, ComponentChildren] | undefined;
  /** Look of the points: numbers, stars, faces or thumbs. */
  look: "num" | "star" | "face" | "thumb";
  /** Which draft field holds the pick (`pick2`: the second scale of a gap step). */
  field?: "pick" | "pick2";
  labelledBy?: string;
}

/**
 * A radiogroup with roving tabindex. Left/Right (in the reading direction) and Up/Down move from
 * the focused point and pick, Home/End jump to the ends; Enter on the picked point submits the
 * step, as Enter on a radio button submits its form.
 */
export function RatingScale({
  p,
  points,
  names,
  show,
  ends,
  look,
  field = "pick",
  labelledBy = "sq",
}: RatingScaleProps) {
  const at = points.indexOf(p.d[field] as never);
  const focusable = Math.max(0, at);
  const pick = (v: number | string) => p.edit({ [field]: v });
  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(e.currentTarget as HTMLElement).children] as HTMLButtonElement[];
    // From the point that has focus, which is not always the picked one (a screen reader or a
    // script may have moved it).
    const from = buttons.indexOf(e.target as HTMLButtonElement);
    if (from < 0) return;
    const k = e.key;
    if (k === "Enter") {
      // On a point not picked yet, Enter picks it, as a click does.
      if (from !== at) return;
      e.preventDefault();
      buttons[from]!.form?.requestSubmit();
      return;
    }
    const last = points.length - 1;
    const back = p.o.dir === "rtl" ? "ArrowRight" : "ArrowLeft";
    const to =
      k === "Home"
        ? 0
        : k === "End"
          ? last
          : /^Arrow/.test(k)
            ? Math.max(0, Math.min(last, from + (k === back || k === "ArrowUp" ? -1 : 1)))
            : -1;
    if (to < 0) return;
    e.preventDefault();
    pick(points[to]!);
    buttons[to]!.focus();
  };
  return (
    // The wrapper tells the styles how many points there are: long scales wrap on narrow touch screens.
    <div class={`n${points.length}`}>
      <div
        class={`scale ${look}`}
        role="radiogroup"
        aria-labelledby={labelledBy}
        aria-describedby={p.by}
        onKeyDown={onKeyDown}
      >
        {points.map((v, i) => (
          <button
            type="button"
            role="radio"
            class="opt"
            key={v}
            aria-checked={i === at}
            aria-label={names[i]}
            tabIndex={i === focusable ? 0 : -1}
            onClick={() => pick(v)}
          >
            {show(i)}
          </button>
        ))}
      </div>
      {ends && (
        <div class="ends" aria-hidden="true">
          <span>{ends[0]}</span>
          <span>{ends[1]}</span>
        </div>
      )}
    </div>
  );
}

/** A scale of numbers `from`..`to`; the end points' names carry the end labels ("0, Not at all likely"). */
export function numberScale(
  p: BodyProps,
  from: number,
  to: number,
  [low, high]: readonly [EndLabel, EndLabel],
  field?: "pick" | "pick2",
  labelledBy?: string,
) {
  const { f, o } = p;
  const points = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const names = points.map((n) =>
    n === from
      ? f.fill(o.strings.point, { n, label: low[0] })
      : n === to
        ? f.fill(o.strings.point, { n, label: high[0] })
        : f.num(n),
  );
  return (
    <RatingScale
      p={p}
      points={points}
      names={names}
      show={(i) => f.num(points[i]!)}
      ends={[low[1], high[1]]}
      look="num"
      field={field}
      labelledBy={labelledBy}
    />
  );
}
