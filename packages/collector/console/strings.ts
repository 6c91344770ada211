// Every word the dashboard shows, in one table per language. Components never hold literal text.

/** The dashboard's texts in one language. */
export interface Strings {
  title: string;
  survey: string;
  period: string;
  periods: Record<PeriodKey, string>;
  downloadCsv: string;
  responsesInPeriod(n: number): string;
  loading: string;
  loadFailed(message: string): string;
  noSurveys: string;
  noAnswers: string;
  keyNeeded: string;
  keyLabel: string;
  keyWrong: string;
  keySubmit: string;
  nps: string;
  npsShort: string;
  npsMix: string;
  promoters: string;
  passives: string;
  detractors: string;
  n(n: number): string;
  interval(low: string, high: string): string;
  versusPrevious(diff: string): string;
  /** The unit of a difference of percentages. */
  points: string;
  significant(p: string): string;
  notSignificant(p: string): string;
  tooFewToCompare: string;
  tooFewBadge: string;
  tooFewHint(minN: number): string;
  higherThanRest: string;
  lowerThanRest: string;
  restP(adjusted: string, raw: string): string;
  versusRest: string;
  noPrevious: string;
  csat: string;
  topBox: string;
  top2Box: string;
  topBoxHint: string;
  top2BoxHint: string;
  mean: string;
  ces: string;
  agree: string;
  gap: string;
  gapDifference: string;
  gapBands: Record<"delighted" | "met" | "tolerated" | "dissatisfied", string>;
  trend: string;
  trendOf(measure: string): string;
  trendBandNote(of: string | null): string;
  trendSmallNote: string;
  trendPoint(label: string, value: string, n: number): string;
  trendInterval(low: string, high: string): string;
  intervals: Record<"day" | "week" | "month", string>;
  byPage: string;
  byLocale: string;
  byField: string;
  page: string;
  locale: string;
  fields: { device: string; browserLanguage: string; language: string; attribute(name: string): string };
  regionsOf(list: string): string;
  filterTo(value: string): string;
  filters: string;
  removeFilter(label: string): string;
  unknownSurveys: string;
  unknownSurvey: string;
  unknownSurveyNote(id: string): string;
  answers: string;
  score: string;
  smallSample: string;
  smallSampleHint(threshold: number): string;
  unknownValue: string;
  moreGroups(n: number): string;
  comments: string;
  noComments: string;
  loadMore: string;
  scoreOf(kind: string): string;
  chartData: string;
  views: { results: string; inbox: string; surveys: string };
  surveys: {
    title: string;
    keyNeeded: string;
    keyRefused: string;
    keyLabel: string;
    keySubmit: string;
    status: Record<"draft" | "active" | "paused" | "archived", string>;
    actions: Record<"launch" | "pause" | "archive", string>;
    done: Record<"launch" | "pause" | "archive", string>;
    version(n: number): string;
    definition: string;
    save: string;
    savedVersion: string;
    notJson: string;
    stale: string;
    launchTitle(name: string): string;
    cancel: string;
    newTitle: string;
    template: string;
    newId: string;
    create: string;
    pick: string;
  };
  followUpTitle: string;
  followedUp(done: number, of: number, share: string): string;
  medianToFirst(duration: string): string;
  noFollowUpYet: string;
  openFollowUps(n: number): string;
  openInbox: string;
  duration(hours: number): string;
  inboxTitle: string;
  inboxEmpty: string;
  inboxMore: string;
  bandLabel: string;
  bands: Record<"" | "detractor" | "passive" | "promoter" | "unhappy" | "happy", string>;
  commentLabel: string;
  commentFilter: Record<"" | "with" | "without", string>;
  statusLabel: string;
  statusFilter: Record<"" | "new" | "contacted" | "resolved", string>;
  status: Record<"new" | "contacted" | "resolved", string>;
  notFinished: string;
  anonymous: string;
  answerTitle: string;
  closeAnswer: string;
  whoAnswered: string;
  userId: string;
  anonymousId: string;
  attributes: string;
  noAttributes: string;
  where: string;
  earlierAnswers: string;
  noEarlierAnswers: string;
  followUp: string;
  note: string;
  saveFollowUp: string;
  saved: string;
  history: string;
  historyEntry(status: string, when: string): string;
  gapAnswer(experienced: number, expected: number): string;
  pickAnswer: string;
  /** The try-out panels of a survey: its live preview, and whether it would show on a page. */
  tryout: {
    fixDefinition: string;
    previewTitle: string;
    previewHint: string;
    language: string;
    direction: Record<"ltr" | "rtl", string>;
    colours: string;
    modes: Record<"light" | "dark", string>;
    width: string;
    widths: Record<"phone" | "desktop", string>;
    restart: string;
    frame: string;
    closed: string;
    wouldShowTitle: string;
    wouldShowHint: string;
    url: string;
    attributes: string;
    attributesHint: string;
    events: string;
    eventsHint: string;
    seconds: string;
    scroll: string;
    visits: string;
    device: string;
    anyDevice: string;
    devices: Record<"mobile" | "tablet" | "desktop", string>;
    locale: string;
    identified: string;
    exitIntent: string;
    daysSinceFirstSeen: string;
    clicked(selector: string): string;
    shows: string;
    showsAfter(seconds: number): string;
    doesNotShow: string;
    unreadable: string;
  };
}

