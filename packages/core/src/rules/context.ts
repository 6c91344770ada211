import type * as z from "zod/mini";
import type { SurveyOutline } from "../schema/outline.js";
import type { DEVICES } from "../schema/rules.js";
import type { Survey } from "../schema/survey.js";
import type { attributesSchema } from "../schema/wire.js";

/** Flat, JSON-safe facts about a person or an event: `{ plan: "pro", seats: 12 }`. */
export type Attributes = z.infer<ReturnType<typeof attributesSchema>>;

/** A device class, as the widget tells it from the viewport. */
export type DeviceClass = (typeof DEVICES)[number];

/** A custom event the page tracked on this page view, e.g. `sonde.track("checkout", { plan: "pro" })`. */
export interface PageEvent {
  name: string;
  properties?: Attributes;
}

/**
 * What the page knows right now, as the widget's signals snapshot it. Only `url` is required:
 * a rule that needs a missing fact does not pass, and its reason says the fact is unknown
 * (except lists and flags — `events`, `clicks`, `exitIntent` — where missing means none yet).
 * Everything describes the current page view; a SPA navigation starts a new one.
 */
export interface PageContext {
  /** The full URL, `location.href`. */
  url: string;
  /** The language to match audiences against, e.g. `document.documentElement.lang || navigator.language`. */
  locale?: string;
  device?: DeviceClass;
  /** When this page view began, in ms since 1970; lets the rules allow one prompt per page view. */
  viewStartedAt?: number;
  /** Seconds spent on this page view (e.g. only while visible); by default `now - viewStartedAt`. */
  secondsOnPage?: number;
  /** The deepest point scrolled to on this page view, 0–100 %. */
  scrollDepth?: number;
  /** Whether the pointer has headed out of the page on this page view. */
  exitIntent?: boolean;
  /** Selectors of click triggers (see `watchedSignals`) that the person clicked on this page view. */
  clicks?: readonly string[];
  /** Custom events tracked on this page view, oldest first. */
  events?: readonly PageEvent[];
}

/** What is known about the person, kept by the widget across visits. */
export interface Person {
  /** Whether the host gave a user id (identified) or Sonde made up an anonymous one. */
  identified?: boolean;
  attributes?: Attributes;
  /** Visits so far, this one included. */
  visits?: number;
  /** The first visit, in ms since 1970. */
  firstSeenAt?: number;
}

/** What happened before for one survey: fed by the widget's persisted display history. Times in ms since 1970. */
export interface SurveyHistory {
  /** The last time it was shown. */
  shownAt?: number;
  /** The last time the person answered (any step). */
  answeredAt?: number;
  /** The last time the person closed it without finishing. */
  dismissedAt?: number;
  /** How many times it was shown. */
  displays?: number;
}

/** The display history of one person across surveys, by survey id. */
export interface History {
  surveys: Record<string, SurveyHistory>;
}

/**
 * Everything a decision depends on; evaluation is a pure function of it. The surveys may be
 * full definitions or outlines (the rules read neither steps nor appearance).
 */
export interface EvaluationInput<S extends SurveyOutline = Survey> {
  surveys: readonly S[];
  context: PageContext;
  history: History;
  /** The current time, ms since 1970. */
  now: number;
  /** The user id, or the anonymous id: the key of sampling. */
  personId: string;
  person?: Person;
  /** Days after any prompt during which no other shows (default `DEFAULT_COOLDOWN_DAYS`; 0 turns it off). */
  cooldownDays?: number;
  /** A survey id the page asked for through the API: it skips triggers and delay, and no other survey shows. */
  requested?: string;
}

/** Why one survey does or does not show. */
export interface SurveyVerdict {
  surveyId: string;
  eligible: boolean;
  /** Plain-words reasons it does not show, each prefixed by its rule (`sampling: …`); empty when eligible. */
  reasons: string[];
}

/** The decision: at most one survey to show, when, and a verdict for every survey. */
export interface Decision<S extends SurveyOutline = Survey> {
  survey: S | null;
  /**
   * Milliseconds to wait before showing `survey` (0 for none). When they pass, evaluate again
   * with a fresh context and show only if the same survey is still chosen: a page that no
   * longer matches cancels it.
   */
  delayMs: number;
  verdicts: SurveyVerdict[];
}
