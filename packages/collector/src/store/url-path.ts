import { urlParts } from "@sonde/core";

/** The path of a page URL, as rules and scoring read it: `https://a.example/pricing/?x=1` → `/pricing/`. */
export function pathOf(url: string): string {
  return urlParts(url).path;
}
