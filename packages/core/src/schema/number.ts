import * as z from "zod/mini";
import { memo } from "./memo.js";

/**
 * A whole number. A refine rather than `z.int()`: zod's number formats add ~0.4 KB gzip to the
 * browser's first download, and these schemas ship in it.
 */
export const wholeNumber = memo(() =>
  z.number().check(z.refine(Number.isInteger, { error: "must be a whole number" })),
);
