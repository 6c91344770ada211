/** The device class, from the viewport width and pointer. */
export function deviceClass(): "mobile" | "tablet" | "desktop" {
  const w = window.innerWidth;
  const coarse = window.matchMedia?.("(pointer: coarse)").matches;
  if (w < 640) return "mobile";
  if (w < 1024 && coarse) return "tablet";
  return "desktop";
}
