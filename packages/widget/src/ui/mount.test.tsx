import type { Survey } from "@sonde/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import en from "./locales/en.js";
import { mountPrompt } from "./mount.js";
import type { PromptOptions } from "./types.js";

const nps: Survey = { id: "s", steps: [{ kind: "nps", id: "q", question: "How likely?" }] };
const options = (survey: Survey, patch: Partial<PromptOptions> = {}): PromptOptions => ({
  survey,
  locale: "en",
  dir: "ltr",
  strings: en,
  text: (t) => (typeof t === "string" ? t : ""),
  next: () => null,
  onAnswer: async () => {},
  onDismiss: () => {},
  ...patch,
});
const shadow = () => document.querySelector("sonde-prompt")!.shadowRoot!;

afterEach(() => {
  vi.restoreAllMocks();
  for (const el of document.querySelectorAll("sonde-prompt")) el.remove();
});

describe("mountPrompt", () => {
  it("adopts one constructable sheet and writes no <style> anywhere", () => {
    const styles = document.querySelectorAll("style").length;
    const handle = mountPrompt(options(nps));
    expect(shadow().adoptedStyleSheets).toHaveLength(1);
    expect(shadow().querySelectorAll("style")).toHaveLength(0);
    expect(document.querySelectorAll("style")).toHaveLength(styles);
    handle.unmount();
    handle.unmount();
    expect(document.querySelector("sonde-prompt")).toBeNull();
  });

  it("falls back to a <style> carrying the nonce, inside the shadow root, where adoptedStyleSheets are missing", () => {
    const descriptor = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, "adoptedStyleSheets")!;
    // @ts-expect-error: simulate an engine without constructable stylesheets
    delete ShadowRoot.prototype.adoptedStyleSheets;
    const styles = document.querySelectorAll("style").length;
    try {
      mountPrompt(options(nps, { nonce: "r4nd0m" }));
      const style = shadow().querySelector("style")!;
      expect(style.nonce).toBe("r4nd0m");
      expect(style.textContent).toContain(":host{all:initial!important");
      expect(document.querySelectorAll("style")).toHaveLength(styles);
    } finally {
      Object.defineProperty(ShadowRoot.prototype, "adoptedStyleSheets", descriptor);
    }
  });

  it("refuses an inline survey whose selector matches nothing, naming it, before touching the page", () => {
    const survey: Survey = { ...nps, appearance: { position: "inline", selector: "#nowhere" } };
    expect(() => mountPrompt(options(survey))).toThrow('appearance.selector "#nowhere" matches no element');
    expect(() => mountPrompt(options({ ...survey, appearance: { position: "inline", selector: "##" } }))).toThrow(
      'appearance.selector "##"',
    );
    expect(document.querySelector("sonde-prompt")).toBeNull();
  });

  it("sets the survey's theme as public custom properties on its own element only", () => {
    const survey: Survey = { ...nps, appearance: { theme: { brand: "#0a7d4f", zIndex: 10, mode: "dark" } } };
    mountPrompt(options(survey));
    const host = document.querySelector<HTMLElement>("sonde-prompt")!;
    expect(host.style.getPropertyValue("--sonde-brand")).toBe("#0a7d4f");
    expect(getComputedStyle(host).zIndex).toBe("10");
    expect(host.dataset.mode).toBe("dark");
    expect(document.documentElement.getAttribute("style")).toBeNull();
  });

  describe("the centre modal makes the rest of the page inert while it is open", () => {
    const page = () => {
      document.body.insertAdjacentHTML(
        "beforeend",
        `<main id="m"><button id="buy">Buy</button></main><aside id="old" inert></aside><div id="slot"><p id="near"></p><div id="box"></div></div>`,
      );
      return () => {
        for (const id of ["m", "old", "slot"]) document.getElementById(id)?.remove();
      };
    };
    const inert = () => [...document.querySelectorAll("[inert]")].map((el) => el.id || el.tagName.toLowerCase());
    const center: Survey = { ...nps, appearance: { position: "center" } };

    it("every other child of the body, until it closes; what was inert stays inert", () => {
      const clean = page();
      try {
        const before = inert();
        expect(before).toEqual(["old"]);
        const handle = mountPrompt(options(center));
        const others = [...document.body.children].filter((el) => el.tagName !== "SONDE-PROMPT");
        expect(inert().sort()).toEqual(others.map((el) => el.id || el.tagName.toLowerCase()).sort());
        expect(document.querySelector("sonde-prompt")!.hasAttribute("inert")).toBe(false);
        handle.unmount();
        expect(inert()).toEqual(before);
        expect(document.getElementById("old")!.getAttribute("inert")).toBe("");
      } finally {
        clean();
      }
    });

    it("rendered into a container: the container's siblings and its ancestors' siblings", () => {
      const clean = page();
      try {
        const handle = mountPrompt(options(center, { container: document.getElementById("box")! }));
        expect(inert()).toEqual(expect.arrayContaining(["m", "old", "near"]));
        expect(inert()).not.toContain("slot");
        expect(inert()).not.toContain("box");
        handle.unmount();
        expect(inert()).toEqual(["old"]);
      } finally {
        clean();
      }
    });

    it("gives focus back to the page's control once the page is no longer inert", () => {
      const clean = page();
      try {
        document.getElementById("buy")!.focus();
        const handle = mountPrompt(options(center));
        expect(shadow().activeElement).not.toBeNull();
        handle.unmount();
        expect(document.activeElement?.id).toBe("buy");
      } finally {
        clean();
      }
    });

    it("a popover makes nothing inert", () => {
      const clean = page();
      try {
        for (const position of ["bottom-right", "top-banner"] as const) {
          const handle = mountPrompt(options({ ...nps, appearance: { position } }));
          expect(inert()).toEqual(["old"]);
          handle.unmount();
        }
      } finally {
        clean();
      }
    });
  });

  it("shows an error and stays on the step when the answer cannot be saved", async () => {
    const onAnswer = vi.fn().mockRejectedValue(new Error("quota"));
    mountPrompt(options(nps, { onAnswer }));
    const root = shadow();
    root.querySelector<HTMLButtonElement>("[role=radio]")!.click();
    root.querySelector<HTMLButtonElement>("button.go")!.click();
    await vi.waitFor(() => expect(root.querySelector("[role=alert]")?.textContent).toBe(en.saveFailed));
    expect(root.querySelector("h2")!.textContent).toBe("How likely?");
    expect(onAnswer).toHaveBeenCalledTimes(1);
  });
});
