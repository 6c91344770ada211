import type { Answer, Step } from "@sonde/core";
import { useState } from "preact/hooks";
import { NpsScale } from "./nps-scale.js";
import type { PromptOptions } from "./types.js";

/** The survey card: one step at a time, persisted before it moves on. */
export function Prompt({ options, onDone }: { options: PromptOptions; onDone: () => void }) {
  const { survey, strings, text, dir } = options;
  const [step, setStep] = useState<Step>(survey.steps[0]!);
  const [value, setValue] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = `sonde-q-${step.id}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (step.kind !== "nps" || value === null || busy) return;
    const answer: Answer = { kind: "nps", value };
    const following = options.next(step, answer);
    setBusy(true);
    try {
      await options.onAnswer(step, answer, following === null || following.kind === "thanks");
    } finally {
      setBusy(false);
    }
    if (following) {
      setStep(following);
      setValue(null);
    } else onDone();
  };

  return (
    <div class="card" role="dialog" aria-labelledby={headingId} aria-label={strings.surveyLabel}>
      <button type="button" class="close" aria-label={strings.close} onClick={options.onDismiss}>
        ×
      </button>
      {step.kind === "thanks" ? (
        <p class="thanks" id={headingId} role="status">
          {text(step.question)}
        </p>
      ) : (
        <form onSubmit={submit}>
          <h2 id={headingId}>{text(step.question)}</h2>
          {step.kind === "nps" && (
            <NpsScale
              value={value}
              onChange={setValue}
              labelledBy={headingId}
              lowLabel={text(step.lowLabel) || strings.npsLow}
              highLabel={text(step.highLabel) || strings.npsHigh}
              dir={dir}
            />
          )}
          <div class="actions">
            <button type="submit" class="submit" disabled={value === null || busy}>
              {strings.submit}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
