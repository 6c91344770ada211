import { resolveText, type Survey } from "@sonde/core";
import { type AlertEvent, type AnswerItem, answerItems, commentOf } from "./payload.js";

// Slack's limits on Block Kit: a message that breaks one is refused with a 400.
const HEADER_MAX = 150;
const FIELD_MAX = 2000;
const TEXT_MAX = 3000;
const FIELDS_MAX = 10;

/** Text for mrkdwn: `&`, `<` and `>` escaped, so that an answer can neither link nor @mention. */
const mrkdwn = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A choice id as its label in the survey's default language. */
function choiceLabel(survey: Survey, stepId: string, choiceId: string): string {
  const step = survey.steps.find((s) => s.id === stepId);
  const choice = step && "choices" in step ? step.choices.find((c) => c.id === choiceId) : undefined;
  return choice ? resolveText(choice.label, survey.defaultLocale ?? "en") : choiceId;
}

/** An answer in words: `3 (detractor)`, `2 of 5`, `👎`, choice labels. */
function answerText(survey: Survey, a: AnswerItem): string {
  switch (a.kind) {
    case "nps":
      return `${a.value} (${a.category})`;
    case "csat":
    case "ces":
      return `${a.value} of ${a.scale}`;
    case "gap":
      return `experienced ${a.experienced}, expected ${a.expected} (of ${a.scale})`;
    case "thumbs":
      return a.value === "down" ? "👎 down" : "👍 up";
    case "open":
      return a.value;
    case "single":
    case "multiple": {
      const ids = typeof a.value === "string" ? [a.value] : a.value;
      const labels = ids.map((id) => choiceLabel(survey, a.stepId, id));
      return [...labels, ...(a.other ? [`“${a.other}”`] : [])].join(", ");
    }
  }
}

/** Who answered, and where: `user u-42 · plan: team · /pricing/ · da-DK · desktop`. */
function personLine(event: AlertEvent): string {
  const { response } = event;
  const who = response.userId ? `user ${response.userId}` : `anonymous ${response.anonymousId}`;
  const attributes = Object.entries(response.context.attributes ?? {})
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`);
  let page = response.context.url;
  try {
    page = new URL(page).pathname;
  } catch {}
  return [who, ...attributes, page, response.context.locale, response.context.device].filter(Boolean).join(" · ");
}

/**
 * A Slack incoming-webhook message (Block Kit, with a plain `text` for notifications): the alert
 * and survey, the scores, the comment quoted, who answered, and a button to the answer.
 */
export function slackMessage(event: AlertEvent): Record<string, unknown> {
  const { survey, alert } = event;
  const items = answerItems(survey, event.response);
  const comment = commentOf(event.response);
  const title = `${alert.name ?? alert.id} · ${survey.name ?? survey.id}`;
  const scores = items.filter((a) => a.kind !== "open");
  const fields = scores.slice(0, FIELDS_MAX).map((a) => ({
    type: "mrkdwn",
    text: cut(`*${mrkdwn(a.question ?? a.stepId)}*\n${mrkdwn(answerText(survey, a))}`, FIELD_MAX),
  }));
  const quote = comment && cut(comment, TEXT_MAX - 200).replace(/^/gm, "> ");
  const summary = [event.reasons.join("; "), comment && `“${cut(comment, 200)}”`].filter(Boolean).join(" — ");
  const blocks: Record<string, unknown>[] = [
    { type: "header", text: { type: "plain_text", text: cut(title, HEADER_MAX), emoji: true } },
  ];
  if (fields.length) blocks.push({ type: "section", fields });
  if (quote) blocks.push({ type: "section", text: { type: "mrkdwn", text: mrkdwn(quote).replace(/^&gt; /gm, "> ") } });
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: cut(mrkdwn(personLine(event)), TEXT_MAX) }] });
  blocks.push({
    type: "actions",
    elements: [{ type: "button", text: { type: "plain_text", text: "Open the answer" }, url: event.link }],
  });
  return { text: mrkdwn(cut(`${title}: ${summary}`, TEXT_MAX)), blocks };
}
