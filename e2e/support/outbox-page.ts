import type { Page } from "@playwright/test";
import { expect, prompt } from "./fixtures.js";

/** Answers the demo NPS survey with `score` and waits for its thanks step (the answer is stored by then). */
export async function answerNps(page: Page, score: number): Promise<void> {
  await expect(prompt(page).getByRole("dialog")).toBeVisible();
  await prompt(page)
    .getByRole("radio", { name: String(score), exact: true })
    .click();
  await prompt(page).getByRole("button", { name: "Submit" }).click();
  await expect(prompt(page).getByText("Thank you — that helps us a lot.")).toBeVisible();
}

/** The keys in one of Sonde's IndexedDB stores on the page's origin (`[]` if it does not exist). */
export function storeKeys(page: Page, db: string, store = "responses"): Promise<string[]> {
  return page.evaluate(
    ([db, store]) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open(db);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const conn = open.result;
          if (!conn.objectStoreNames.contains(store)) {
            conn.close();
            return resolve([]);
          }
          const req = conn.transaction(store).objectStore(store).getAllKeys();
          req.onsuccess = () => {
            conn.close();
            resolve(req.result.map(String).sort());
          };
          req.onerror = () => reject(req.error);
        };
      }),
    [db, store] as const,
  );
}

/** Writes records straight into the widget's outbox store, as an earlier visit (or a bug) would have left them. */
export function plantInOutbox(page: Page, records: [string, unknown][]): Promise<void> {
  return page.evaluate(
    (records) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("sonde-outbox");
        // The same shape idb-keyval creates: one object store with out-of-line keys.
        open.onupgradeneeded = () => open.result.createObjectStore("responses");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("responses", "readwrite");
          for (const [key, value] of records) tx.objectStore("responses").put(value, key);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}
