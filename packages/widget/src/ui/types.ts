import type { Answer, Step, Survey, Text } from "@sonde/core";
import type { LocaleStrings } from "./locales/en.js";

/**
 * What the UI is given. Beside core's pure `pathProgress` and constants, it imports no runtime code
 * from core or the rest of the widget: the caller (api/present.ts, in the same lazy chunk) passes in the rest.
 * Position and theme come from `survey.appearance`.
 */
export interface PromptOptions {
  survey: Survey;
  /** The prompt's language: its `lang`, and how numbers and plurals are formatted. */
  locale: string;
  dir: "ltr" | "rtl";
  strings: LocaleStrings;
  /** Resolves survey text to the prompt's language. */
  text: (text: Text | undefined) => string;
  /** The language of survey text that falls back to another language than the prompt's; undefined when it is the prompt's. */
  textLang?: (text: Text | undefined) => TextLang | undefined;
  /** The step after `step` given its answer (undefined when skipped), or null when the survey ends. */
  next: (step: Step, answer: Answer | undefined) => Step | null;
  /**
   * Persists an answer; the UI moves on only after it resolves and shows an error if it rejects.
   * `answer` is undefined when an optional step was skipped; `completed` when no question follows.
   */
  onAnswer: (step: Step, answer: Answer | undefined, completed: boolean) => Promise<void>;
  /** The person closed the prompt before the end (close button, Escape, backdrop). */
  onDismiss: () => void;
  /** Where to render; by default `document.body`, or the `appearance.selector` element of an inline survey. */
  container?: Element | undefined;
  /** A CSP nonce for the `<style>` fallback where constructable stylesheets are missing. */
  nonce?: string | undefined;
}

/**
 * The `lang` and `dir` a piece of survey text carries when it is not in the prompt's language; for
 * text of a language nobody named, no `lang` and `dir: "auto"` (its own letters decide).
 */
export interface TextLang {
  lang?: string;
  dir: "ltr" | "rtl" | "auto";
}

/** A shown prompt. */
export interface PromptHandle {
  /** Removes the prompt; focus goes back where it was if it was inside. Safe to call twice. */
  unmount(): void;
}
