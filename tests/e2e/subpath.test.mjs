// The release build for a sub-path (/knockback/) served by the same static server:
// links, deep-link reloads and saving all work under the prefix.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, nav, addApplication, waitForSaved, untilServiceWorker } from "./helpers.mjs";

let env;
before(async () => { env = await launch({ dist: "target/dist-subpath", base: "/knockback/" }); });
after(async () => { await env?.close(); });

test("the app works under /knockback/, including a reload on a deep link", async (t) => {
  const ctx = await env.context();
  t.after(() => ctx.close());
  const page = await ctx.newPage();
  assert.match(env.url, /\/knockback\/$/);

  await open(page, env.url);
  const href = await nav(page, "Applications").getAttribute("href");
  assert.equal(href, "/knockback/applications");

  await addApplication(page, { company: "Subpath Inc", role: "People Partner" });
  assert.match(page.url(), /\/knockback\/applications\/[0-9a-f-]{36}$/);
  await waitForSaved(page, (env) => env.data.applications.length === 1);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: /Subpath Inc/ }).waitFor();

  await nav(page, "Applications").click();
  assert.match(page.url(), /\/knockback\/applications$/);
  await page.getByRole("link", { name: /Subpath Inc/ }).waitFor();
});

test("offline under /knockback/ after one visit, with the pages whose code loads on demand", async (t) => {
  const ctx = await env.context();
  t.after(() => ctx.close());
  const page = await ctx.newPage();
  await open(page, env.url);
  await untilServiceWorker(page);
  await ctx.setOffline(true);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
  for (const [link, heading] of [["Backup & settings", "Backup & settings"], ["Reflect", "Reflect on a rejection"], ["Insights", "Insights"]]) {
    await nav(page, link).click();
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    assert.match(page.url(), /\/knockback\//);
  }
  // A deep link to the form, its own piece, from the cache.
  await page.goto(new URL("applications/new", env.url).href);
  await page.getByRole("button", { name: "Save application" }).waitFor();
  await ctx.setOffline(false);
});
