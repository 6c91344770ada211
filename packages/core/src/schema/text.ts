import * as z from "zod/mini";
import { memo } from "./memo.js";

/** A BCP 47-ish language tag such as `en`, `pt-BR` or `zh-Hans`. */
export const localeTagSchema = memo(() =>
  z.string().check(
    z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
      error: "must be a language tag such as en, pt-BR or zh-Hans",
    }),
  ),
);

/** User-facing text: one string, or a map of language tag → string. */
export const textSchema = memo(() =>
  z.union([
    z.string().check(z.minLength(1, { error: "must not be empty" })),
    z
      .record(localeTagSchema(), z.string())
      .check(z.refine((map) => Object.keys(map).length > 0, { error: "needs at least one translation" })),
  ]),
);

export type Text = z.infer<ReturnType<typeof textSchema>>;

// Picking a translation needs no schema: it lives apart, so that a bundle showing surveys does not
// carry the schemas with it.
export { baseLanguage, resolveText, textLocale } from "./text-pick.js";
