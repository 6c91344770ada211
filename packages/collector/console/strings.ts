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
  /** The survey builder: the form, its tabs, and the JSON checked as you type. */
  builder: {
    tabs: { form: string; json: string };
    tabsLabel: string;
    jsonLabel: string;
    jsonOk: string;
    jsonProblems(n: number): string;
    notJson(message: string): string;
    side: string;
    inLanguage(label: string, locale: string): string;
    basics: string;
    name: string;
    defaultLocale: string;
    languagesInUse(list: string): string;
    newLanguage: string;
    addLanguage: string;
    steps: string;
    stepLegend(n: number, kind: string): string;
    kinds: Record<"nps" | "csat" | "ces" | "gap" | "thumbs" | "open" | "single" | "multiple" | "thanks", string>;
    newQuestion: Record<"nps" | "csat" | "ces" | "gap" | "thumbs" | "open" | "single" | "multiple" | "thanks", string>;
    defaultChoices: string[];
    newStepKind: string;
    addStep: string;
    moveUp(n: number): string;
    moveDown(n: number): string;
    removeStep(n: number): string;
    kind: string;
    stepId: string;
    question: string;
    thanksText: string;
    description: string;
    required: string;
    lowLabel: string;
    highLabel: string;
    display: string;
    displays: Record<"numbers" | "emoji" | "stars", string>;
    byDefault: string;
    scale: string;
    points(n: number): string;
    expectedLabel: string;
    experiencedLabel: string;
    placeholder: string;
    maxLength: string;
    choices: string;
    choiceId(n: number): string;
    choiceLabel(n: number): string;
    removeChoice(n: number): string;
    newChoice: string;
    addChoice: string;
    other: string;
    closeAfter: string;
    keepOpen: string;
    link: string;
    linkUrl: string;
    linkLabel: string;
    flow: string;
    branchLegend(n: number): string;
    whenChoices: string;
    min: string;
    max: string;
    goto: string;
    choose: string;
    end: string;
    removeBranch(n: number): string;
    addBranch: string;
    next: string;
    following: string;
    appearance: string;
    position: string;
    positions: Record<"bottom-right" | "bottom-left" | "center" | "top-banner" | "bottom-banner" | "inline", string>;
    selector: string;
    mode: string;
    modes: Record<"light" | "dark" | "auto", string>;
    colors: Record<"brand" | "text" | "background", string>;
    radius: string;
    font: string;
    zIndex: string;
    triggers: string;
    noTriggers: string;
    triggerLegend(n: number, type: string): string;
    triggerType: string;
    triggerTypes: Record<"pageview" | "event" | "time" | "scroll" | "exit" | "click" | "manual", string>;
    eventName: string;
    seconds: string;
    percent: string;
    clickSelector: string;
    removeTrigger(n: number): string;
    addTrigger: string;
    properties: string;
    addProperty: string;
    urlRules: string;
    urlPart: string;
    parts: Record<"href" | "path" | "query" | "hash", string>;
    urlMatchKind: string;
    matches: Record<"exact" | "contains" | "startsWith" | "endsWith" | "glob" | "regex", string>;
    urlValue: string;
    not: string;
    removeUrlRule(n: number): string;
    addUrlRule: string;
    urlMatch: string;
    all: string;
    any: string;
    key: string;
    operator: string;
    operators: Record<"eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains" | "in" | "exists", string>;
    value: string;
    values: string;
    mustExist: string;
    removeCondition(n: number): string;
    audience: string;
    identified: string;
    everyone: string;
    identifiedOnly: string;
    anonymousOnly: string;
    locales: string;
    devices: string;
    deviceNames: Record<"mobile" | "tablet" | "desktop", string>;
    minVisits: string;
    minDays: string;
    attributesMatch: string;
    attributes: string;
    addAttribute: string;
    pacing: string;
    sampling: string;
    delay: string;
    priority: string;
    recontactDays: string;
    dismissDays: string;
    maxDisplays: string;
    ignoreCooldown: string;
    scheduleStart: string;
    scheduleEnd: string;
  };
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
  builder: {
    tabs: { form: "Form", json: "JSON" },
    tabsLabel: "Edit the survey as",
    jsonLabel: "Definition (JSON, checked as you type and by the collector when you save)",
    jsonOk: "The definition is valid.",
    jsonProblems: (n) => (n === 1 ? "1 problem:" : `${n} problems:`),
    notJson: (message) => `Not valid JSON: ${message}`,
    side: "Preview",
    inLanguage: (label, locale) => `${label} (${locale})`,
    basics: "Survey",
    name: "Name (only in the console)",
    defaultLocale: "Default language",
    languagesInUse: (list) =>
      `Languages: ${list}. Each text gets a field per language; leave one empty to fall back to the default.`,
    newLanguage: "Language tag, such as da or pt-BR",
    addLanguage: "Add language",
    steps: "Steps",
    stepLegend: (n, kind) => `Step ${n}: ${kind}`,
    kinds: {
      nps: "NPS (0–10)",
      csat: "Satisfaction (1–5)",
      ces: "Effort (1–7)",
      gap: "Expected vs experienced",
      thumbs: "Thumbs up or down",
      open: "Free text",
      single: "Pick one",
      multiple: "Pick any",
      thanks: "Thank-you",
    },
    newQuestion: {
      nps: "How likely are you to recommend us to a friend or colleague?",
      csat: "How satisfied are you?",
      ces: "It was easy to get this done.",
      gap: "How did it compare with what you expected?",
      thumbs: "Was this helpful?",
      open: "Anything else you would like to tell us?",
      single: "Which one fits best?",
      multiple: "Which of these apply?",
      thanks: "Thank you!",
    },
    defaultChoices: ["First choice", "Second choice"],
    newStepKind: "Kind of step to add",
    addStep: "Add step",
    moveUp: (n) => `Move step ${n} up`,
    moveDown: (n) => `Move step ${n} down`,
    removeStep: (n) => `Remove step ${n}`,
    kind: "Kind",
    stepId: "Id (in results and branches)",
    question: "Question",
    thanksText: "Thank-you text",
    description: "Description (optional)",
    required: "An answer is required",
    lowLabel: "Label of the lowest score",
    highLabel: "Label of the highest score",
    display: "Shown as",
    displays: { numbers: "Numbers", emoji: "Emoji", stars: "Stars" },
    byDefault: "Default",
    scale: "Scale",
    points: (n) => `1–${n}`,
    expectedLabel: "Label of the expectation",
    experiencedLabel: "Label of the experience",
    placeholder: "Placeholder",
    maxLength: "Most characters",
    choices: "Choices",
    choiceId: (n) => `Id of choice ${n}`,
    choiceLabel: (n) => `Choice ${n}`,
    removeChoice: (n) => `Remove choice ${n}`,
    newChoice: "New choice",
    addChoice: "Add choice",
    other: "Offer “Other” with a text field",
    closeAfter: "Closes after (seconds)",
    keepOpen: "Keep open until closed",
    link: "Link (optional)",
    linkUrl: "Link address",
    linkLabel: "Link text",
    flow: "Then",
    branchLegend: (n) => `Branch ${n}`,
    whenChoices: "When the answer is",
    min: "Score from",
    max: "Score up to",
    goto: "Go to",
    choose: "Choose a step",
    end: "End the survey",
    removeBranch: (n) => `Remove branch ${n}`,
    addBranch: "Add branch",
    next: "Otherwise go to",
    following: "The following step",
    appearance: "Appearance",
    position: "Position",
    positions: {
      "bottom-right": "Bottom right",
      "bottom-left": "Bottom left",
      center: "Centre",
      "top-banner": "Banner at the top",
      "bottom-banner": "Banner at the bottom",
      inline: "Inside the page",
    },
    selector: "Element (CSS selector)",
    mode: "Colour scheme",
    modes: { light: "Light", dark: "Dark", auto: "As the device" },
    colors: { brand: "Brand colour", text: "Text colour", background: "Background colour" },
    radius: "Corner radius",
    font: "Font",
    zIndex: "Stacking order (z-index)",
    triggers: "Shows when (any of)",
    noTriggers: "No trigger: it shows only when the page asks for it.",
    triggerLegend: (n, type) => `Trigger ${n}: ${type}`,
    triggerType: "On",
    triggerTypes: {
      pageview: "Page view",
      event: "Event",
      time: "Time on page",
      scroll: "Scroll",
      exit: "Leaving the page",
      click: "Click",
      manual: "Only on request",
    },
    eventName: "Event name",
    seconds: "Seconds on the page",
    percent: "Scrolled (%)",
    clickSelector: "Clicked element (CSS selector)",
    removeTrigger: (n) => `Remove trigger ${n}`,
    addTrigger: "Add trigger",
    properties: "Event properties (all must hold)",
    addProperty: "Add property condition",
    urlRules: "On pages where",
    urlPart: "Part of the URL",
    parts: { href: "Whole URL", path: "Path", query: "Query", hash: "Hash" },
    urlMatchKind: "Match",
    matches: {
      exact: "is exactly",
      contains: "contains",
      startsWith: "starts with",
      endsWith: "ends with",
      glob: "matches the pattern",
      regex: "matches the regular expression",
    },
    urlValue: "Value",
    not: "Not",
    removeUrlRule: (n) => `Remove URL rule ${n}`,
    addUrlRule: "Add URL rule",
    urlMatch: "Which must hold",
    all: "All",
    any: "Any",
    key: "Key",
    operator: "Is",
    operators: {
      eq: "equal to",
      neq: "not equal to",
      gt: "more than",
      gte: "at least",
      lt: "less than",
      lte: "at most",
      contains: "containing",
      in: "one of",
      exists: "set",
    },
    value: "Value",
    values: "Values (comma-separated)",
    mustExist: "Must be set",
    removeCondition: (n) => `Remove condition ${n}`,
    audience: "Who",
    identified: "People",
    everyone: "Everyone",
    identifiedOnly: "Signed-in only",
    anonymousOnly: "Anonymous only",
    locales: "Languages (comma-separated)",
    devices: "Devices (none ticked: all)",
    deviceNames: { mobile: "Mobile", tablet: "Tablet", desktop: "Desktop" },
    minVisits: "At least this many visits",
    minDays: "Days since first seen",
    attributesMatch: "Attribute conditions that must hold",
    attributes: "Attributes",
    addAttribute: "Add attribute condition",
    pacing: "How often and when",
    sampling: "Share of people asked (%)",
    delay: "Delay after the trigger (s)",
    priority: "Priority (higher first)",
    recontactDays: "Ask again after (days)",
    dismissDays: "After a dismissal, wait (days)",
    maxDisplays: "Show at most (times)",
    ignoreCooldown: "Show even within the cooldown after another prompt",
    scheduleStart: "Starts (your local time)",
    scheduleEnd: "Ends, not included (your local time)",
  },
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
