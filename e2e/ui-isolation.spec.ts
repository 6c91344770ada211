import type { Page } from "@playwright/test";
import { card, completedAnswers, injectSonde, openSurveyPage, type SurveyJson, uniqueId } from "./support/prompts.js";
import { answerShownStep, EVERY_KIND, EVERY_KIND_ANSWERS, everyKind, expectStep } from "./support/survey-fixtures.js";
import { expect, prompt, test } from "./support/ui-test.js";

// A host stylesheet at its worst: resets and !important on everything, buttons, forms and SVG.
const HOSTILE = `<style>
*, *::before, *::after { margin: 7px !important; padding: 9px !important; border: 3px dashed #f0f !important;
  box-sizing: content-box !important; color: #0f0 !important; background: #ff0 !important; font-size: 31px !important;
  font-weight: 900 !important; line-height: 3 !important; letter-spacing: 4px !important; text-transform: uppercase !important;
  text-align: center !important; display: block !important; position: static !important; float: left !important;
  width: auto !important; height: auto !important; min-height: 0 !important; opacity: .8 !important; visibility: visible !important;
  outline: 5px solid red !important; cursor: wait !important; z-index: 1 !important; inset: auto !important;
  filter: none !important; animation: none !important; --b: red; --f: red; --g: red; --l: red; --m: red; --r: 0 }
button, [role=button], [role=radio], input, textarea { all: unset !important; background: red !important; color: yellow !important;
  font: italic 40px serif !important; padding: 20px !important; }
svg, path, circle { fill: red !important; stroke: blue !important; width: 200px !important; height: 200px !important; }
h2, p, div, span, label, a { display: inline !important; font-style: italic !important; }
:focus { outline: none !important; }
</style>`;
const HOST_FONT = `<style>body { font-family: "DejaVu Sans", sans-serif }</style>`;

/** Each element inside the prompt: its tag, box relative to the card, and every computed property. */
function promptStyles(page: Page): Promise<string[][]> {
  return page.evaluate(() => {
    const root = document.querySelector("sonde-prompt")!.shadowRoot!;
    const card = root.querySelector(".card")!.getBoundingClientRect();
    return [...root.querySelectorAll("*")].map((el) => {
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const props: string[] = [
        `${el.tagName}.${el.getAttribute("class") ?? ""}`,
        `box ${[r.x - card.x, r.y - card.y, r.width, r.height]}`,
      ];
      for (let i = 0; i < cs.length; i++) props.push(`${cs[i]}: ${cs.getPropertyValue(cs[i]!)}`);
      return props;
    });
  });
}

/** Every host element's computed style (not the prompt, not the script tag added for it), stylesheets and root attributes. */
function hostState(page: Page) {
  return page.evaluate(() => {
    const elements = [...document.querySelectorAll("*")].filter(
      (el) => el.tagName !== "SONDE-PROMPT" && !(el instanceof HTMLScriptElement && el.src.endsWith("/sonde/sonde.js")),
    );
    return {
      styles: elements.map((el) => {
        const cs = getComputedStyle(el);
        const props: string[] = [`${el.tagName}#${el.id}`];
        for (let i = 0; i < cs.length; i++) props.push(`${cs[i]}: ${cs.getPropertyValue(cs[i]!)}`);
        return props;
      }),
      styleElements: document.querySelectorAll("style, link[rel=stylesheet]").length,
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      rootAttributes: [...document.documentElement.attributes, ...document.body.attributes].map(
        (a) => `${a.name}=${a.value}`,
      ),
      rootVars: [...document.documentElement.style, ...document.body.style],
      inert: [...document.querySelectorAll("[inert], [aria-hidden]")].map((el) => el.tagName),
      scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
    };
  });
}

/** The properties that differ between two lists of elements' properties, named by element. */
function differences(want: string[][], got: string[][]): string[] {
  if (want.length !== got.length) return [`${want.length} elements became ${got.length}`];
  return want.flatMap((props, i) => {
    const other = new Set(got[i]);
    return props
      .filter((p) => !other.has(p))
      .map((p) => `${props[0]} ${p} → ${got[i]!.find((q) => q.startsWith(p.split(":")[0]!)) ?? "?"}`);
  });
}

test("a hostile host stylesheet changes nothing in the prompt, on any kind of step", async ({
  browser,
  host,
  collector,
}) => {
  test.setTimeout(120_000);
  const survey = everyKind(uniqueId("hostile"));
  const open = async (head: string) => {
    const page = await browser.newPage({ viewport: { width: 900, height: 800 }, reducedMotion: "reduce" });
    await openSurveyPage(page, host, collector, [{ ...survey, id: uniqueId("hostile") }], { head });
    return page;
  };
  const plain = await open(HOST_FONT);
  const hostile = await open(HOST_FONT + HOSTILE);
  // The hostile sheet is real: it restyles the host's own heading.
  await expect(hostile.locator("h1")).toHaveCSS("text-transform", "uppercase");
  for (const id of EVERY_KIND) {
    for (const page of [plain, hostile]) await expectStep(page, survey, id);
    expect(differences(await promptStyles(plain), await promptStyles(hostile)), id).toEqual([]);
    for (const page of [plain, hostile]) await answerShownStep(page, id);
  }
  await plain.close();
  await hostile.close();
});

