// Builds survey.schema.json from the zod schemas, so editors autocomplete and check surveys.json.
// Node only: the widget never imports this module, and z.toJSONSchema stays out of its bundle.
// The descriptions live here rather than in the schemas for the same reason: every byte of a
// schema ships to the browser.
import * as z from "zod/mini";
import { alertConditionSchema, alertSchema, webhookSchema } from "./alerts.js";
import { conditionSchema, urlConditionSchema } from "./conditions.js";
import { audienceSchema, frequencySchema, rulesSchema, triggerSchema } from "./rules.js";
import { branchSchema, choiceSchema, stepSchema, THANKS_CLOSE_AFTER } from "./steps.js";
import { appearanceSchema, surveySchema, surveysFileSchema, themeSchema } from "./survey.js";
import { localeTagSchema, textSchema } from "./text.js";

type Doc = { description: string; properties?: Record<string, string> };

const pages = {
  url: "URL conditions; the trigger fires only on pages that pass them.",
  urlMatch: '"all" (default): every URL condition must hold; "any": one is enough.',
};

const question = {
  id: "The step id: answers are keyed by it, and branches go to it.",
  question: "What the step asks.",
  description: "A line under the question.",
  required: "Whether an answer is needed to go on (default true, except open text).",
  branches: "Where to go next, by the answer; the first matching branch wins.",
  next: 'The step to go to when no branch matches; "end" finishes. Default: the following step.',
};

