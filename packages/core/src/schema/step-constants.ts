// Constants of steps that code outside the schemas reads (branching, the prompt): apart from the
// step schemas, so that importing them does not bring zod into a bundle.

/** Where a branch goes: a step id, or `end` to finish the survey at once. */
export const END = "end";

/** How long the thank-you stays when nothing says otherwise, in seconds. */
export const THANKS_CLOSE_AFTER = 4;

/** The points of each rating scale, lowest first. */
export const SCALES = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;
