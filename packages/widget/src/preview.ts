// @sonde/widget/preview — the prompt as a page shows it, for an editor's live preview. It renders
// with the same UI code and picks its language as `presentSurvey` does, but answers go nowhere:
// no response record, no outbox, no IndexedDB, no request. Not part of the script-tag build.
import { nextStep, resolveText, type Survey } from "@sonde/core";
import {
  directionOf,
  loadStrings,
  localeCandidates,
  pickUiLocale,
  surveyLanguages,
  textLanguage,
  UI_LOCALES,
} from "./ui/locale-loader.js";
import { mountPrompt } from "./ui/mount.js";
import type { PromptHandle } from "./ui/types.js";

export type { PromptHandle };
/** The languages Sonde's prompts speak. */
/** Text direction of a language. */
export { directionOf, UI_LOCALES };

/** The languages worth previewing a survey in: its own, those its texts are written in, and Arabic (right to left). */
export function previewLocales(survey: Survey): string[] {
  return [...new Set([survey.defaultLocale ?? "en", ...surveyLanguages(survey), "ar"])];
}

/** What a preview shows, and where. */
export interface PreviewOptions {
  /** A checked survey definition. */
  survey: Survey;
  /** The language to preview in, as if configured on the page; the survey's own otherwise. */
  locale?: string | undefined;
  /** Light or dark colours; by default the survey's theme mode. */
  mode?: "light" | "dark" | "auto" | undefined;
  /** The element the prompt renders into, inline, whatever the survey's position. */
  container: Element;
}

/** Renders a survey's prompt into `container`; answers move through its steps and are kept nowhere. */
export async function mountPreview(o: PreviewOptions): Promise<PromptHandle & { locale: string }> {
  const look = o.survey.appearance;
  const survey: Survey = {
    ...o.survey,
    // A corner or modal position would cover the editor: the card renders in place.
    appearance: { ...look, position: "inline", theme: { ...look?.theme, mode: o.mode ?? look?.theme?.mode ?? "auto" } },
  };
  const defaultLocale = survey.defaultLocale ?? "en";
  const locale = pickUiLocale(localeCandidates(survey, o.locale, []));
  const strings = await loadStrings(locale);
  const handle = mountPrompt({
    survey,
    locale,
    dir: directionOf(locale),
    strings,
    text: (t) => (t === undefined ? "" : resolveText(t, locale, defaultLocale)),
    textLang: (t) => textLanguage(t, locale, survey),
    next: (step, answer) => nextStep(survey.steps, step, answer),
    onAnswer: async () => {},
    onDismiss: () => {},
    container: o.container,
  });
  return { unmount: handle.unmount, locale };
}
