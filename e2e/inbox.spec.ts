import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { type CollectorProcess, repoRoot, spawnCollector } from "./support/collector.js";
import { expect, prompt, test } from "./support/fixtures.js";
import { hostPage } from "./support/host.js";

// The loop closed in a browser: a detractor answers on the host page, the alert's webhook reaches a
// receiver, its link opens the answer in the console's inbox, a teammate marks it contacted, and the
// results page counts the detractor as followed up.

const READ_KEY = "rk_e2e_inbox_5d2a";
// `UPDATE_SCREENSHOTS=1` also takes the README's pictures of the inbox along the way.
async function shoot(page: Page, name: string) {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await page.evaluate(() => {
    scrollTo(0, 0);
    document.querySelector(".detail")?.scrollTo(0, 0);
  });
  await page.screenshot({ path: join(repoRoot, "demo/screenshots", name), fullPage: true });
}
const SECRET = `whsec_${Buffer.from("sonde-e2e-inbox-signing-secret-32").toString("base64")}`;
const SURVEY = "nps-loop";

interface Delivery {
  headers: IncomingHttpHeaders;
  body: { data: { link: string; response: { id: string } } };
}

let receiver: Server;
let receiverUrl: string;
const deliveries: Delivery[] = [];
let collector: CollectorProcess;

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    let text = "";
    req.on("data", (c: Buffer) => (text += c));
    req.on("end", () => {
      deliveries.push({ headers: req.headers, body: JSON.parse(text) as Delivery["body"] });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/sonde`;
  const surveys = join(mkdtempSync(join(tmpdir(), "sonde-e2e-inbox-")), "surveys.json");
  writeFileSync(
    surveys,
    JSON.stringify({
      surveys: [
        {
          id: SURVEY,
          name: "NPS in the account",
          steps: [
            { kind: "nps", id: "score", question: "How likely are you to recommend Lumen?" },
            { kind: "open", id: "reason", question: "What is the main reason for your score?", required: false },
          ],
          rules: { triggers: [{ type: "pageview", url: [{ match: "exact", value: "/account" }] }] },
          alerts: [
            {
              id: "detractors",
              when: [{ type: "nps", category: "detractor" }],
              webhook: { url: receiverUrl },
            },
          ],
        },
      ],
    }),
  );
  collector = await spawnCollector({
    surveys,
    args: ["--read-key", READ_KEY, "--webhook-secret", SECRET, "--webhook-allow-private", "--alert-settle", "1"],
  });
});

test.afterAll(async () => {
  await collector?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

test("a detractor's answer reaches the webhook, opens in the inbox, is followed up, and results count it", async ({
  page,
  host,
}) => {
  // A whole journey through two pages and two axe runs: ~20 s alone, more on a loaded machine.
  test.setTimeout(90_000);
  // The person answers 2 and says why, on the host page.
  await page.goto(
    host.page("/account", {
      html: hostPage({ endpoint: `${collector.url}/v1/responses`, "surveys-url": `${collector.url}/v1/surveys` }),
    }),
  );
  const dialog = prompt(page).getByRole("dialog");
  await dialog.getByRole("radio", { name: "2", exact: true }).click();
  await dialog.getByRole("button", { name: "Next" }).click();
  await dialog.getByRole("textbox").fill("Exports keep timing out for our team");
  await dialog.getByRole("button", { name: "Submit" }).click();
  await expect.poll(() => collector.rowCount(SURVEY)).toBe(1);

  // The alert's webhook arrives, signed, with a link to the answer in the console.
  await expect.poll(() => deliveries.length, { timeout: 20_000 }).toBeGreaterThan(0);
  const [hook] = deliveries;
  expect(hook!.headers["webhook-signature"]).toMatch(/^v1,/);
  const link = hook!.body.data.link;
  expect(link).toBe(`${collector.url}/console/#/responses/${hook!.body.data.response.id}`);

  // The link opens the answer in the inbox, once the read key is given.
  await page.goto(link);
  await page.getByLabel("Read key").fill(READ_KEY);
  await page.getByRole("button", { name: "Show results" }).click();
  const detail = page.getByTestId("inbox-detail");
  await expect(detail).toContainText("Exports keep timing out for our team");
  await expect(detail).toContainText("How likely are you to recommend Lumen?");
  await expect(page.getByTestId("inbox-item")).toHaveCount(1);
  await expect(page.getByTestId("inbox-item").getByTestId("status")).toHaveText("New");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // A teammate records the follow-up, by keyboard.
  await detail.getByRole("radio", { name: "Contacted" }).check();
  await detail.getByLabel("Note (what was done, what was said)").fill("Called them; export fix ships Monday");
  await detail.getByRole("button", { name: "Save follow-up" }).press("Enter");
  await expect(detail.getByRole("status")).toHaveText("Saved.");
  await expect(detail.getByTestId("history")).toContainText("Called them; export fix ships Monday");
  await expect(page.getByTestId("inbox-item").getByTestId("status")).toHaveText("Contacted");
  await shoot(page, "console-inbox.png");

  // The inbox narrows to what still waits: nothing new is left.
  await page.getByTestId("status-filter").selectOption("new");
  await expect(page.getByText("No answers match.")).toBeVisible();

  // The results page counts the detractor as followed up.
  await page.getByRole("button", { name: "Results", exact: true }).click();
  await expect(page.getByTestId("followed-up")).toHaveText("1 of 1 followed up (100%)");
  await expect(page.getByTestId("open-follow-ups")).toHaveText("1 contacted, not yet resolved");
  await expect(page.getByTestId("median-to-first")).toContainText("to the first follow-up");
  await shoot(page, "console-follow-ups.png");

  // On a 390 px phone the inbox and an answer fit: no sideways scrolling, nothing axe objects to.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Inbox", exact: true }).click();
  await page.getByTestId("status-filter").selectOption("");
  await page.getByTestId("inbox-item").click();
  await expect(page.getByTestId("inbox-detail")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shoot(page, "console-inbox-390.png");
  const phone = await new AxeBuilder({ page }).analyze();
  expect(phone.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
