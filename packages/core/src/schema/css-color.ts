// Whether a theme value is a CSS colour, without a DOM (core runs in Node too). Not a full CSS
// parser: what a designer writes in a theme — hex, a colour name, the colour functions with
// their arguments, var(), color-mix(), light-dark() — is checked; relative colours and calc()
// inside a colour function are let through for the browser to judge.

const NAMES = new Set(
  (
    "aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown " +
    "burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan " +
    "darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred " +
    "darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink " +
    "deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold " +
    "goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush " +
    "lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey " +
    "lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime " +
    "limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen " +
    "mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin " +
    "navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise " +
    "palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue " +
    "saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow " +
    "springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen " +
    // Keywords and system colours, which follow the page's or the user's settings.
    "transparent currentcolor canvas canvastext linktext visitedtext activetext buttonface buttontext " +
    "buttonborder field fieldtext highlight highlighttext selecteditem selecteditemtext mark marktext graytext " +
    "accentcolor accentcolortext"
  ).split(" "),
);

const NUMBER = "[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[+-]?\\d+)?";
// One channel: a number, a percentage, an angle (hue), or `none`.
const CHANNEL = new RegExp(`^(?:${NUMBER}(?:%|deg|grad|rad|turn)?|none)$`, "i");
// Functions whose arguments are three channels and an optional alpha, and the spaces of color().
const CHANNELS = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)$/;
const COLOR_SPACE = /^(?:srgb(?:-linear)?|display-p3|a98-rgb|prophoto-rgb|rec2020|xyz(?:-d50|-d65)?)$/;

/** `rgb(1 2 3 / 50%)`, `rgb(1, 2, 3)`: three channels and an optional alpha, spaces or commas. */
function channels(args: string): boolean {
  const [main = "", alpha, extra] = args.split("/");
  if (extra !== undefined || (alpha !== undefined && !CHANNEL.test(alpha.trim()))) return false;
  const parts = main.includes(",") ? main.split(",").map((p) => p.trim()) : main.trim().split(/\s+/);
  // The legacy comma form puts alpha fourth.
  const n = parts.length;
  return (n === 3 || (n === 4 && alpha === undefined && main.includes(","))) && parts.every((p) => CHANNEL.test(p));
}

/** Splits at the commas outside parentheses; undefined when the parentheses do not balance. */
function topLevel(args: string): string[] | undefined {
  const parts = [""];
  let depth = 0;
  for (const ch of args) {
    depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
    if (depth < 0) return undefined;
    if (ch === "," && depth === 0) parts.push("");
    else parts[parts.length - 1] += ch;
  }
  return depth === 0 ? parts.map((p) => p.trim()) : undefined;
}

/** Whether `value` is a CSS colour: `#4f46e5`, `indigo`, `rgb(79 70 229)`, `oklch(…)`, `var(--brand)`… */
export function isCssColor(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (/^#(?:[\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})$/.test(v)) return true;
  if (NAMES.has(v)) return true;
  const call = /^([a-z-]+)\((.*)\)$/s.exec(v);
  const parts = call && topLevel(call[2]!);
  if (!call || !parts) return false;
  const [, name = "", args = ""] = call;
  // A custom property of the host page, with an optional fallback.
  if (name === "var") return /^--[\w-]+$/.test(parts[0]!);
  if (name === "light-dark") return parts.length === 2 && parts.every(isCssColor);
  if (name === "color-mix") {
    const mixed = parts.slice(1).map((p) => p.replace(/\s+[\d.]+%$/, ""));
    return parts.length === 3 && /^in [a-z\d-]+( [a-z]+ hue)?$/.test(parts[0]!) && mixed.every(isCssColor);
  }
  if (name !== "color" && !CHANNELS.test(name)) return false;
  // Relative colours and calc(): the browser checks those; the function name is all we check here.
  if (/\bfrom\b|\(/.test(args)) return true;
  if (name !== "color") return channels(args);
  const [space = "", ...rest] = args.trim().split(/\s+/);
  return COLOR_SPACE.test(space) && channels(rest.join(" "));
}
