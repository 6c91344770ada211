import type { Text } from "@sonde/core";
import type { ComponentChildren } from "preact";
import type { PromptOptions } from "./types.js";

/**
 * Survey text as the prompt shows it. Text that falls back to another language than the prompt's
 * is wrapped in its own `lang` and `dir`: an English question in an Arabic prompt keeps its
 * question mark at its end, and screen readers switch voice. The element around it keeps the
 * prompt's direction, so the card's layout does not change.
 */
export function say(o: PromptOptions, text: Text | undefined): ComponentChildren {
  const shown = o.text(text);
  const own = shown && o.textLang?.(text);
  return own ? (
    <span lang={own.lang} dir={own.dir}>
      {shown}
    </span>
  ) : (
    shown
  );
}
