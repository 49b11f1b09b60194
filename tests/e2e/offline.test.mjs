// Offline and private: after one visit the app loads with the network off; it makes no
// request beyond its own files; the Content-Security-Policy holds with zero violations.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, nav, addApplication, waitForSaved, untilServiceWorker, ENGINES } from "./helpers.mjs";

for (const engine of ENGINES) describe(engine, () => {
  let env;
  before(async () => { env = await launch({ engine }); });
  after(async () => { await env?.close(); });
  const chromiumOnly = engine === "chromium" ? test : () => {};

  /** Records CSP violations from the first script on, in every page of the context. */
  async function watchCsp(ctx) {
    await ctx.addInitScript(() => {
      window.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  }

  test("after one visit the app opens and works with no network at all", async (t) => {
    const ctx = await env.context();
    t.after(() => ctx.close());
    const page = await ctx.newPage();
    await open(page, env.url);
    await untilServiceWorker(page);
    await ctx.setOffline(true);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    await addApplication(page, { company: "Offline Ltd", role: "Planner" });
    await waitForSaved(page, (env) => env.data.applications.length === 1);
    // A deep link straight from the cache, too.
    await page.goto(new URL("applications", env.url).href);
    await page.getByRole("link", { name: /Offline Ltd/ }).waitFor();
    // The pages whose code loads on demand, never opened while online: the worker
    // copied every piece after the first visit.
    for (const [link, heading] of [["Backup & settings", "Backup & settings"], ["Reflect", "Reflect on a rejection"], ["Insights", "Insights"]]) {
      await nav(page, link).click();
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    }
    assert.equal(await page.getByText("Part of Knockback could not be fetched").count(), 0);
    await ctx.setOffline(false);
  });

  chromiumOnly("no request leaves the app's own files, and the CSP holds with zero violations", async (t) => {
    const ctx = await env.context();
    t.after(() => ctx.close());
    await watchCsp(ctx);
    const origin = new URL(env.url).origin;
    const requests = [];
    ctx.on("request", (r) => requests.push(r.url()));
    const page = await ctx.newPage();
    const consoleCsp = [];
    page.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text()); });

    const csp = await (await fetch(env.url)).text();
    assert.match(csp, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'; style-src 'self';[^"]*connect-src 'self';[^"]*base-uri 'none'; form-action 'none'">/);

    // Use every page, with data.
    await open(page, env.url);
    await page.getByRole("button", { name: "Try with sample data" }).click();
    for (const link of ["Applications", "Reflect", "Insights", "Backup & settings", "Dashboard"]) {
      await nav(page, link).click();
      await page.getByRole("heading", { level: 1 }).waitFor();
    }
    await nav(page, "Applications").click();
    await page.getByRole("navigation", { name: "Which applications" }).getByRole("link", { name: "Closed" }).click();
    await page.getByRole("link", { name: /Northwind Traders/ }).click();
    await page.getByRole("link", { name: "Reflect on this rejection" }).click();
    await page.getByText("Step 1 of 5").waitFor();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText("Step 2 of 5").waitFor();
    await page.reload();
    await page.getByText("Step 2 of 5").waitFor();

    const foreign = requests.filter((u) => !u.startsWith(origin + "/") && !u.startsWith("blob:") && !u.startsWith("data:"));
    assert.deepEqual(foreign, [], "every request goes to the app's own origin");
    assert.ok(requests.length > 0);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], "no CSP violations");
    assert.deepEqual(consoleCsp, [], "no CSP messages in the console");
  });

  chromiumOnly("a new release replaces the cached one cleanly", async (t) => {
    // Serve a copy of the build, then change it as a new release would.
    const { cpSync, mkdtempSync, readFileSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { ROOT } = await import("./helpers.mjs");
    const copy = mkdtempSync(join(tmpdir(), "kb-release-"));
    cpSync(join(ROOT, "dist"), copy, { recursive: true });
    const release = await launch({ dist: copy });
    t.after(() => release.close());
    const ctx = await release.context();
    const page = await ctx.newPage();
    await open(page, release.url);
    const cacheNames = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("knockback-")));
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const first = await cacheNames();
    assert.equal(first.length, 1);

    const sw = join(copy, "sw.js");
    writeFileSync(sw, readFileSync(sw, "utf8").replace(/const BUILD = "[^"]+"/, 'const BUILD = "release2"'));
    const index = join(copy, "index.html");
    writeFileSync(index, readFileSync(index, "utf8").replace("<title>Knockback</title>", '<title>Knockback</title>\n  <meta name="knockback-release" content="2">'));

    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    // Polled from here: the new worker installs, activates and deletes the old cache.
    for (let i = 0; ; i++) {
      const names = await cacheNames();
      if (names.length === 1 && names[0] === "knockback-release2") break;
      assert.ok(i < 200, `caches never settled: ${names}`);
      await page.waitForTimeout(50);
    }
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === "activated");
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    assert.equal(await page.locator('meta[name="knockback-release"]').getAttribute("content"), "2", "the new release is served");
    assert.deepEqual(await cacheNames(), ["knockback-release2"], "the old cache is gone");
    await ctx.setOffline(true);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    assert.equal(await page.locator('meta[name="knockback-release"]').getAttribute("content"), "2", "offline serves the new release");
  });
});
