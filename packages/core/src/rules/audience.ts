import type { Audience } from "../schema/rules.js";
import { explainConditions } from "./conditions.js";
import type { PageContext, Person } from "./context.js";
import { shortfall, wanted } from "./reasons.js";

/** Whether a locale is one of the tags: `en` takes in `en-GB`; `pt-BR` only `pt-BR`. Case does not matter. */
export function matchLocale(locale: string, tags: readonly string[]): boolean {
  const l = locale.toLowerCase();
  return tags.some((tag) => {
    const t = tag.toLowerCase();
    return l === t || l.startsWith(`${t}-`);
  });
}

/** Why the person or page is outside the audience, one reason per failing field; empty when inside. */
export function audienceMisses(a: Audience, context: PageContext, person: Person = {}, now: number): string[] {
  const { device, locale } = context;
  const { identified, firstSeenAt } = person;
  return [
    a.identified !== undefined &&
      a.identified !== !!identified &&
      `only ${a.identified ? "identified" : "anonymous"} people`,
    a.devices && !(device && a.devices.includes(device)) && wanted("device", device, a.devices.join(" or ")),
    a.locales && !(locale && matchLocale(locale, a.locales)) && wanted("locale", locale, a.locales.join(" or ")),
    a.minVisits !== undefined && shortfall(person.visits ?? Number.NaN, a.minVisits, " visits"),
    a.minDaysSinceFirstSeen !== undefined &&
      shortfall(
        (now - (firstSeenAt ?? Number.NaN)) / 86_400_000,
        a.minDaysSinceFirstSeen,
        " days since the first visit",
      ),
    a.attributes && explainConditions(a.attributes, person.attributes, a.attributesMatch),
  ].filter((miss): miss is string => !!miss);
}
