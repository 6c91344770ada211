import { describe, expect, it } from "vitest";
import { isCssColor } from "./css-color.js";

describe("isCssColor", () => {
  it.each([
    "#fff",
    "#FFFA",
    "#4f46e5",
    "#4f46e580",
    "indigo",
    "RebeccaPurple",
    "transparent",
    "currentColor",
    "Canvas",
    "rgb(79 70 229)",
    "rgb(79, 70, 229)",
    "rgba(79, 70, 229, 0.5)",
    "rgb(79 70 229 / 50%)",
    "rgb(31% 27% 90%)",
    "hsl(243deg 75% 59%)",
    "hsla(243, 75%, 59%, .8)",
    "hwb(243 27% 10%)",
    "lab(40% 50 -80)",
    "lch(40% 90 290 / 0.9)",
    "oklab(0.5 0.05 -0.2)",
    "oklch(0.55 0.2 275)",
    "oklch(none 0.2 275)",
    "color(display-p3 0.3 0.27 0.9)",
    "color(srgb 0.3 0.27 0.9 / 50%)",
    "var(--brand)",
    "var(--brand, #4f46e5)",
    "light-dark(#fff, #111)",
    "color-mix(in oklab, indigo 60%, white)",
    "rgb(from indigo r g b / 50%)",
    "hsl(calc(240 + 3) 75% 59%)",
    "  #fff  ",
  ])("takes %j", (value) => {
    expect(isCssColor(value)).toBe(true);
  });

  it.each([
    "blue-ish",
    "blueish",
    "",
    "#",
    "#12345",
    "#ggg",
    "rgb(1 2)",
    "rgb(1 2 3 4)",
    "rgb(1, 2, 3, 4, 5)",
    "rgb(a b c)",
    "rgb(1 2 3 / 4 / 5)",
    "rgb(1 2 3",
    "rgb(1 2 3))",
    "color(p9 1 2 3)",
    "var(brand)",
    "url(x.png)",
    "expression(alert(1))",
    "light-dark(#fff)",
    "color-mix(red, blue)",
    "inherit",
    "red; background: url(x)",
  ])("refuses %j", (value) => {
    expect(isCssColor(value)).toBe(false);
  });
});
