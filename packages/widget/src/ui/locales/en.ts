/** English UI strings; the shape every other locale table must match. */
const en = {
  surveyLabel: "Survey",
  close: "Close survey",
  submit: "Submit",
  next: "Next",
  npsLow: "Not at all likely",
  npsHigh: "Extremely likely",
  thanks: "Thank you!",
};

export type LocaleStrings = typeof en;
export default en;
