// What a product team starts from, and what it is told before a survey goes live.

type Json = Record<string, unknown>;

const thanks = { kind: "thanks", id: "thanks", question: "Thank you!" };

/** Definitions to start from: each valid as it is, to be renamed and targeted. */
export const TEMPLATES: { name: string; definition: (id: string) => Json }[] = [
  {
    name: "NPS with a follow-up by category",
    definition: (id) => ({
      id,
      name: "NPS",
      steps: [
        {
          kind: "nps",
          id: "score",
          question: "How likely are you to recommend us to a friend or colleague?",
          branches: [
            { when: { max: 6 }, goto: "fix" },
            { when: { min: 9 }, goto: "love" },
          ],
          next: "better",
        },
        { kind: "open", id: "fix", question: "What should we fix first?", required: false, next: "thanks" },
        { kind: "open", id: "better", question: "What would make it a 10?", required: false, next: "thanks" },
        { kind: "open", id: "love", question: "What do you like most?", required: false },
        thanks,
      ],
      rules: { triggers: [{ type: "pageview", url: [{ match: "startsWith", value: "/" }] }], sampling: 100 },
    }),
  },
  {
    name: "CSAT, 5 points",
    definition: (id) => ({
      id,
      name: "Satisfaction",
      steps: [
        { kind: "csat", id: "satisfaction", question: "How satisfied are you with this page?" },
        { kind: "open", id: "comment", question: "Anything we could do better?", required: false },
        thanks,
      ],
      rules: { triggers: [{ type: "time", seconds: 20 }] },
    }),
  },
  {
    name: "CES, 7 points",
    definition: (id) => ({
      id,
      name: "Effort",
      steps: [{ kind: "ces", id: "effort", question: "It was easy to get this done." }, thanks],
      rules: { triggers: [{ type: "event", name: "task_done" }] },
    }),
  },
  {
    name: "Expectation vs experience",
    definition: (id) => ({
      id,
      name: "Expectation vs experience",
      steps: [
        { kind: "gap", id: "setup", question: "Setting up your first project", scale: 5 },
        { kind: "open", id: "comment", question: "What surprised you?", required: false },
        thanks,
      ],
      rules: { triggers: [{ type: "pageview", url: [{ match: "startsWith", value: "/welcome" }] }] },
    }),
  },
  {
    name: "Thumbs and a comment",
    definition: (id) => ({
      id,
      name: "Was this helpful?",
      steps: [
        { kind: "thumbs", id: "helpful", question: "Was this helpful?" },
        { kind: "open", id: "comment", question: "What was missing?", required: false },
      ],
      rules: { triggers: [{ type: "scroll", percent: 60, url: [{ match: "startsWith", value: "/docs" }] }] },
    }),
  },
];

const list = (items: string[]) => items.join(", ");
const MATCHES: Record<string, string> = {
  exact: "is",
  startsWith: "starts with",
  endsWith: "ends with",
  contains: "contains",
  regex: "matches the pattern",
  glob: "matches",
};

/** Where a trigger fires, in words: `pages starting with /pricing`. */
function where(t: Json): string {
  const urls = (t.url as { match: string; value: string; not?: boolean }[] | undefined) ?? [];
  if (!urls.length) return "on every page";
  const one = (u: { match: string; value: string; not?: boolean }) =>
    `${u.not ? "does not " : ""}${MATCHES[u.match] ?? u.match} ${u.value}`.replace(/^does not is /, "is not ");
  return `on pages where the URL ${urls.map(one).join(t.urlMatch === "any" ? " or " : " and ")}`;
}

/** What launching a survey means, line by line: who will see it, when, how often. */
export function launchSummary(definition: Json): string[] {
  const rules = (definition.rules as Json | undefined) ?? {};
  const triggers = (rules.triggers as Json[] | undefined) ?? [];
  const lines: string[] = [];
  if (!triggers.length || triggers.every((t) => t.type === "manual")) {
    lines.push("Shows only when the page asks for it (sonde.show).");
  }
  for (const t of triggers) {
    if (t.type === "pageview") lines.push(`Shows on a page view ${where(t)}.`);
    else if (t.type === "event") lines.push(`Shows after the event “${t.name}” ${where(t)}.`);
    else if (t.type === "time") lines.push(`Shows after ${t.seconds} s on a page ${where(t)}.`);
    else if (t.type === "scroll") lines.push(`Shows after scrolling ${t.percent}% of a page ${where(t)}.`);
    else if (t.type === "exit") lines.push(`Shows when the pointer leaves a page ${where(t)}.`);
    else if (t.type === "click") lines.push(`Shows after a click on ${t.selector} ${where(t)}.`);
  }
  const audience = (rules.audience as Json | undefined) ?? {};
  const who: string[] = [];
  if (audience.identified === true) who.push("signed-in people");
  if (audience.identified === false) who.push("anonymous people");
  if (Array.isArray(audience.devices)) who.push(`on ${list(audience.devices as string[])}`);
  if (Array.isArray(audience.locales)) who.push(`reading ${list(audience.locales as string[])}`);
  if (typeof audience.minVisits === "number") who.push(`after ${audience.minVisits} visits`);
  if (Array.isArray(audience.attributes)) who.push(`with ${audience.attributes.length} attribute condition(s)`);
  lines.push(who.length ? `Who: ${who.join(", ")}.` : "Who: everyone.");
  const sampling = typeof rules.sampling === "number" ? rules.sampling : 100;
  lines.push(`Asks ${sampling}% of them.`);
  const frequency = (rules.frequency as Json | undefined) ?? {};
  lines.push(
    typeof frequency.recontactDays === "number"
      ? `Asks a person again ${frequency.recontactDays} days after their last answer.`
      : "A person answers it once.",
  );
  if (typeof rules.delay === "number" && rules.delay > 0) lines.push(`Waits ${rules.delay} s after the trigger.`);
  if (definition.schedule) lines.push("Has a schedule: shows only between its start and end.");
  return lines;
}
