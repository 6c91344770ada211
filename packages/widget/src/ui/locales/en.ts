/** Forms of a message by plural category (`Intl.PluralRules`); `{n}` is the formatted count. */
export type Plural = { [category in Intl.LDMLPluralRule]?: string } & { other: string };

/**
 * The strings every prompt needs: its frame and the number scales (NPS, CSAT, CES). `{name}`
 * marks a value filled in at runtime; scale labels are defaults a survey may override per step.
 * The other kinds' strings are in `more-<code>.ts`, loaded with their controls.
 */
export interface LocaleStrings {
  /** Announced before the first question when a prompt appears ("Survey: How likely …"). */
  announce: string;
  close: string;
  submit: string;
  next: string;
  /** The submit button of an optional step left empty. */
  skip: string;
  /** Progress through a multi-step survey. */
  progress: string;
  /** Accessible name of a scale's end point: `{n}` the value, `{label}` the end label. */
  point: string;
  npsLow: string;
  npsHigh: string;
  /** The five CSAT faces, least to most satisfied; the ends are also the default end labels. */
  csat: [string, string, string, string, string];
  cesLow: string;
  cesHigh: string;
  needPick: string;
  saveFailed: string;
  newTab: string;
}

const en: LocaleStrings = {
  announce: "Survey:",
  close: "Close survey",
  submit: "Submit",
  next: "Next",
  skip: "Skip",
  progress: "{n} of {total}",
  point: "{n}, {label}",
  npsLow: "Not at all likely",
  npsHigh: "Extremely likely",
  csat: ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"],
  cesLow: "Strongly disagree",
  cesHigh: "Strongly agree",
  needPick: "Please choose an answer.",
  saveFailed: "Your answer could not be saved. Please try again.",
  newTab: "(opens in a new tab)",
};
export default en;
