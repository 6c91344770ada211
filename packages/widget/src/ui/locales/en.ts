/** Forms of a message by plural category (`Intl.PluralRules`); `{n}` is the formatted count. */
export type Plural = { [category in Intl.LDMLPluralRule]?: string } & { other: string };

/**
 * Every string the prompt shows or announces. `{name}` marks a value filled in at runtime;
 * scale labels are the defaults a survey may override per step.
 */
export interface LocaleStrings {
  /** Announced when a prompt appears: `{text}` is its first question. */
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
  stars: Plural;
  cesLow: string;
  cesHigh: string;
  gapLow: string;
  gapHigh: string;
  expected: string;
  experienced: string;
  up: string;
  down: string;
  other: string;
  /** Accessible name of the text field that goes with "Other". */
  otherLabel: string;
  pickAny: string;
  charsLeft: Plural;
  charsOver: Plural;
  needPick: string;
  needText: string;
  tooLong: string;
  saveFailed: string;
  newTab: string;
}

const en: LocaleStrings = {
  announce: "Survey: {text}",
  close: "Close survey",
  submit: "Submit",
  next: "Next",
  skip: "Skip",
  progress: "{n} of {total}",
  point: "{n}, {label}",
  npsLow: "Not at all likely",
  npsHigh: "Extremely likely",
  csat: ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"],
  stars: { one: "{n} star", other: "{n} stars" },
  cesLow: "Strongly disagree",
  cesHigh: "Strongly agree",
  gapLow: "Very poor",
  gapHigh: "Excellent",
  expected: "What you expected",
  experienced: "What you got",
  up: "Thumbs up",
  down: "Thumbs down",
  other: "Other",
  otherLabel: "Other, please specify",
  pickAny: "Select all that apply.",
  charsLeft: { one: "{n} character left", other: "{n} characters left" },
  charsOver: { one: "{n} character too many", other: "{n} characters too many" },
  needPick: "Please choose an answer.",
  needText: "Please write an answer.",
  tooLong: "Please shorten your answer.",
  saveFailed: "Your answer could not be saved. Please try again.",
  newTab: "(opens in a new tab)",
};
export default en;
