// Pages whose code loads on demand (Settings, the reflection pages, Insights, an
// application's page and form, a company's page), in every engine: a piece that can't be
// fetched is reported, with a way to try again, and the rest of the app goes on working;
// by keyboard, focus lands on the page's heading once its piece has arrived.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshPage, launch, open, nav, stored, tabTo, waitForSaved, ENGINES } from "./helpers.mjs";

for (const engine of ENGINES) describe(engine, () => {
  let env;
  before(async () => { env = await launch({ engine }); });
  after(async () => { await env?.close(); });

  test("a page whose code can't be fetched says so, the rest works, and Try again opens it", async (t) => {
    // From the first request on, so the service worker can't copy the piece either.
    env.served.setOutage((path) => /\/split_settings\.wasm$/.test(path));
    t.after(() => env.served.setOutage(null));
    const { page } = await freshPage(env, t);
    await open(page, env.url);
    await page.getByRole("button", { name: "Try with sample data" }).click();
    await page.getByText(/\d+ in total/).waitFor();
    const before = await waitForSaved(page, (s) => s.data.applications.length > 0);

    await nav(page, "Backup & settings").click();
    const alert = page.getByRole("alert").filter({ hasText: "Part of Knockback could not be fetched" });
    await alert.waitFor();
    await page.getByRole("heading", { level: 1, name: "This page didn't load" }).waitFor();
    assert.equal(await page.getByRole("heading", { level: 1, name: "Backup & settings" }).count(), 0);

    // Everything else still works: another page, and its own piece.
    await nav(page, "Insights").click();
    await page.getByRole("heading", { level: 1, name: "Insights" }).waitFor();
    await nav(page, "Backup & settings").click();
    await alert.waitFor();

    // The line is back: the same page, without a reload.
    env.served.setOutage(null);
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("heading", { level: 1, name: "Backup & settings" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Privacy" }).waitFor();
    assert.equal(await alert.count(), 0, "the message is gone");
    assert.deepEqual((await stored(page)).data, before.data, "the notebook is untouched");
  });

  test("by keyboard, focus lands on the heading of a page whose code arrives on demand", async (t) => {
    const { page } = await freshPage(env, t);
    await open(page, env.url);
    for (const [link, heading] of [["Insights", "Insights"], ["Reflect", "Reflect on a rejection"], ["Backup & settings", "Backup & settings"]]) {
      await tabTo(page, nav(page, link));
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await page.waitForFunction((h) => document.activeElement?.tagName === "H1" && document.activeElement.textContent === h, heading);
    }
  });
});
