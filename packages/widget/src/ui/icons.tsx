import type { ComponentChildren } from "preact";

// Inline SVG drawn in currentColor: crisp at any size, the same on every platform (no emoji font
// needed), and themed by the prompt's colours. All are decorative: the buttons carry the names.

const svg = (children: ComponentChildren) => (
  <svg class="i" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    {children}
  </svg>
);

/** A five-point star, filled when `on`. */
export const star = (on: boolean) =>
  svg(
    <path class={on ? "on" : ""} d="M12 2.8l2.8 5.9 6.4.8-4.7 4.4 1.2 6.4L12 17.1l-5.7 3.2 1.2-6.4-4.7-4.4 6.4-.8z" />,
  );

/** A face from frowning (0) to beaming (4): a circle, two eyes (round dots of a wide stroke) and a curved mouth. */
export const face = (i: number) => {
  const c = (i - 2) * 1.6;
  return svg(
    <>
      <path
        d={`M21.5 12a9.5 9.5 0 1 1-19 0 9.5 9.5 0 0 1 19 0M7.8 ${15 - c / 2}Q12 ${15 + c * 1.4} 16.2 ${15 - c / 2}`}
      />
      <path class="eye" d="M8.8 9.6h.01M15.2 9.6h.01" />
    </>,
  );
};

/** A thumb, up or turned down. Shape after Feather's thumbs-up (MIT). */
export const thumb = (up: boolean) =>
  svg(
    <path
      transform={up ? undefined : "rotate(180 12 12)"}
      d="M7 22H4a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2h3m7-2V5a3 3 0 0 0-3-3l-4 9v11h11.3a2 2 0 0 0 2-1.7l1.4-9a2 2 0 0 0-2-2.3z"
    />,
  );
