// Functions that run inside the page, in any engine. They are sent as source text (`pageCall`
// declares them all in the page), so they may call one another but nothing else of this module.

/** A control of the prompt, found by its role and accessible name. */
export interface RoleQuery {
  role: string;
  /** The whole accessible name, whitespace collapsed; any name when left out. */
  name?: string;
}

/** What a test may read of a control of the prompt. */
export interface ControlState {
  role: string;
  /** Its accessible name. */
  name: string;
  /** `aria-checked`, or the `checked` of a native radio or checkbox. */
  checked: boolean;
  /** Whether it has focus (inside the prompt's shadow root). */
  focused: boolean;
  /** Its box in the viewport. */
  box: { x: number; y: number; width: number; height: number };
  /** Its computed `direction`: `ltr` or `rtl`. */
  direction: string;
  /** The language it is marked up in (nearest `lang`). */
  lang: string;
}

/** The accessible name of `el` in `root`: `aria-labelledby`, `aria-label`, its `<label>`, or its text. */
export function accessibleName(el: Element, root: ShadowRoot): string {
  const collapse = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();
  const ids = el.getAttribute("aria-labelledby");
  if (ids)
    return collapse(
      ids
        .split(/\s+/)
        .map((id) => root.getElementById(id)?.textContent ?? "")
        .join(" "),
    );
  const label = el.getAttribute("aria-label");
  if (label) return collapse(label);
  const labels = (el as HTMLInputElement).labels;
  if (labels?.length) return collapse([...labels].map((l) => l.textContent).join(" "));
  return collapse(el.textContent);
}

/** The role of `el`: its `role` attribute, else the implicit role of the elements the prompt uses. */
export function roleOf(el: Element): string {
  const explicit = el.getAttribute("role");
  if (explicit) return explicit;
  const tag = el.tagName.toLowerCase();
  if (tag === "button") return "button";
  if (tag === "textarea") return "textbox";
  if (tag === "fieldset") return "group";
  if (/^h[1-6]$/.test(tag)) return "heading";
  if (tag === "a" && el.hasAttribute("href")) return "link";
  if (tag === "input") {
    const type = (el as HTMLInputElement).type;
    return type === "radio" || type === "checkbox" ? type : "textbox";
  }
  return "";
}

/**
 * Finds a control inside `sonde-prompt`'s (open) shadow root by role and accessible name, the way
 * assistive technology names it (`roleOf`, `accessibleName`). Rendered controls only. Returns the element (so that the driver can
 * click it with the real pointer), or null.
 */
export function locateInPrompt(query: RoleQuery): Element | null {
  const root = document.querySelector("sonde-prompt")?.shadowRoot;
  if (!root) return null;
  for (const el of root.querySelectorAll("*")) {
    if (roleOf(el) !== query.role) continue;
    if (query.name !== undefined && accessibleName(el, root) !== query.name) continue;
    if (!el.getClientRects().length || el.closest("[aria-hidden=true]")) continue;
    return el;
  }
  return null;
}

/** The state of the control `locateInPrompt` finds, or null when there is none. */
export function describeInPrompt(query: RoleQuery): ControlState | null {
  const el = locateInPrompt(query);
  if (!el) return null;
  const root = el.getRootNode() as ShadowRoot;
  const aria = el.getAttribute("aria-checked");
  const r = el.getBoundingClientRect();
  return {
    role: query.role,
    name: accessibleName(el, root),
    checked: aria !== null ? aria === "true" : Boolean((el as HTMLInputElement).checked),
    focused: root.activeElement === el,
    box: { x: r.x, y: r.y, width: r.width, height: r.height },
    direction: getComputedStyle(el).direction,
    lang: el.closest("[lang]")?.getAttribute("lang") ?? "",
  };
}

/** What has focus: a control of the prompt (its role and name), else the host page's element (its tag). */
export function focusedControl(): { role: string; name: string } | { tag: string } | null {
  const host = document.activeElement;
  const root = host?.shadowRoot;
  const el = host?.tagName === "SONDE-PROMPT" && root ? root.activeElement : null;
  if (el && root) return { role: roleOf(el), name: accessibleName(el, root) };
  return host ? { tag: host.tagName.toLowerCase() } : null;
}

/**
 * The source of an expression that calls `fn` with `arg`, with the in-page functions above
 * declared first, so that `fn` may name them: `(function () { function locateInPrompt…; return (fn)(arg); })()`.
 */
export function pageCall(fn: string, arg: unknown): string {
  const declared = [roleOf, accessibleName, locateInPrompt, describeInPrompt, focusedControl].join(";\n");
  return `(function () {\n${declared};\nreturn (${fn})(${JSON.stringify(arg ?? null)});\n})()`;
}
