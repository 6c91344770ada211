import * as z from "zod/mini";
import { memo } from "./memo.js";

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** An identifier for surveys, steps and choices: letters, digits, `_`, `.`, `-`; at most 64. */
export const idSchema = memo(() =>
  z.string().check(
    z.regex(idPattern, {
      error: "must be 1–64 letters, digits, '_', '.' or '-', starting with a letter or digit",
    }),
  ),
);
