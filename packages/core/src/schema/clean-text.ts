import * as z from "zod/mini";

// Control characters (C0, DEL, C1) and unpaired UTF-16 surrogates: no browser puts them in a URL,
// a language tag or an id, and an unpaired surrogate cannot even be stored as UTF-8. With the `u`
// flag a surrogate range matches only unpaired halves: a pair is one code point.
const UNCLEAN = /[\p{Cc}\ud800-\udfff]/u;
// In free text, tabs and line breaks are part of what was typed.
const UNCLEAN_TEXT = /(?![\t\n\r])[\p{Cc}\ud800-\udfff]/gu;

/** A string without control characters or unpaired surrogates (ids, language tags, URLs); at most `max` long. */
export const cleanString = (max: number) =>
  z.string().check(
    z.maxLength(max),
    z.refine((s) => !UNCLEAN.test(s), { error: "must not contain control characters or unpaired surrogates" }),
  );

/**
 * Free text as typed (comments, attribute values), kept: control characters other than tab and
 * line breaks, and unpaired surrogates, become U+FFFD, so what is stored is valid UTF-8 and cannot
 * drive a terminal.
 */
export const freeText = (max: number) =>
  z.string().check(
    z.maxLength(max),
    z.overwrite((s) => s.replace(UNCLEAN_TEXT, "\ufffd")),
  );
