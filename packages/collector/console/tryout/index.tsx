// The try-out panels under a survey's definition: a live preview and "would it show?". Their code
// (the survey schema, the rules, the prompt's UI) is a chunk of its own, fetched when a survey is
// opened, so that the console's first download stays what the results pages need.
import { useEffect, useState } from "preact/hooks";

type PanelsModule = typeof import("./panels.js");
let loading: Promise<PanelsModule> | undefined;

/** A survey's live preview and its "would it show?" panel, following the definition as it is edited. */
export function TryPanels({ definition }: { definition: unknown }) {
  const [panels, setPanels] = useState<PanelsModule | null>(null);
  useEffect(() => {
    loading ??= import("./panels.js");
    let gone = false;
    loading.then(
      (m) => gone || setPanels(m),
      (error: unknown) => console.error("sonde console: the try-out panels did not load", error),
    );
    return () => {
      gone = true;
    };
  }, []);
  return panels ? <panels.Panels definition={definition} /> : null;
}