const DOCS: Record<string, Doc> = {
  Survey: {
    description: "One survey: its steps, its texts in any languages, and the rules for when it shows.",
    properties: {
      id: "Unique among your surveys; display history and answers are kept by it.",
      version: "Raise it when you change the questions; answers record it.",
      name: "A name for you; never shown.",
      defaultLocale: "The language to fall back to when a text lacks the person's language (default en).",
      priority: "When several surveys may show, the highest priority wins (default 0); then the first listed.",
      schedule: "When the survey runs: from start (inclusive) to end (exclusive), ISO 8601 date-times.",
      steps: "The steps, shown in order unless a branch or next says otherwise.",
      appearance: "Where and how the prompt looks.",
      rules: "When the survey shows, and to whom.",
      alerts: "What the collector does when an answer passes conditions: call a webhook. Never served to pages.",
    },
  },
  Rules: {
    description: "When a survey shows. Without triggers it shows only when the page asks through the API.",
    properties: {
      triggers: "Alternatives: the survey may show once any one of them has fired on this page view.",
      audience: "Who may see the survey; every field given must hold.",
      sampling: "The share of people, 0–100 %, ever asked; decided once per person and survey (default 100).",
      frequency: "How often one person may see the survey (default: until they answer once).",
      delay: "Seconds to wait after the trigger before showing; cancelled if the page no longer matches.",
    },
  },
  Trigger: { description: "What makes a survey show, told apart by type." },
  PageviewTrigger: { description: "A page view whose URL passes the conditions.", properties: pages },
  EventTrigger: {
    description: "A custom event the page tracks, by name; all property conditions must hold.",
    properties: { name: "The event name.", properties: "Conditions on the event's properties.", ...pages },
  },
  TimeTrigger: {
    description: "Time spent on the page.",
    properties: { seconds: "At least this many seconds.", ...pages },
  },
  ScrollTrigger: {
    description: "How far down the page the person scrolled.",
    properties: { percent: "At least this share of the page, 0–100.", ...pages },
  },
  ExitTrigger: {
    description: "The pointer heads out of the page, towards the tabs or the address bar.",
    properties: pages,
  },
  ClickTrigger: {
    description: "A click on an element matching a CSS selector, or inside one.",
    properties: { selector: "A CSS selector such as #upgrade or .buy-button.", ...pages },
  },
  ManualTrigger: { description: "Never fires by itself: the survey shows only when the page asks through the API." },
  UrlCondition: {
    description: "A condition on the page URL.",
    properties: {
      match: "How to compare: exact, contains, startsWith, endsWith, glob (* within a segment, ** across), regex.",
      value:
        'What to compare with. With exact, startsWith and glob, a path starts with "/" (a query with "?", a hash with "#").',
      part: "Which part of the URL: path (default), query (with its ?), hash (with its #) or href (all of it).",
      not: "Negates the condition.",
    },
  },
  Condition: {
    description:
      "A condition on a user attribute or event property. A missing value passes only exists: false. " +
      "eq/neq compare exactly, gt/gte/lt/lte need numbers, contains tests a substring, in a list of values.",
  },
  Audience: {
    description: "Who may see a survey; every field given must hold.",
    properties: {
      identified: "true: only people with a user id; false: only anonymous people.",
      devices: "Device classes that may see it.",
      locales: "Languages that may see it: en takes in en-GB; pt-BR only pt-BR.",
      minVisits: "At least this many visits, this one included.",
      minDaysSinceFirstSeen: "At least this many days since the first visit.",
      attributes: "Conditions on the user attributes given to Sonde.",
      attributesMatch: '"all" (default): every attribute condition must hold; "any": one is enough.',
    },
  },
  Frequency: {
    description: "How often one person may see a survey. Without recontactDays, a person answers it once.",
    properties: {
      recontactDays: "Ask again this many days after the last answer.",
      dismissDays: "Wait this many days after the person closed the prompt.",
      maxDisplays: "Show at most this many times.",
      ignoreCooldown: "Show even within the cooldown that follows any prompt (default false).",
    },
  },
  Appearance: {
    description: "Where and how the prompt looks.",
    properties: {
      position: "Where the prompt appears (default bottom-right); inline renders into selector.",
      selector: "For inline: the CSS selector of the element to render into.",
      theme: "Theme overrides.",
    },
  },
  Theme: {
    description: "Theme overrides; every value is a CSS value.",
    properties: {
      brand: "The accent colour: a CSS colour such as #4f46e5, rgb(79 70 229), indigo or var(--brand).",
      text: "The text colour (a CSS colour).",
      background: "The background colour (a CSS colour).",
    },
  },
  Text: { description: "User-facing text: one string, or a map of language tag → string." },
  LocaleTag: { description: "A language tag such as en, pt-BR or zh-Hans." },
  Step: { description: "One step of a survey, told apart by kind." },
  NpsStep: { description: "Net Promoter question, 0–10.", properties: question },
  CsatStep: { description: "Customer satisfaction, 1–5, shown as numbers, emoji or stars.", properties: question },
  CesStep: { description: 'Customer effort, 1–7 agreement with "… made it easy for me".', properties: question },
  GapStep: { description: "Expectation vs experience: two ratings on the same scale.", properties: question },
  ThumbsStep: { description: "Thumbs up or down.", properties: question },
  OpenStep: { description: "Free text.", properties: question },
  SingleStep: { description: "Pick one choice.", properties: question },
  MultipleStep: { description: "Pick any number of choices.", properties: question },
  ThanksStep: {
    description: "The closing thank-you, with an optional link. Ends the survey.",
    properties: {
      closeAfter:
        `Seconds until the thank-you closes by itself (default ${THANKS_CLOSE_AFTER}), paused while the pointer is over it or ` +
        "keyboard focus is in it; false keeps it until the person closes it.",
    },
  },
  Branch: {
    description: "When the answer falls in a score band (min..max, inclusive) or is one of the choices, go to goto.",
  },
  Choice: { description: "One choice of a single or multiple choice step." },
  Alert: {
    description: "When a response passes the conditions, the collector calls the webhook, once per response.",
    properties: {
      id: "Unique within the survey; a response fires each alert at most once.",
      name: "A name for people; it heads the message.",
      when: "Conditions on the answers.",
      match: '"all" (default): every condition of when must hold; "any": one is enough.',
      attributes:
        "Conditions on the attributes of the person who answered; all must hold unless attributesMatch says any.",
      attributesMatch: '"all" (default): every attribute condition must hold; "any": one is enough.',
      webhook: "Where the alert goes.",
    },
  },
  AlertCondition: {
    description: "A condition on the answers, told apart by type; without step, any answer of its kind may pass it.",
  },
  NpsAlertCondition: {
    description: "An NPS answer in a category and/or a score band.",
    properties: {
      step: "The NPS step to read (default: any).",
      category: "detractor (0–6), passive (7–8), promoter (9–10), or a list of them.",
      min: "Lowest score, inclusive.",
      max: "Highest score, inclusive.",
    },
  },
  CsatAlertCondition: {
    description: "A CSAT answer (1–5) in a score band: max 2 is 1 or 2.",
    properties: {
      step: "The CSAT step to read (default: any).",
      min: "Lowest, inclusive.",
      max: "Highest, inclusive.",
    },
  },
  CesAlertCondition: {
    description: "A CES answer (1–7, agreement that it was easy: 1 = strongly disagree) in a score band.",
    properties: { step: "The CES step to read (default: any).", min: "Lowest, inclusive.", max: "Highest, inclusive." },
  },
  GapAlertCondition: {
    description: "An experience below the expectation.",
    properties: { step: "The gap step to read (default: any).", by: "By at least this many points (default 1)." },
  },
  ThumbsAlertCondition: {
    description: "A thumbs answer.",
    properties: { step: "The thumbs step to read (default: any).", value: "down (default) or up." },
  },
  CommentAlertCondition: {
    description: "A written comment (an open step's answer with more than blanks).",
    properties: {
      step: "The open step to read (default: any).",
      words: "Only comments holding one of these words or phrases; case and accents are ignored.",
    },
  },
  Webhook: {
    description: "Where an alert goes. Loopback and private addresses need the collector's --webhook-allow-private.",
    properties: {
      url: "An http(s) URL; it is never served to pages. Redirects are not followed.",
      format: "standard (default): signed JSON (Standard Webhooks); slack: a message for a Slack incoming webhook.",
    },
  },
};

