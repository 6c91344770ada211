import type { Plural } from "./en.js";

/** The strings of the kinds beyond number scales: stars, gap, thumbs, open text, choices. */
export interface MoreStrings {
  /** A star's name by count; stars count 1 to 5. */
  stars: Plural;
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
  needText: string;
  tooLong: string;
}

const more: MoreStrings = {
  stars: { one: "{n} star", other: "{n} stars" },
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
  needText: "Please write an answer.",
  tooLong: "Please shorten your answer.",
};
export default more;
