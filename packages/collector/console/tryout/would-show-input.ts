// The "would it show?" form as core's evaluation input: what a page with these facts would hand
// to `evaluate`, for one survey, a person who has never seen a prompt. Pure: `now` is a parameter.
import type { Attributes, DeviceClass, EvaluationInput, PageEvent, SurveyOutline } from "@sonde/core";

/** The form as typed: every field a string (or a flag), as the inputs hold it. */
export interface TryForm {
  url: string;
  /** One `key=value` per line; the value is read as JSON when it is a number, boolean or null. */
  attributes: string;
  /** One event per line: its name, optionally followed by its properties as a JSON object. */
  events: string;
  seconds: string;
  scroll: string;
  visits: string;
  device: DeviceClass | "";
  locale: string;
  identified: boolean;
  exitIntent: boolean;
  daysSinceFirstSeen: string;
  /** Selectors of click triggers the person clicked. */
  clicks: string[];
}

/** An empty form on a page at `url`. */
export function emptyForm(url = "https://example.com/"): TryForm {
  return {
    url,
    attributes: "",
    events: "",
    seconds: "",
    scroll: "",
    visits: "",
    device: "",
    locale: "",
    identified: false,
    exitIntent: false,
    daysSinceFirstSeen: "",
    clicks: [],
  };
}

/** Which optional facts the survey's rules read, so the form asks only for those. */
export interface UsedFacts {
  visits: boolean;
  device: boolean;
  locale: boolean;
  identified: boolean;
  firstSeen: boolean;
  exit: boolean;
  /** Selectors of the click triggers. */
  clicks: string[];
}

/** The facts beyond URL, attributes, events, time and scroll that a survey's rules depend on. */
export function usedFacts(survey: SurveyOutline): UsedFacts {
  const a = survey.rules?.audience ?? {};
  const triggers = survey.rules?.triggers ?? [];
  return {
    visits: a.minVisits !== undefined,
    device: a.devices !== undefined,
    locale: a.locales !== undefined,
    identified: a.identified !== undefined,
    firstSeen: a.minDaysSinceFirstSeen !== undefined,
    exit: triggers.some((t) => t.type === "exit"),
    clicks: [...new Set(triggers.flatMap((t) => (t.type === "click" ? [t.selector] : [])))],
  };
}

type Scalar = string | number | boolean | null;

/** `12` → 12, `true` → true, `null` → null, `"x"` → "x"; anything else stays the text it is. */
function scalar(text: string): Scalar {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) return value as Scalar;
  } catch {}
  return text;
}

/** `key=value` lines as attributes; a line without `=` is a problem named by its number. */
export function parseAttributes(text: string): { attributes: Attributes; problems: string[] } {
  const attributes: Record<string, Scalar> = {};
  const problems: string[] = [];
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    const at = line.indexOf("=");
    if (!line) continue;
    if (at < 1) problems.push(`attributes, line ${i + 1}: write key=value (got "${line}")`);
    else attributes[line.slice(0, at).trim()] = scalar(line.slice(at + 1).trim());
  }
  return { attributes, problems };
}

/** Event lines, oldest first: `checkout` or `checkout {"plan":"pro"}`. */
export function parseEvents(text: string): { events: PageEvent[]; problems: string[] } {
  const events: PageEvent[] = [];
  const problems: string[] = [];
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    const name = line.split(/\s/, 1)[0] ?? "";
    const json = line.slice(name.length).trim();
    if (!line) continue;
    if (!json) {
      events.push({ name });
      continue;
    }
    try {
      const properties: unknown = JSON.parse(json);
      if (!properties || typeof properties !== "object" || Array.isArray(properties)) throw new Error();
      events.push({ name, properties: properties as Attributes });
    } catch {
      problems.push(`events, line ${i + 1}: properties must be a JSON object, e.g. {"plan":"pro"}`);
    }
  }
  return { events, problems };
}

/** A number typed in a field, or undefined when empty (the fact is then unknown to the rules). */
function number(text: string, field: string, problems: string[]): number | undefined {
  if (!text.trim()) return undefined;
  const n = Number(text);
  if (Number.isFinite(n)) return n;
  problems.push(`${field}: "${text}" is not a number`);
  return undefined;
}

/**
 * The evaluation input for one survey as a page with these facts would build it: the page view
 * just started (seconds on the page given explicitly), an empty display history, a fixed person id.
 */
export function evaluationInput<S extends SurveyOutline>(
  survey: S,
  form: TryForm,
  now: number,
): { input: EvaluationInput<S>; problems: string[] } {
  const { attributes, problems } = parseAttributes(form.attributes);
  const parsed = parseEvents(form.events);
  problems.push(...parsed.problems);
  const secondsOnPage = number(form.seconds, "seconds on the page", problems) ?? 0;
  const scrollDepth = number(form.scroll, "scroll", problems) ?? 0;
  const visits = number(form.visits, "visits", problems);
  const days = number(form.daysSinceFirstSeen, "days since the first visit", problems);
  const input: EvaluationInput<S> = {
    surveys: [survey],
    context: {
      url: form.url.trim() || "/",
      viewStartedAt: now - secondsOnPage * 1000,
      secondsOnPage,
      scrollDepth,
      events: parsed.events,
      exitIntent: form.exitIntent,
      clicks: form.clicks,
      ...(form.device ? { device: form.device } : {}),
      ...(form.locale.trim() ? { locale: form.locale.trim() } : {}),
    },
    history: { surveys: {} },
    now,
    personId: "preview",
    person: {
      identified: form.identified,
      attributes,
      ...(visits === undefined ? {} : { visits }),
      ...(days === undefined ? {} : { firstSeenAt: now - days * 86_400_000 }),
    },
  };
  return { input, problems };
}
