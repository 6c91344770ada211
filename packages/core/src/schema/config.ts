import * as z from "zod/mini";
import { memo } from "./memo.js";
import { localeTagSchema } from "./text.js";
import { attributesSchema } from "./wire.js";

/** The widget's configuration, as given to `init()` or read from the script tag's data attributes. */
export const widgetConfigSchema = memo(() =>
  z
    .object({
      /** Where answers are POSTed: an absolute URL, or a path on the host's origin. */
      endpoint: z.string().check(z.minLength(1, { error: "is required: the URL answers are sent to" })),
      /** Surveys given inline, as an array or `{ surveys: [...] }` (validated on their own by `parseSurveys`, once the page is idle). */
      surveys: z.optional(z.unknown()),
      /** Or a URL serving `surveys.json`. */
      surveysUrl: z.optional(z.string().check(z.minLength(1))),
      /** Language of the prompts; by default the survey's, the page's, then the browser's. */
      locale: z.optional(localeTagSchema()),
      /** Print each decision with its reasons to the console. */
      debug: z.optional(z.boolean()),
      /** Days after any prompt during which no other prompt shows (default 14; 0 turns it off). */
      cooldownDays: z.optional(z.number().check(z.gte(0))),
      userId: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
      attributes: z.optional(attributesSchema()),
      /** A CSP nonce for the `<style>` fallback where constructable stylesheets are missing. */
      nonce: z.optional(z.string()),
      /** `pending`: store and send nothing until `setConsent("granted")`. Default `granted`. */
      consent: z.optional(z.enum(["granted", "pending", "denied"])),
      /** Treat Global Privacy Control / Do Not Track as consent denied. Default false. */
      honorPrivacySignals: z.optional(z.boolean()),
      /** Keep the page URL's query string in answers' context (default false: it often holds personal data). */
      captureQuery: z.optional(z.boolean()),
    })
    .check(
      z.refine((c) => c.surveys !== undefined || c.surveysUrl !== undefined, {
        error: "needs surveys (inline) or surveysUrl",
        path: ["surveys"],
      }),
    ),
);

export type WidgetConfig = z.infer<ReturnType<typeof widgetConfigSchema>>;
