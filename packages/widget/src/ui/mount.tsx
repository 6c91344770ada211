import { type Step, THANKS_CLOSE_AFTER, type Theme } from "@sonde/core";
import { render } from "preact";
import { bodies, isBasic } from "./bodies.js";
import { type Countdown, countdown } from "./countdown.js";
import { emptyDraft, problem, toAnswer } from "./draft.js";
import { format } from "./format.js";
import type { MoreStrings } from "./locales/more-en.js";
import { Prompt, type PromptActions, type PromptState } from "./prompt.js";
import { css } from "./styles.js";
import type { PromptHandle, PromptOptions } from "./types.js";

const sheets = new Map<string, CSSStyleSheet>();

/** Adds styles to a shadow root: a shared constructable sheet, or a `<style>` (with the nonce) where those are missing. */
function adopt(root: ShadowRoot, text: string, nonce: string | undefined) {
  if ("adoptedStyleSheets" in root && "replaceSync" in CSSStyleSheet.prototype) {
    let sheet = sheets.get(text);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      sheets.set(text, sheet);
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const style = document.createElement("style");
  if (nonce) style.nonce = nonce;
  style.textContent = text;
  root.prepend(style);
}

const themeKeys: (keyof Theme)[] = ["brand", "text", "background", "radius", "font", "zIndex"];

function findInline(selector: string | undefined): Element {
  let found: Element | null = null;
  try {
    found = selector ? document.querySelector(selector) : null;
  } catch {}
  if (!found) throw new Error(`appearance.selector "${selector}" matches no element; the survey is not shown`);
  return found;
}

/** The focused element, looking into open shadow roots; null when nothing is. */
function deepActive(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el === document.body ? null : (el as HTMLElement | null);
}

/**
 * Makes the page around `el` inert (the siblings of `el` and of each of its ancestors up to the
 * body), so that neither a pointer nor a screen reader's virtual cursor reaches past a modal.
 * Returns how to undo it; an element that was inert already stays inert.
 */
function inertAround(el: Element): () => void {
  const made: Element[] = [];
  for (let node = el, up = el.parentElement; up && up !== document.documentElement; node = up, up = up.parentElement)
    for (const other of up.children)
      if (other !== node && !other.hasAttribute("inert")) {
        other.setAttribute("inert", "");
        made.push(other);
      }
  return () => {
    for (const other of made) other.removeAttribute("inert");
  };
}

/**
 * Renders a survey prompt into its own shadow root. This module is the lazily loaded UI chunk.
 * Throws, before touching the page, when an inline prompt's selector matches nothing.
 */
export function mountPrompt(o: PromptOptions): PromptHandle {
  const look = o.survey.appearance;
  const pos = look?.position ?? "bottom-right";
  const modal = pos === "center";
  const parent = o.container ?? (pos === "inline" ? findInline(look?.selector) : document.body);

  const host = document.createElement("sonde-prompt");
  host.dataset.pos = pos;
  host.dataset.mode = look?.theme?.mode ?? "auto";
  // Corners follow the prompt's reading direction: bottom-right is the bottom-left corner in Arabic.
  host.dir = o.dir;
  // The survey's theme as the public custom properties (`--sonde-z` for the z-index), on the host element only.
  for (const key of themeKeys) {
    const value = look?.theme?.[key];
    if (value !== undefined) host.style.setProperty(`--sonde-${key === "zIndex" ? "z" : key}`, String(value));
  }
  const root = host.attachShadow({ mode: "open" });
  adopt(root, css, o.nonce);
  const app = document.createElement("div");
  app.className = "root";
  app.lang = o.locale;
  app.dir = o.dir;
  root.append(app);

  const f = format(o.locale);
  const first = o.survey.steps[0]!;
  let st: PromptState = { step: first, path: [first.id], draft: emptyDraft(), error: null, live: false };
  let busy = false;
  let closed = false;
  // Where focus goes back on close: what had it before a modal opened, or before focus entered the prompt.
  let back = modal ? deepActive() : null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let release: (() => void) | undefined;
  // The thank-you closes by itself, held while the pointer is over the card or keyboard focus is
  // in it (WCAG 2.2.2): nothing goes away while the person is reading or about to click.
  let hovered = false;
  let focused = false;
  let closing: Countdown | undefined;
  const hold = () => closing?.hold(hovered || focused);
  const closeLater = (step: Step) => {
    const after = step.kind === "thanks" ? (step.closeAfter ?? THANKS_CLOSE_AFTER) : false;
    if (typeof after !== "number" || !(after > 0)) return;
    closing = countdown(after * 1000, unmount);
    hold();
  };
  let moreStrings: MoreStrings | undefined;
  // Controls of the less common kinds come in a second chunk, requested now so it is there when needed.
  const more = o.survey.steps.every(isBasic)
    ? undefined
    : import("./more-bodies.js").then(
        async (m) => {
          moreStrings = await m.loadMoreStrings(o.locale);
          Object.assign(bodies, m.moreBodies);
          adopt(root, m.moreCss, o.nonce);
        },
        (error: unknown) => console.error("sonde: could not load the prompt's controls", error),
      );
  // A step whose controls could not be loaded ends the prompt rather than show a question without them.
  const missing = (step: Step) => step.kind !== "thanks" && !bodies[step.kind];

  const inside = () => root.activeElement !== null;
  const focusStep = () =>
    (
      app.querySelector<HTMLElement>(".body [tabindex='0'],.body input,.body textarea") ?? app.querySelector("h2")
    )?.focus();
  const draw = () =>
    render(
      <Prompt
        o={o}
        f={f}
        st={st}
        act={act}
        role={pos === "inline" ? "region" : "dialog"}
        modal={modal}
        more={moreStrings}
      />,
      app,
    );
  const set = (patch: Partial<PromptState>) => {
    st = { ...st, ...patch };
    if (!closed) draw();
  };

  const unmount = () => {
    if (closed) return;
    closed = true;
    const hadFocus = inside();
    clearTimeout(timer);
    closing?.stop();
    render(null, app);
    host.remove();
    release?.();
    if (hadFocus && back?.isConnected) back.focus();
  };

  const act: PromptActions = {
    edit: (patch) => set({ draft: { ...st.draft, ...patch }, error: null }),
    close() {
      if (st.step.kind !== "thanks") o.onDismiss();
      unmount();
    },
    hover(over) {
      hovered = over;
      hold();
    },
    async submit(e) {
      e.preventDefault();
      const step = st.step;
      if (busy || step.kind === "thanks") return;
      const error = problem(step, st.draft);
      if (error) return set({ error });
      const answer = toAnswer(step, st.draft);
      const following = o.next(step, answer);
      busy = true;
      try {
        await o.onAnswer(step, answer, following === null || following.kind === "thanks");
      } catch {
        return set({ error: "saveFailed" });
      } finally {
        busy = false;
      }
      await more;
      if (!following || missing(following)) return unmount();
      const hadFocus = inside();
      set({
        step: following,
        path: following.kind === "thanks" ? st.path : [...st.path, following.id],
        draft: emptyDraft(),
        error: null,
        live: following.kind === "thanks",
      });
      if (hadFocus) focusStep();
      closeLater(following);
    },
  };

  app.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      act.close();
    } else if (modal && e.key === "Tab") {
      // The modal keeps Tab inside: past the last stop back to the first, and the other way round.
      const stops = [...app.querySelectorAll<HTMLElement>("button,input,textarea,a")].filter((el) => el.tabIndex >= 0);
      const at = root.activeElement!;
      const edge = e.shiftKey ? stops[0]! : stops[stops.length - 1]!;
      if (at === edge || edge.compareDocumentPosition(at) & (e.shiftKey ? 2 : 4)) {
        e.preventDefault();
        (e.shiftKey ? stops[stops.length - 1]! : stops[0]!).focus();
      }
    }
  });
  // Focus that shows (from the keyboard, not a click) holds the thank-you open.
  app.addEventListener("focusin", (e) => {
    try {
      focused = (e.target as Element).matches(":focus-visible");
    } catch {
      focused = true;
    }
    hold();
  });
  app.addEventListener("focusout", (e) => {
    if (app.contains(e.relatedTarget as Node | null)) return;
    focused = false;
    hold();
  });
  // A click on the backdrop around the centred card dismisses it.
  if (modal) app.addEventListener("click", (e) => e.target === app && act.close());
  // Focus coming in from the page (inside moves arrive retargeted to the host; a step that replaces
  // the focused control arrives from nowhere): remember where it came from.
  host.addEventListener("focusin", (e) => {
    const from = e.relatedTarget as HTMLElement | null;
    if (from && from !== host) back = from;
  });

  const show = () => {
    if (missing(first)) unmount();
    if (closed) return;
    parent.append(host);
    draw();
    if (modal) {
      release = inertAround(host);
      focusStep();
    }
    // The live region is there, empty, before the heading moves in: screen readers announce changes, not content.
    timer = setTimeout(() => st.step === first && set({ live: true }), 200);
    closeLater(first);
  };
  if (!more || isBasic(first)) show();
  else void more.then(show);
  return { unmount };
}