for (const position of ["bottom-right", "center"] as const) {
  test(`the prompt (${position}) changes nothing on the host page: styles, stylesheets, :root, attributes${position === "center" ? " (but inert while open)" : ""}`, async ({
    page,
    host,
    collector,
  }) => {
    const survey = everyKind(uniqueId("harmless"), { position });
    const body = `<header><a href="#">Lumen</a><nav><a href="#">Docs</a></nav></header><main><h1>Pricing</h1>
<p>Plans for <b>every</b> team.</p><button id="buy">Buy</button><input id="q" placeholder="Search"><svg width="20" height="20"><circle cx="10" cy="10" r="8"/></svg></main>`;
    await openSurveyPage(page, host, collector, [survey], { head: HOST_FONT, body, withoutScript: true });
    const before = await hostState(page);
    // The one change: while the modal is open, the rest of the page is inert (its top-level elements).
    const unchanged = async (open: boolean) => {
      const now = await hostState(page);
      const modal = open && position === "center";
      // Chromium shows inertness as a computed property too.
      const inertness = (d: string) => modal && d.endsWith(" interactivity: auto → interactivity: inert");
      expect(differences(before.styles, now.styles).filter((d) => !inertness(d))).toEqual([]);
      const inert = modal ? ["HEADER", "MAIN"] : [];
      expect({ ...now, styles: [] }).toEqual({ ...before, styles: [], inert: [...before.inert, ...inert] });
    };
    await injectSonde(page);
    await expect(card(page)).toBeVisible();
    await unchanged(true);
    // Through a couple of steps, which load more styles and controls: still nothing on the host.
    for (const id of EVERY_KIND.slice(0, 8)) {
      await expectStep(page, survey, id);
      await answerShownStep(page, id);
    }
    await unchanged(true);
    await card(page).locator("h2").click();
    await page.keyboard.press("Escape");
    await expect(prompt(page)).toHaveCount(0);
    await unchanged(false);
  });
}

test("under a strict CSP with Trusted Types required, every kind works and no violation is reported", async ({
  page,
  host,
  collector,
}) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} in ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      ),
    );
  });
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico"))
      consoleErrors.push(`${m.text()} ${m.location().url}`);
  });
  const survey = everyKind(uniqueId("csp"));
  await openSurveyPage(page, host, collector, [survey], {
    headers: { "content-security-policy": "default-src 'self'; require-trusted-types-for 'script'" },
  });
  for (const id of EVERY_KIND) {
    await expectStep(page, survey, id);
    await answerShownStep(page, id);
  }
  expect(await completedAnswers(collector, survey.id)).toEqual(EVERY_KIND_ANSWERS);
  const violations = () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
  expect(await violations()).toEqual([]);
  expect(consoleErrors).toEqual([]);
  // The policy is enforced and the listener hears it: a page's own innerHTML write is reported.
  await page.evaluate(() => {
    try {
      document.body.innerHTML = "<b>not trusted</b>";
    } catch {}
  });
  await expect.poll(violations).toHaveLength(1);
  expect((await violations())[0]).toContain("require-trusted-types-for");
});

const XSS = ['<img src=x onerror="window.pwned=1">', "<script>window.pwned=2</script>"];

test("survey text is text: markup in every field is shown literally and never runs", async ({
  page,
  host,
  collector,
}) => {
  const x = (i: number) => `${XSS[i % 2]} #${i}`;
  const survey: SurveyJson = {
    id: uniqueId("xss"),
    steps: [
      { kind: "nps", id: "nps", question: x(0), description: x(1), lowLabel: x(2), highLabel: x(3) },
      {
        kind: "gap",
        id: "gap",
        question: x(4),
        expectedLabel: x(5),
        experiencedLabel: x(6),
        lowLabel: x(7),
        highLabel: x(8),
      },
      { kind: "open", id: "open", question: x(9), placeholder: x(10) },
      { kind: "single", id: "single", question: x(11), choices: [{ id: "a", label: x(12) }] },
      {
        kind: "thanks",
        id: "thanks",
        question: x(13),
        description: x(14),
        link: { url: "https://example.com/", label: x(15) },
      },
    ],
  };
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await openSurveyPage(page, host, collector, [survey]);
  const shown = async (...ids: number[]) => {
    for (const i of ids) await expect(card(page).getByText(x(i), { exact: true }).first()).toBeVisible();
    expect(await card(page).locator("img, script, [onerror]").count()).toBe(0);
  };
  await shown(0, 1, 2, 3);
  await card(page).getByRole("radio").nth(5).click();
  await card(page).locator("button.go").click();
  await shown(4, 5, 6, 7, 8);
  await card(page).locator(".scale").nth(0).getByRole("radio").nth(1).click();
  await card(page).locator(".scale").nth(1).getByRole("radio").nth(1).click();
  await card(page).locator("button.go").click();
  await shown(9);
  await expect(card(page).locator("textarea")).toHaveAttribute("placeholder", x(10));
  await card(page).locator("textarea").fill(XSS[0]!);
  await card(page).locator("button.go").click();
  await shown(11, 12);
  await card(page).getByRole("radio").first().check();
  await card(page).locator("button.go").click();
  await shown(13, 14);
  await expect(card(page).getByRole("link", { name: `${x(15)} (opens in a new tab)` })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(await page.locator("img").count()).toBe(0);
  expect(dialogs).toBe(0);
  // What the person typed is stored as typed.
  expect((await completedAnswers(collector, survey.id)).open).toEqual({ kind: "open", value: XSS[0] });
});
