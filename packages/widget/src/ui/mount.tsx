import { render } from "preact";
import { Prompt } from "./prompt.js";
import { css } from "./styles.js";
import type { PromptHandle, PromptOptions } from "./types.js";

let sheet: CSSStyleSheet | undefined;

function adoptStyles(root: ShadowRoot, nonce: string | undefined) {
  if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement("style");
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  root.append(style);
}

/** Renders a survey prompt into its own shadow root. This module is the lazily loaded UI chunk. */
export function mountPrompt(options: PromptOptions): PromptHandle {
  const host = document.createElement("sonde-prompt");
  host.setAttribute("data-mode", options.survey.appearance?.theme?.mode ?? "auto");
  const root = host.attachShadow({ mode: "open" });
  adoptStyles(root, options.nonce);
  const app = document.createElement("div");
  app.lang = options.locale;
  app.dir = options.dir;
  root.append(app);
  (options.container ?? document.body).append(host);
  const unmount = () => {
    render(null, app);
    host.remove();
  };
  render(<Prompt options={options} onDone={unmount} />, app);
  return { unmount };
}
