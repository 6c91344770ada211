import type { Answer, Step, Survey, Text } from "@sonde/core";
import type { LocaleStrings } from "./locales/en.js";

/**
 * What the UI chunk is given. It imports no runtime code from core or the rest of the widget:
 * the loader passes in what it needs, so the lazily loaded chunk stays self-contained.
 */
export interface PromptOptions {
  survey: Survey;
  locale: string;
  dir: "ltr" | "rtl";
  strings: LocaleStrings;
  /** Resolves survey text to the prompt's language. */
  text: (text: Text | undefined) => string;
  /** The step after `step` given its answer, or null when the survey ends. */
  next: (step: Step, answer: Answer | undefined) => Step | null;
  /** Persists an answer; the UI moves on only after it resolves. */
  onAnswer: (step: Step, answer: Answer, completed: boolean) => Promise<void>;
  onDismiss: () => void;
  /** Where to render; a fixed-position host is appended to `document.body` otherwise. */
  container?: Element;
  nonce?: string;
}

/** A shown prompt. */
export interface PromptHandle {
  unmount(): void;
}
