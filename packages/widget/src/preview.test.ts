import type { Survey } from "@sonde/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mountPreview, previewLocales } from "./preview.js";

const survey: Survey = {
  id: "p",
  defaultLocale: "en",
  appearance: { position: "bottom-right", theme: { mode: "light" } },
  steps: [
    {
      kind: "nps",
      id: "score",
      question: { en: "How likely?", de: "Wie wahrscheinlich?" },
      branches: [{ when: { max: 6 }, goto: "fix" }],
      next: "thanks",
    },
    { kind: "open", id: "fix", question: "What should we fix?", required: false },
    { kind: "thanks", id: "thanks", question: "Thanks!" },
  ],
};
const shadow = (el: Element) => el.querySelector("sonde-prompt")!.shadowRoot!;

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe("mountPreview", () => {
  it("renders in place, in the chosen mode and language, whatever the survey's position", async () => {
    const container = document.body.appendChild(document.createElement("div"));
    const handle = await mountPreview({ survey, locale: "ar", mode: "dark", container });
    const host = container.querySelector<HTMLElement>("sonde-prompt")!;
    expect(host.dataset).toMatchObject({ pos: "inline", mode: "dark" });
    expect(host.dir).toBe("rtl");
    expect(handle.locale).toBe("ar");
    expect(shadow(container).querySelector("h2")!.textContent).toContain("How likely?");
    handle.unmount();
    expect(container.children).toHaveLength(0);
  });

  it("branches on answers and sends or stores nothing", async () => {
    const fetching = vi.spyOn(window, "fetch");
    const beacon = vi.spyOn(navigator, "sendBeacon");
    const opening = vi.spyOn(indexedDB, "open");
    const container = document.body.appendChild(document.createElement("div"));
    await mountPreview({ survey, container });
    const root = shadow(container);
    root.querySelectorAll<HTMLElement>('[role="radio"]')[3]!.click(); // 3: a detractor
    root.querySelector<HTMLButtonElement>("button.go")!.click();
    await vi.waitFor(() => expect(root.querySelector("h2")!.textContent).toContain("What should we fix?"));
    expect(fetching).not.toHaveBeenCalled();
    expect(beacon).not.toHaveBeenCalled();
    expect(opening).not.toHaveBeenCalled();
  });
});

it("offers the survey's languages and Arabic", () => {
  expect(previewLocales(survey)).toEqual(["en", "de", "ar"]);
});