/** The periods the picker offers. */
export type PeriodKey = "7d" | "30d" | "90d" | "12m" | "all";

const en: Strings = {
  title: "Sonde results",
  survey: "Survey",
  period: "Period",
  periods: { "7d": "7 days", "30d": "30 days", "90d": "90 days", "12m": "12 months", all: "All time" },
  downloadCsv: "Download CSV",
  responsesInPeriod: (n) => `${n.toLocaleString("en")} ${n === 1 ? "response" : "responses"} in this period`,
  loading: "Loading…",
  loadFailed: (m) => `Could not load results: ${m}`,
  noSurveys: "No surveys yet. Give the collector survey definitions with --surveys, or send it answers.",
  noAnswers: "No answers in this period yet.",
  keyNeeded: "This collector needs a read key to show results.",
  keyLabel: "Read key",
  keyWrong: "That key was not accepted.",
  keySubmit: "Show results",
  nps: "Net Promoter Score",
  npsShort: "NPS",
  npsMix: "Answer mix",
  promoters: "Promoters (9–10)",
  passives: "Passives (7–8)",
  detractors: "Detractors (0–6)",
  n: (n) => `n = ${n}`,
  interval: (low, high) => `95% interval ${low} to ${high}`,
  versusPrevious: (d) => `${d} vs previous period`,
  points: " pts",
  significant: (p) => `significant (${p})`,
  notSignificant: (p) => `not significant (${p})`,
  tooFewToCompare: "too few answers to compare",
  tooFewBadge: "too few to compare",
  tooFewHint: (n) => `Fewer than ${n} answers here or in the rest: no difference can be told from chance`,
  higherThanRest: "significantly higher than the other groups",
  lowerThanRest: "significantly lower than the other groups",
  restP: (adjusted, raw) => `${adjusted} after correcting for the other groups; ${raw} alone`,
  versusRest: "vs rest",
  noPrevious: "no answers in the previous period",
  csat: "Satisfaction (CSAT)",
  topBox: "Top-box",
  top2Box: "Top-2-box",
  topBoxHint: "answered 5 of 5: completely satisfied",
  top2BoxHint: "answered 4 or 5",
  mean: "Mean",
  ces: "Effort (CES)",
  agree: "Found it easy (5–7)",
  gap: "Expectation vs experience",
  gapDifference: "Mean gap (experienced − expected)",
  gapBands: { delighted: "Delighted", met: "Met", tolerated: "Tolerated", dissatisfied: "Dissatisfied" },
  trend: "Trend",
  trendOf: (m) => `${m} over time`,
  trendBandNote: (of) => (of ? `Shaded: 95% interval of ${of}` : "Shaded: 95% interval"),
  trendSmallNote: "Hollow points: fewer than 30 answers",
  trendPoint: (label, value, n) => `${label}: ${value} (n = ${n})`,
  trendInterval: (low, high) => `95% interval ${low} to ${high}`,
  intervals: { day: "by day", week: "by week", month: "by month" },
  byPage: "By page",
  byLocale: "By language of the prompt",
  byField: "Break down by",
  page: "Page",
  locale: "Language",
  fields: {
    device: "Device",
    browserLanguage: "Browser language",
    language: "Prompt language",
    attribute: (name) => `Attribute “${name}”`,
  },
  regionsOf: (list) => `Tags: ${list}`,
  filterTo: (value) => `Show only ${value}`,
  filters: "Showing only",
  removeFilter: (label) => `Remove filter ${label}`,
  unknownSurveys: "Not defined in this collector",
  unknownSurvey: "not defined here",
  unknownSurveyNote: (id) =>
    `“${id}” is not among the surveys this collector serves: these answers reached it anyway, and are shown as they came, without question texts.`,
  answers: "Answers",
  score: "Score",
  smallSample: "small sample",
  smallSampleHint: (t) => `Fewer than ${t} answers: read with care`,
  unknownValue: "(not given)",
  moreGroups: (n) => `and ${n} more`,
  comments: "Comments",
  noComments: "No written comments in this period.",
  loadMore: "Show more comments",
  scoreOf: (kind) => ({ nps: "NPS", csat: "CSAT", ces: "CES" })[kind] ?? kind,
  chartData: "Data of the chart",
  views: { results: "Results", inbox: "Inbox", surveys: "Surveys" },
  surveys: {
    title: "Surveys",
    keyNeeded: "Changing surveys needs this collector's admin key.",
    keyRefused: "This collector does not accept that key, or has no admin key (start it with --admin-key).",
    keyLabel: "Admin key",
    keySubmit: "Manage surveys",
    status: { draft: "Draft", active: "Live", paused: "Paused", archived: "Archived" },
    actions: { launch: "Launch", pause: "Pause", archive: "Archive" },
    done: {
      launch: "Live: pages get it on their next load.",
      pause: "Paused: pages stop showing it on their next load.",
      archive: "Archived: no longer shown; its results are kept.",
    },
    version: (n) => `version ${n}`,
    definition: "Definition (JSON, checked by the collector when you save)",
    save: "Save as a new version",
    savedVersion: "Saved.",
    notJson: "Not valid JSON",
    stale: "Someone saved this survey meanwhile: reopen it to see their version, then make your change again.",
    launchTitle: (name) => `Launch “${name}”?`,
    cancel: "Not now",
    newTitle: "New survey",
    template: "Start from",
    newId: "Id (letters, digits, - _ .)",
    create: "Create as a draft",
    pick: "Pick a survey to change, launch or pause it, or create one from a template.",
  },
  followUpTitle: "Follow-up of detractors",
  followedUp: (done, of, share) => `${done} of ${of} followed up (${share})`,
  medianToFirst: (d) => `median ${d} to the first follow-up`,
  noFollowUpYet: "none followed up yet",
  openFollowUps: (n) => `${n} contacted, not yet resolved`,
  openInbox: "Work through them in the inbox",
  duration: (h) =>
    h < 1 ? `${Math.max(1, Math.round(h * 60))} min` : h < 48 ? `${Math.round(h)} h` : `${(h / 24).toFixed(1)} days`,
  inboxTitle: "Answers",
  inboxEmpty: "No answers match.",
  inboxMore: "Show more answers",
  bandLabel: "Score",
  bands: {
    "": "Any score",
    detractor: "NPS detractors (0–6)",
    passive: "NPS passives (7–8)",
    promoter: "NPS promoters (9–10)",
    unhappy: "Unhappy (any kind)",
    happy: "Happy (any kind)",
  },
  commentLabel: "Comment",
  commentFilter: { "": "With or without", with: "With a comment", without: "Without a comment" },
  statusLabel: "Follow-up",
  statusFilter: { "": "Any status", new: "New", contacted: "Contacted", resolved: "Resolved" },
  status: { new: "New", contacted: "Contacted", resolved: "Resolved" },
  notFinished: "not finished",
  anonymous: "anonymous",
  answerTitle: "Answer",
  closeAnswer: "Close",
  whoAnswered: "Who answered",
  userId: "User id",
  anonymousId: "Anonymous id",
  attributes: "Attributes",
  noAttributes: "none",
  where: "Where",
  earlierAnswers: "Their earlier answers",
  noEarlierAnswers: "None: this is their first answer.",
  followUp: "Follow-up",
  note: "Note (what was done, what was said)",
  saveFollowUp: "Save follow-up",
  saved: "Saved.",
  history: "History",
  historyEntry: (status, when) => `${status}, ${when}`,
  gapAnswer: (experienced, expected) => `experienced ${experienced}, expected ${expected}`,
  pickAnswer: "Pick an answer to see it whole and record its follow-up.",
  tryout: {
    fixDefinition: "Fix the definition to preview it.",
    previewTitle: "Preview",
    previewHint: "The prompt as a page shows it. Answers move through the steps and are sent nowhere.",
    language: "Language",
    direction: { ltr: "left to right", rtl: "right to left" },
    colours: "Colours",
    modes: { light: "Light", dark: "Dark" },
    width: "Width",
    widths: { phone: "Phone (390 px)", desktop: "Desktop" },
    restart: "Restart",
    frame: "Preview of the prompt",
    closed: "The prompt closed. Restart to see it again.",
    wouldShowTitle: "Would it show?",
    wouldShowHint: "A page with these facts, for someone who has never seen a prompt.",
    url: "Page URL",
    attributes: "Attributes of the person",
    attributesHint: "One key=value a line, e.g. plan=pro or seats=12",
    events: "Events fired on the page",
    eventsHint: 'One a line: a name, then properties as JSON if any, e.g. checkout {"plan":"pro"}',
    seconds: "Seconds on the page",
    scroll: "Scrolled (%)",
    visits: "Visits, this one included",
    device: "Device",
    anyDevice: "Unknown",
    devices: { mobile: "Mobile", tablet: "Tablet", desktop: "Desktop" },
    locale: "Language of the page",
    identified: "Identified (the page gave a user id)",
    exitIntent: "The pointer headed out of the page",
    daysSinceFirstSeen: "Days since the first visit",
    clicked: (selector) => `Clicked ${selector}`,
    shows: "Shows",
    showsAfter: (s) => `Shows, after a delay of ${s} s`,
    doesNotShow: "Does not show",
    unreadable: "Not read:",
  },
};

/** The texts for the page's language (English until the dashboard is translated). */
export function strings(): Strings {
  return en;
}
