// The try-out panels under a survey's definition: a live preview and "would it show?". Their code
// (the survey schema, the rules, the prompt's UI) is fetched when a survey is opened.
import { lazy } from "../lazy.js";

/** A survey's live preview and its "would it show?" panel, following the definition as it is edited. */
export const TryPanels = lazy(() => import("./panels.js").then((m) => m.Panels), "the try-out panels");
