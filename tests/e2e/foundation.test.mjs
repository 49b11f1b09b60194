// The foundation, end to end in real headless Chromium against the release build:
// adding and reloading, unreadable and future data kept byte for byte, a full quota,
// two tabs, deep links and the back button, a sub-path, and the static shell.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  freshPage, launch, open, nav, addApplication, download, getItem, setItem, stored, waitForSaved, putNotebook, partKeys,
  DATA_KEY, QUARANTINE_PREFIX, ENGINES,
} from "./helpers.mjs";

for (const engine of ENGINES) describe(engine, () => {
  let env;
  before(async () => { env = await launch({ engine }); });
  after(async () => { await env?.close(); });
  const chromiumOnly = engine === "chromium" ? test : () => {};

  test("add an application through the form, reload, and it is still there", async (t) => {
    const { page } = await freshPage(env, t);
    await open(page, env.url);
    await page.getByRole("link", { name: "Add your first application" }).click();
    await page.getByLabel("Company").fill("Globex ✨");
    await page.getByLabel("Role").fill("Talent Acquisition Lead");
    await page.getByLabel("Date applied").fill("2026-01-15");
    await page.getByLabel("Tags").fill("remote, hr");
    await page.getByRole("button", { name: "Save application" }).click();

    await page.getByRole("heading", { level: 1, name: /Globex ✨/ }).waitFor();
    await waitForSaved(page, (env) => env.data.applications.length === 1);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: /Globex ✨/ }).waitFor();
    await nav(page, "Applications").click();
    await page.getByRole("link", { name: /Globex ✨/ }).waitFor();

    const env1 = await stored(page);
    assert.equal(env1.schema_version, 4, "the notebook in parts");
    for (const key of partKeys(env1)) assert.match(await getItem(page, key), /^[\u2020-\u7f7f]+$/, `part ${key} kept packed`);
    assert.equal(env1.data.applications[0].company, "Globex ✨");
    assert.deepEqual(env1.data.applications[0].tags, ["remote", "hr"]);
    assert.equal(env1.data.applications[0].applied_on, "2026-01-15");
  });

  chromiumOnly("invalid input shows messages beside the fields and keeps what was typed", async (t) => {
    const { page } = await freshPage(env, t);
    await open(page, env.url, "applications/new");
    await page.getByLabel("Role").fill("Recruiter");
    await page.getByLabel("Job ad link").fill("javascript:alert(1)");
    await page.getByRole("button", { name: "Save application" }).click();

    const company = page.getByLabel("Company");
    await assert.doesNotReject(company.and(page.locator(":focus")).waitFor(), "focus moves to the first bad field");
    assert.equal(await company.getAttribute("aria-invalid"), "true");
    await page.getByText("Enter the company name.").waitFor();
    await page.getByText("Enter a web address starting with https:// or http://.").waitFor();
    assert.equal(await page.getByLabel("Role").inputValue(), "Recruiter");
    assert.equal(await getItem(page, DATA_KEY), null, "nothing was saved");

    await company.fill("Initech");
    await page.getByLabel("Job ad link").fill("https://initech.example/jobs/1");
    await page.getByRole("button", { name: "Save application" }).click();
    await page.getByRole("heading", { level: 1, name: /Initech/ }).waitFor();
  });

  chromiumOnly("a back-dated stage change lands in the timeline in date order", async (t) => {
    const { page } = await freshPage(env, t);
    await open(page, env.url);
    await addApplication(page, { company: "Umbrella", role: "HR Advisor", applied: "2026-01-05" });
    await page.getByLabel("New stage").selectOption({ label: "Rejected" });
    await page.getByLabel("Date of the change").fill("2026-02-01");
    await page.getByRole("button", { name: "Record change" }).click();
    await page.getByLabel("New stage").selectOption({ label: "Interviewing" });
    await page.getByLabel("Date of the change").fill("2026-01-20");
    await page.getByRole("button", { name: "Record change" }).click();
    await page.getByLabel("Date of the change").fill("2999-01-01");
    await page.getByRole("button", { name: "Record change" }).click();
    await page.getByText("A change can't be dated in the future.").waitFor();

    const items = page.getByRole("list").filter({ has: page.locator("time") }).getByRole("listitem");
    await page.waitForFunction(() => document.querySelectorAll(".timeline li").length === 3);
    const texts = await items.allInnerTexts();
    assert.match(texts[0], /Applied/);
    assert.match(texts[1], /Interviewing/);
    assert.match(texts[2], /Rejected/);
    await waitForSaved(page, (env) => env.data.applications[0].history.length === 3);
    await page.reload();
    await page.getByText("Rejected").first().waitFor();
  });

  for (const [name, raw, expectText] of [
    ["corrupt (not JSON) data", '{"schema_version":1,"data":{"applications":[{"company":"Ac', /not valid JSON/],
    [
      "data from a newer version",
      JSON.stringify({ schema_version: 99, saved_at: "2030-01-01T00:00:00Z", revision: 4, data: { applications: [{ future: "🚀 field" }] } }),
      /newer Knockback/,
    ],
  ]) {
    test(`${name} is kept byte for byte, read-only, with a banner and a download`, async (t) => {
      const { page } = await freshPage(env, t);
      await open(page, env.url);
      await setItem(page, DATA_KEY, raw);
      await page.reload();

      const banner = page.getByRole("alert").filter({ hasText: "Your saved notebook can't be opened" });
      await banner.waitFor();
      await banner.getByText(expectText).waitFor();

      // Try to change something: the form is disabled, so nothing can overwrite the data.
      await nav(page, "Applications").click();
      await page.getByRole("link", { name: "Add application" }).click();
      assert.equal(await page.getByRole("button", { name: "Save application" }).isDisabled(), true);
      await page.waitForTimeout(600); // longer than the save debounce
      assert.equal(await getItem(page, DATA_KEY), raw, "the stored text is untouched");

      const keys = await page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), QUARANTINE_PREFIX);
      assert.equal(keys.length, 1, "one quarantine copy");
      assert.equal(await getItem(page, keys[0]), raw, "the quarantine copy is exact");

      const file = await download(page, () => banner.getByRole("button", { name: "Download the saved data" }).click());
      assert.equal(file.text, raw, "the download is the raw text");

      await page.reload();
      await banner.waitFor();
      const again = await page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), QUARANTINE_PREFIX);
      assert.equal(again.length, 1, "a reload does not copy it twice");
      assert.equal(await getItem(page, DATA_KEY), raw);

      // The user may start over; the set-aside copy stays and is listed in settings.
      await banner.getByRole("button", { name: /Start a new notebook/ }).click();
      await addApplication(page, { company: "Fresh Start", role: "Coordinator" });
      await waitForSaved(page, (env) => env.data.applications.length === 1);
      assert.equal(await getItem(page, keys[0]), raw, "the copy survives a fresh start");
      await open(page, env.url, "settings");
      await page.getByRole("heading", { name: "Set-aside copies" }).waitFor();
    });
  }

  test("a full quota shows an error, keeps everything on screen, and saves once space is freed", async (t) => {
    const { page } = await freshPage(env, t);
    await open(page, env.url);
    await addApplication(page, { company: "First Co", role: "Recruiter" });
    await waitForSaved(page, (env) => env.data.applications.length === 1);
    const before = await getItem(page, DATA_KEY);

    // Fill the origin's storage for real until the browser refuses even one more
    // character, and check that it refused the standard way.
    const filled = await page.evaluate(() => {
      let i = 0;
      let refusal = null;
      for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
        const chunk = "x".repeat(size);
        for (;;) {
          try { localStorage.setItem(`junk:${i++}`, chunk); } catch (e) { refusal = `${e.name} ${e.code}`; break; }
        }
      }
      return { items: i, refusal };
    });
    assert.ok(filled.items > 5, "several chunks went in before the quota");
    assert.equal(filled.refusal, "QuotaExceededError 22", "the browser refuses with QuotaExceededError");

    await addApplication(page, { company: "Second Co", role: "Sourcer" });
    const banner = page.getByRole("alert").filter({ hasText: "Your latest changes are not saved" });
    await banner.waitFor();
    await banner.getByText("storage for this site is full").waitFor();
    assert.equal(await getItem(page, DATA_KEY), before, "the stored copy is intact");

    await nav(page, "Applications").click();
    await page.getByRole("link", { name: /Second Co/ }).waitFor();
    const file = await download(page, () => banner.getByRole("button", { name: "Download your data" }).click());
    assert.match(file.name, /^knockback-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const companies = JSON.parse(file.text).data.applications.map((a) => a.company).sort();
    assert.deepEqual(companies, ["First Co", "Second Co"], "the download holds the unsaved change");

    // The download records the backup's date, a change saved 250 ms later. Let that
    // save meet the full storage too (the banner stays), or it would race the freeing
    // below and, landing after it, clear the banner before "Try saving again".
    await page.waitForTimeout(600);
    await banner.waitFor();
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("junk:")).forEach((k) => localStorage.removeItem(k)));
    await banner.getByRole("button", { name: "Try saving again" }).click();
    await banner.waitFor({ state: "detached" });
    await page.reload();
    await page.getByRole("link", { name: /Second Co/ }).waitFor();
    await page.getByRole("link", { name: /First Co/ }).waitFor();
  });

  test("two tabs: an edit in one appears in the other, and a stale tab never overwrites", async (t) => {
    const { ctx, page: a } = await freshPage(env, t);
    const b = await ctx.newPage();
    await open(a, env.url, "applications");
    await open(b, env.url, "applications");

    await addApplication(a, { company: "Tab One Ltd", role: "HR Officer" });
    await b.getByRole("link", { name: /Tab One Ltd/ }).waitFor();
    await b.getByText("Updated with changes made in another tab.").waitFor();

    // Simulate a save this tab never heard about (storage events only reach other tabs),
    // then edit in the stale tab: its save must refuse and show the newer data.
    const newer = await stored(b);
    newer.data.applications[0].company = "Renamed Elsewhere";
    const newerRaw = await putNotebook(b, newer.data, newer.revision + 5);
    await addApplication(b, { company: "Stale Edit", role: "Assistant" });
    const banner = b.getByRole("alert").filter({ hasText: "Another tab saved newer changes" });
    await banner.waitFor();
    assert.equal(await getItem(b, DATA_KEY), newerRaw, "the newer save was not overwritten");
    const lost = await download(b, () => banner.getByRole("button", { name: "Download my unsaved edit" }).click());
    assert.match(lost.text, /Stale Edit/, "the stale tab's edit is offered, not lost");
    await open(b, env.url, "applications");
    await b.getByRole("link", { name: /Renamed Elsewhere/ }).waitFor();
  });

  test("deep links load directly and the back button walks the history", async (t) => {
    const { page } = await freshPage(env, t);
    await open(page, env.url, "applications/new");
    await page.getByRole("heading", { level: 1, name: "Add an application" }).waitFor();
    await open(page, env.url, "no/such/page");
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    await open(page, env.url, "applications/not-a-real-id");
    await page.getByRole("heading", { level: 1, name: "Application not found" }).waitFor();

    await open(page, env.url);
    for (const [link, heading] of [["Applications", "Applications"], ["Insights", "Insights"], ["Backup & settings", "Backup & settings"]]) {
      await nav(page, link).click();
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    }
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Insights" }).waitFor();
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Applications" }).waitFor();
    await page.goForward();
    await page.getByRole("heading", { level: 1, name: "Insights" }).waitFor();
    assert.match(await page.title(), /Insights · Knockback/);
  });

  chromiumOnly("the static shell explains itself when JavaScript is off", async (t) => {
    // Chromium's own setting (not script emulation), so <noscript> renders as for a user.
    const browser = await env.browserWith(["--blink-settings=scriptEnabled=false"]);
    t.after(() => browser.close());
    const page = await browser.newPage();
    await page.goto(env.url);
    // Playwright's locators need page scripts, so read what a screen reader gets instead:
    // the accessibility tree holds only what is actually rendered.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const text = nodes.filter((n) => !n.ignored).map((n) => n.name?.value ?? "").join("\n");
    assert.match(text, /Knockback needs JavaScript/);
    assert.match(text, /Please turn on JavaScript/);
    assert.doesNotMatch(text, /Opening your notebook/, "no endless loading line");
  });

  chromiumOnly("the static shell explains itself when WebAssembly is unavailable", async (t) => {
    const { page } = await freshPage(env, t);
    await page.addInitScript(() => { delete globalThis.WebAssembly; });
    page.removeAllListeners("pageerror"); // the loader's own failure is expected here
    await page.goto(env.url);
    await page.getByText("This browser can't run Knockback").waitFor();
  });
});
