// The try-out panels, loaded when a survey is opened: they bring the schema, the rules and the prompt's UI.
import { checkSurvey, type Survey } from "@sonde/core";
import { useEffect, useState } from "preact/hooks";
import { strings } from "../strings.js";
import { Preview, type PreviewLook } from "./preview.js";
import { WouldShow } from "./would-show.js";

const t = strings();

/** How long typing must pause before the panels follow the definition. */
const SETTLE_MS = 300;

/** The survey a definition describes once it passes core's checks, or null. */
function checked(json: string): Survey | null {
  const result = json ? checkSurvey(JSON.parse(json)) : null;
  return result?.ok ? result.value : null;
}

/** A survey's live preview and its "would it show?" panel, following the definition as it is edited. */
export function Panels({ definition }: { definition: unknown }) {
  // Compared as text: the editor parses a new object on every render.
  const json = definition === undefined ? "" : JSON.stringify(definition);
  // The survey shown and the text it was checked from: the same text again (the first render, or
  // an edit undone) keeps the survey, so the preview does not start over under the person's hand.
  const [shown, setShown] = useState<{ json: string; survey: Survey | null }>(() => ({ json, survey: checked(json) }));
  const [look, setLook] = useState<PreviewLook>({ locale: "", mode: "light", width: "desktop" });
  useEffect(() => {
    if (json === shown.json) return;
    const timer = setTimeout(() => setShown({ json, survey: checked(json) }), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [json, shown.json]);
  const { survey } = shown;

  return (
    <div class="tryout" data-testid="tryout">
      {survey ? (
        <>
          <Preview survey={survey} look={look} onLook={(patch) => setLook((l) => ({ ...l, ...patch }))} />
          <WouldShow survey={survey} />
        </>
      ) : (
        <p class="notice" role="status">
          {t.tryout.fixDefinition}
        </p>
      )}
    </div>
  );
}
