import type { QuestionStep, Step, Text } from "@sonde/core";
import type { ComponentChildren } from "preact";
import type { Draft } from "./draft.js";
import type { Format } from "./format.js";
import type { MoreStrings } from "./locales/more-en.js";
import { numberScale } from "./rating-scale.js";
import { say } from "./say.js";
import type { PromptOptions } from "./types.js";

/** What the controls of a step get: the step, its draft, and how to change it. */
export interface BodyProps {
  o: PromptOptions;
  f: Format;
  step: QuestionStep;
  d: Draft;
  edit: (patch: Partial<Draft>) => void;
  /** The strings of the kinds in `more-bodies`, once loaded with them. */
  more: MoreStrings | undefined;
  /** Ids of the description and error that describe the controls. */
  by: string | undefined;
  invalid: boolean;
}

/** Renders the controls of one kind of step. */
export type Body = (p: BodyProps) => ComponentChildren;

/** A scale's end label: its text for the end point's accessible name, and as shown. */
export type EndLabel = readonly [name: string, shown: ComponentChildren];

const endLabel = (o: PromptOptions, text: Text | undefined, fallback: string): EndLabel => {
  const name = o.text(text);
  return name ? [name, say(o, text)] : [fallback, fallback];
};

/** The survey's text for each end of a scale, or the locale's defaults. */
export const endLabels = ({ o, step }: BodyProps, low: string, high: string): [EndLabel, EndLabel] => [
  endLabel(o, "lowLabel" in step ? step.lowLabel : undefined, low),
  endLabel(o, "highLabel" in step ? step.highLabel : undefined, high),
];

/** Whether a step renders with the controls in this chunk: number scales and the thank-you. */
export const isBasic = (s: Step): boolean =>
  s.kind === "nps" ||
  s.kind === "ces" ||
  s.kind === "thanks" ||
  (s.kind === "csat" && (s.display ?? "numbers") === "numbers");

/** The controls of the basic kinds; `more-bodies` adds the others once it is loaded. */
export const bodies: Record<string, Body> = {
  nps: (p) => numberScale(p, 0, 10, endLabels(p, p.o.strings.npsLow, p.o.strings.npsHigh)),
  ces: (p) => numberScale(p, 1, 7, endLabels(p, p.o.strings.cesLow, p.o.strings.cesHigh)),
  csat: (p) => numberScale(p, 1, 5, endLabels(p, p.o.strings.csat[0], p.o.strings.csat[4])),
};
