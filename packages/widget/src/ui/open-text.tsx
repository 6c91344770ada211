import type { TextLang } from "./types.js";

/** A text area with a live character count; going over the limit is allowed and flagged, not cut. */
export interface OpenTextProps {
  value: string;
  onInput: (value: string) => void;
  placeholder: string;
  /** The placeholder's language when it fell back to another one than the prompt's. */
  placeholderLang: TextLang | undefined;
  /** "12 characters left" or "3 characters too many", already formatted. */
  count: string;
  over: boolean;
  describedBy: string | undefined;
  invalid: boolean;
}

/** The field of an open-text step; the count describes it, so screen readers hear it too. Ctrl+Enter submits. */
export function OpenText(p: OpenTextProps) {
  return (
    <>
      <textarea
        class="field"
        rows={3}
        value={p.value}
        placeholder={p.placeholder || undefined}
        // Empty, the field shows the placeholder in its own language; typed text runs in its own direction.
        lang={p.value ? undefined : p.placeholderLang?.lang}
        dir={p.value ? "auto" : p.placeholderLang?.dir}
        aria-labelledby="sq"
        aria-describedby={p.describedBy ? `${p.describedBy} sn` : "sn"}
        aria-invalid={p.invalid || undefined}
        onInput={(e) => p.onInput((e.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          // Enter writes a new line; Ctrl+Enter (⌘+Enter on a Mac) submits, as in most text areas that send.
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <p class={p.over ? "count bad" : "count"} id="sn">
        {p.count}
      </p>
    </>
  );
}
