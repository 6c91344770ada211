import type { FollowUpFigures } from "@sonde/collector/api";
import { formatShare } from "./format.js";
import { strings } from "./strings.js";

const t = strings();

/** How the period's detractors were followed up, with the way to the ones still waiting. */
export function FollowUpCard({ figures, onInbox }: { figures: FollowUpFigures; onInbox: () => void }) {
  return (
    <section class="panel follow-ups" aria-labelledby="follow-h" data-testid="follow-ups">
      <h2 id="follow-h">{t.followUpTitle}</h2>
      <p class="figure">
        <strong data-testid="followed-up">
          {t.followedUp(figures.followedUp, figures.detractors, formatShare(figures.share))}
        </strong>
        <span class="muted" data-testid="median-to-first">
          {figures.medianHoursToFirst === null
            ? t.noFollowUpYet
            : t.medianToFirst(t.duration(figures.medianHoursToFirst))}
        </span>
        {figures.open > 0 && <span data-testid="open-follow-ups">{t.openFollowUps(figures.open)}</span>}
      </p>
      <button type="button" class="quiet" onClick={onInbox}>
        {t.openInbox}
      </button>
    </section>
  );
}
