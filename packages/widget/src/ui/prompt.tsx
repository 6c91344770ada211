import { pathProgress, type QuestionStep, type Step } from "@sonde/core";
import { bodies } from "./bodies.js";
import { type Draft, type Problem, problem, toAnswer } from "./draft.js";
import type { Format } from "./format.js";
import type { MoreStrings } from "./locales/more-en.js";
import { say } from "./say.js";
import type { PromptOptions } from "./types.js";

/** Everything the card shows; the mount keeps it and renders again on each change. */
export interface PromptState {
  step: Step;
  /** The ids of the questions shown so far, the current one last (not the thank-you). */
  path: readonly string[];
  draft: Draft;
  error: Problem | "saveFailed" | null;
  /**
   * Whether the heading sits in the polite live region. It moves in when the prompt appears and
   * on the thank-you, so that screen readers announce it, and out on the questions between, whose
   * controls take focus and are read anyway. The region itself is always there.
   */
  live: boolean;
}

/** What the card can ask of its mount. */
export interface PromptActions {
  edit(patch: Partial<Draft>): void;
  submit(e: Event): void;
  close(): void;
  /** The pointer came over the card (true) or left it. */
  hover(over: boolean): void;
}

interface Props {
  o: PromptOptions;
  f: Format;
  st: PromptState;
  act: PromptActions;
  /** `dialog` for floating prompts, `region` inline. */
  role: "dialog" | "region";
  modal: boolean;
  more: MoreStrings | undefined;
}

/** The survey card: close button, question, the step's controls, validation, progress and submit. */
export function Prompt({ o, f, st, act, role, modal, more }: Props) {
  const s = o.strings;
  const step = st.step;
  const desc = step.description && say(o, step.description);
  // "2 of 3" along the path taken and the default route ahead, recounted as branches change it.
  const { n, total } = pathProgress(o.survey.steps, st.path);
  const by = [desc && "sd", st.error && "se"].filter(Boolean).join(" ") || undefined;
  const heading = (
    <h2 id="sq" tabIndex={-1}>
      {say(o, step.question)}
    </h2>
  );
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is dialog (modal or not) or region, both labelled
    <div
      class="card"
      role={role}
      aria-modal={modal || undefined}
      aria-labelledby="sq"
      onPointerEnter={() => act.hover(true)}
      onPointerLeave={() => act.hover(false)}
    >
      <button type="button" class="x" aria-label={s.close} onClick={act.close}>
        <svg class="i" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M6 6l12 12M18 6 6 18" />
        </svg>
      </button>
      <div role="status">
        {st.live && step.kind !== "thanks" && <span class="sr">{s.announce} </span>}
        {st.live && heading}
      </div>
      {!st.live && heading}
      {desc && (
        <p class="desc" id="sd">
          {desc}
        </p>
      )}
      {step.kind === "thanks" ? (
        step.link &&
        /^https?:\/\//i.test(step.link.url) && (
          <a class="link" href={step.link.url} target="_blank" rel="noopener noreferrer">
            {say(o, step.link.label)}
            <span class="sr"> {s.newTab}</span>
          </a>
        )
      ) : (
        <form noValidate onSubmit={act.submit}>
          <div class="body">
            {bodies[step.kind]?.({
              o,
              f,
              step,
              d: st.draft,
              edit: act.edit,
              more,
              by,
              invalid: st.error !== null && st.error !== "saveFailed",
            })}
          </div>
          {st.error && (
            <p class="err" id="se" role="alert">
              {{ ...s, ...more }[st.error]}
            </p>
          )}
          <div class="foot">
            {total > 1 && <span class="step">{f.fill(s.progress, { n, total })}</span>}
            <button type="submit" class="go">
              {submitLabel(o, step, st.draft)}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** "Next" when a question follows the answer as it stands, "Submit" at the end, "Skip" on an empty optional step. */
function submitLabel(o: PromptOptions, step: QuestionStep, d: Draft): string {
  const answer = toAnswer(step, d);
  if (!answer && !problem(step, d)) return o.strings.skip;
  const following = o.next(step, answer);
  return following && following.kind !== "thanks" ? o.strings.next : o.strings.submit;
}
