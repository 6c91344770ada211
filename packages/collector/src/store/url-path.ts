/** The path of a page URL, without query or hash: `https://a.example/pricing/?x=1` → `/pricing/`. */
export function pathOf(url: string): string {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "").replace(/[?#].*$/s, "");
  return path.startsWith("/") ? path : `/${path}`;
}
