import { useRef } from "preact/hooks";

interface Props {
  value: number | null;
  onChange: (value: number) => void;
  labelledBy: string;
  lowLabel: string;
  highLabel: string;
  dir: "ltr" | "rtl";
}

const points = Array.from({ length: 11 }, (_, i) => i);

/** A 0–10 radiogroup with roving tabindex; arrow keys follow the reading direction. */
export function NpsScale({ value, onChange, labelledBy, lowLabel, highLabel, dir }: Props) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const focusable = value ?? 0;
  const move = (to: number) => {
    const v = Math.max(0, Math.min(10, to));
    onChange(v);
    refs.current[v]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const forward = dir === "rtl" ? "ArrowLeft" : "ArrowRight";
    const back = dir === "rtl" ? "ArrowRight" : "ArrowLeft";
    const current = value ?? 0;
    if (e.key === forward || e.key === "ArrowDown") move(current + 1);
    else if (e.key === back || e.key === "ArrowUp") move(current - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(10);
    else return;
    e.preventDefault();
  };
  return (
    <div>
      <div class="scale" role="radiogroup" aria-labelledby={labelledBy} onKeyDown={onKeyDown}>
        {points.map((p) => (
          <button
            type="button"
            class="opt"
            role="radio"
            key={p}
            ref={(el) => {
              refs.current[p] = el;
            }}
            aria-checked={value === p}
            aria-label={p === 0 ? `${p}, ${lowLabel}` : p === 10 ? `${p}, ${highLabel}` : String(p)}
            tabIndex={p === focusable ? 0 : -1}
            onClick={() => onChange(p)}
          >
            {p}
          </button>
        ))}
      </div>
      <div class="ends" aria-hidden="true">
        <span>{lowLabel}</span>
        <span>{highLabel}</span>
      </div>
    </div>
  );
}
