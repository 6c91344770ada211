import { card, completedAnswers, openSurveyPage, type SurveyJson, uniqueId } from "./support/prompts.js";
import { expect, prompt, test } from "./support/ui-test.js";

// A host page that has changed the built-ins before Sonde loads, as old libraries and polluted
// pages do: an enumerable value and an enumerable getter on Object.prototype (which a for…in over
// inherited keys would meet, and a getter that throws would break), and Array.prototype tampered
// with — enumerable methods added, `map` and `forEach` replaced, and a Prototype.js-style `toJSON`
// that turns arrays into strings when serialised.
const HOSTILE = `<script>
window.__errors = [];
addEventListener("error", (e) => __errors.push(String(e.message)));
addEventListener("unhandledrejection", (e) => __errors.push(String(e.reason)));
Object.prototype.x = "y";
Object.defineProperty(Object.prototype, "polluted", { enumerable: true, configurable: true, get() { return "from a getter"; } });
Array.prototype.each = function (f) { for (var i = 0; i < this.length; i++) f(this[i], i); };
Array.prototype.toJSON = function () { return "[" + this.join(",") + "]"; };
var map = Array.prototype.map, forEach = Array.prototype.forEach;
Array.prototype.map = function () { return map.apply(this, arguments); };
Array.prototype.forEach = function () { return forEach.apply(this, arguments); };
</script>`;

test("on a page with polluted Object.prototype and tampered Array.prototype, a prompt is answered end to end and nothing is thrown", async ({
  page,
  host,
  collector,
}) => {
  const thrown: string[] = [];
  page.on("pageerror", (e) => thrown.push(String(e)));
  const id = uniqueId("hostile");
  const survey: SurveyJson = {
    id,
    steps: [
      { kind: "nps", id: "score", question: "How likely are you to recommend us?" },
      {
        kind: "multiple",
        id: "use",
        question: "Which features do you use?",
        choices: [
          { id: "tags", label: "Tags" },
          { id: "search", label: "Search" },
        ],
      },
    ],
  };
  await openSurveyPage(page, host, collector, [survey], { head: HOSTILE });
  await expect(prompt(page).getByRole("dialog")).toBeVisible();
  expect(await page.evaluate(() => typeof (window as unknown as { sonde: unknown }).sonde)).toBe("function");
  await card(page).getByRole("radio", { name: "9" }).click();
  await card(page).locator("button.go").click();
  await card(page).getByRole("checkbox", { name: "Tags" }).check();
  await card(page).getByRole("checkbox", { name: "Search" }).check();
  await card(page).locator("button.go").click();
  await expect(prompt(page)).toHaveCount(0);
  // Arrays reach the collector as arrays, whatever the page's Array.prototype.toJSON says.
  expect(await completedAnswers(collector, id)).toEqual({
    score: { kind: "nps", value: 9 },
    use: { kind: "multiple", value: ["tags", "search"] },
  });
  expect(thrown).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).toEqual([]);
});

test("the JS API works on the same hostile page: commands, events and unknown commands", async ({
  page,
  host,
  collector,
}) => {
  const thrown: string[] = [];
  page.on("pageerror", (e) => thrown.push(String(e)));
  const id = uniqueId("hostile-api");
  await openSurveyPage(
    page,
    host,
    collector,
    [
      {
        id,
        steps: [{ kind: "nps", id: "score", question: "How likely are you to recommend us?" }],
        rules: { triggers: [{ type: "event", name: "went" }] },
      },
    ],
    { head: HOSTILE },
  );
  await page.waitForFunction(() => (window as unknown as { sonde?: { loaded?: boolean } }).sonde?.loaded === true);
  const errors = await page.evaluate(() => {
    const sonde = (window as unknown as { sonde: (...a: unknown[]) => unknown }).sonde;
    const seen: string[] = [];
    const log = console.error;
    console.error = (...a: unknown[]) => void seen.push(a.join(" "));
    sonde("no-such-command");
    console.error = log;
    sonde("identify", "user-1", { plan: "team" });
    sonde("track", "went");
    return seen;
  });
  expect(errors.join("\n")).toContain('unknown command "no-such-command"');
  await expect(prompt(page).getByRole("dialog")).toBeVisible();
  await page.evaluate(() => (window as unknown as { sonde: (...a: unknown[]) => unknown }).sonde("dismiss"));
  await expect(prompt(page)).toHaveCount(0);
  expect(thrown).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).toEqual([]);
});