/** The discriminator of a union member, capitalised: `{ type: "pageview" }` → `Pageview`. */
function tag(option: z.core.$ZodType, key: string): string {
  const value = String([...(option._zod.propValues?.[key] ?? [])][0]);
  return value[0]!.toUpperCase() + value.slice(1);
}

/** The JSON Schema (draft 2020-12) of a `surveys.json` file, generated from the zod schemas. Node only. */
export function surveysJsonSchema(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  const name = (schema: z.core.$ZodType, id: string) => registry.add(schema, { id });
  name(surveySchema(), "Survey");
  name(rulesSchema(), "Rules");
  name(triggerSchema(), "Trigger");
  for (const t of triggerSchema()._zod.def.options) name(t, `${tag(t, "type")}Trigger`);
  name(urlConditionSchema(), "UrlCondition");
  name(conditionSchema(), "Condition");
  name(audienceSchema(), "Audience");
  name(frequencySchema(), "Frequency");
  name(appearanceSchema(), "Appearance");
  name(themeSchema(), "Theme");
  name(textSchema(), "Text");
  name(localeTagSchema(), "LocaleTag");
  name(stepSchema(), "Step");
  for (const s of stepSchema()._zod.def.options) name(s, `${tag(s, "kind")}Step`);
  name(branchSchema(), "Branch");
  name(choiceSchema(), "Choice");
  name(alertSchema(), "Alert");
  name(alertConditionSchema(), "AlertCondition");
  for (const c of alertConditionSchema()._zod.def.options) name(c, `${tag(c, "type")}AlertCondition`);
  name(webhookSchema(), "Webhook");

  const json = z.toJSONSchema(surveysFileSchema(), {
    metadata: registry,
    unrepresentable: "any",
    // `wholeNumber()` is a number refined by Number.isInteger: tell editors it is an integer.
    override: (ctx) => {
      const checks = (ctx.zodSchema._zod.def as { checks?: { _zod: { def: { fn?: unknown } } }[] }).checks;
      if (checks?.some((c) => c._zod.def.fn === Number.isInteger)) ctx.jsonSchema.type = "integer";
    },
  });
  const defs = json.$defs as Record<string, { description?: string; properties?: Record<string, object> }>;
  for (const [id, doc] of Object.entries(DOCS)) {
    const def = defs[id];
    if (!def) throw new Error(`survey.schema.json: no definition "${id}" to describe; rename it in DOCS`);
    def.description = doc.description;
    for (const [key, text] of Object.entries(doc.properties ?? {})) {
      const prop = def.properties?.[key];
      if (!prop) throw new Error(`survey.schema.json: ${id} has no property "${key}" to describe`);
      def.properties![key] = { description: text, ...prop };
    }
  }
  return {
    $schema: json.$schema,
    title: "Sonde surveys",
    description:
      'Survey definitions for Sonde: { "surveys": [ ... ] }. Unknown fields are errors (sonde-collector check; --allow-unknown drops them with a warning).',
    ...Object.fromEntries(Object.entries(json).filter(([key]) => key !== "$schema")),
  };
}
