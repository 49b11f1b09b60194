// Safari's 7-day deletion: WebKit browsers get a plain, one-time, dismissible notice with
// the two remedies; an installed (Home Screen) app says it is protected; other engines
// see nothing; every engine shows what the browser says about keeping the data.
// In Chromium the WebKit user agent is emulated and standalone mode injected.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshPage, launch, open, nav, download, getItem, setItem, addApplication, waitForSaved, putNotebook, DATA_KEY, ENGINES } from "./helpers.mjs";

// The emulated tests below run in Chromium; these run in the real engines.
for (const engine of ENGINES.filter((e) => e !== "chromium")) describe(engine, () => {
  let env;
  before(async () => { env = await launch({ engine }); });
  after(async () => { await env?.close(); });

  test(`real ${engine}: the notice only where data can be deleted; the storage panel says what the browser answered`, async (t) => {
    const { page } = await freshPage(env, t, { path: "" });
    const webkit = engine === "webkit";
    const notice = page.getByRole("region", { name: NOTICE });
    if (webkit) {
      await notice.getByText(/haven't opened it for 7 days/).waitFor();
      await notice.getByRole("button", { name: "Got it" }).click();
      await notice.waitFor({ state: "detached" });
      assert.equal(await getItem(page, "knockback:pref:eviction-notice-dismissed"), "true");
    } else {
      await nav(page, "Dashboard").waitFor();
      assert.equal(await notice.count(), 0, "Firefox does not delete data after 7 days");
    }
    await nav(page, "Backup & settings").click();
    const storage = page.getByRole("region", { name: "Storage" });
    // WebKit has no navigator.storage: the panel says the browser can't say.
    await storage.getByRole("status").filter({ hasText: webkit ? /doesn't say/ : /Granted|Not promised/ }).waitFor();
    if (!webkit) return;
    await storage.getByText(/deletes a site's data after 7 days without a visit/).waitFor();
    // Opened from the Home Screen (standalone injected; the panel reads it when drawn).
    await page.evaluate(standalone);
    await nav(page, "Dashboard").click();
    await nav(page, "Backup & settings").click();
    await storage.getByText(/Opened from your Home Screen: Safari's 7-day deletion doesn't apply/).waitFor();
  });
});

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const NOTICE = "This browser may delete your notebook";

/** Makes `(display-mode: standalone)` match, as it does for an app opened from the Home Screen. */
function standalone() {
  const real = window.matchMedia.bind(window);
  window.matchMedia = (q) => (/display-mode:\s*standalone/.test(q)
    ? { matches: true, media: q, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false }
    : real(q));
}

test("WebKit in a tab: the notice once, with Home Screen steps and a backup; stricter nudge; persist() answer", async (t) => {
  const { page } = await freshPage(env, t, { context: { userAgent: SAFARI_IPHONE }, path: "" });
  const notice = page.getByRole("region", { name: NOTICE });
  await notice.waitFor();
  await notice.getByText(/deletes a website's saved data when you haven't opened it for 7 days/).waitFor();
  await notice.getByText(/tap the Share button, choose “Add to Home Screen”/).waitFor();
  const file = await download(page, () => notice.getByRole("button", { name: "Download a backup" }).click());
  assert.equal(JSON.parse(file.text).schema_version, 3, "the notice's backup is a real backup");

  await notice.getByRole("button", { name: "Got it" }).click();
  await notice.waitFor({ state: "detached" });
  assert.equal(await getItem(page, "knockback:pref:eviction-notice-dismissed"), "true", "a flag, no user text");
  await page.reload();
  await nav(page, "Dashboard").waitFor();
  assert.equal(await page.getByRole("region", { name: NOTICE }).count(), 0, "dismissed once, gone for good");

  // The backup nudge is due sooner here: a backup 6 days old is due (14 elsewhere).
  await addApplication(page, { company: "Nudge Ltd", role: "Analyst" });
  const saved = await waitForSaved(page, (e) => e.data.applications.length === 1);
  saved.data.meta = { last_backup_at: new Date(Date.now() - 6 * 86_400_000).toISOString(), changes_since_backup: 1 };
  await putNotebook(page, saved.data, saved.revision + 1);
  await page.reload();
  await nav(page, "Dashboard").click();
  await page.getByRole("region", { name: "Backup", exact: true }).getByText(/may delete a site's data after 7 days without a visit/).waitFor();

  await nav(page, "Backup & settings").click();
  const storage = page.getByRole("region", { name: "Storage" });
  await storage.getByText(/deletes a site's data after 7 days without a visit/).waitFor();
  await storage.getByRole("status").filter({ hasText: /Granted|Not promised|doesn't say/ }).waitFor();
});

test("WebKit from the Home Screen: no notice, and the storage panel says it is protected", async (t) => {
  const ctx = await env.context({ userAgent: SAFARI_IPHONE });
  t.after(() => ctx.close());
  await ctx.addInitScript(standalone);
  const page = await ctx.newPage();
  await open(page, env.url, "settings");
  await page.getByRole("region", { name: "Storage" }).getByText(/Opened from your Home Screen: Safari's 7-day deletion doesn't apply/).waitFor();
  assert.equal(await page.getByRole("region", { name: NOTICE }).count(), 0);
});

test("other engines: no notice, and the same 6-day-old backup is not yet due", async (t) => {
  const { page } = await freshPage(env, t, { path: "" });
  await addApplication(page, { company: "Calm Ltd", role: "Analyst" });
  const saved = await waitForSaved(page, (e) => e.data.applications.length === 1);
  saved.data.meta = { last_backup_at: new Date(Date.now() - 6 * 86_400_000).toISOString(), changes_since_backup: 1 };
  await putNotebook(page, saved.data, saved.revision + 1);
  await page.reload();
  await nav(page, "Dashboard").click();
  const backup = page.getByRole("region", { name: "Backup", exact: true });
  await backup.getByText(/^Last backup: .*1 change since then\.$/).waitFor();
  assert.equal(await page.getByRole("region", { name: NOTICE }).count(), 0);
});

test("the persist() answer is shown, before and after asking", async (t) => {
  const { page } = await freshPage(env, t, { path: "settings" });
  const storage = page.getByRole("region", { name: "Storage" });
  await storage.getByRole("status").filter({ hasText: /Granted|Not promised|doesn't say/ }).waitFor();
  await storage.getByRole("button", { name: "Ask the browser to keep my data" }).click();
  await storage.getByRole("status").filter({ hasText: /Granted|Not granted|doesn't say/ }).waitFor();
  assert.equal(await page.getByRole("region", { name: NOTICE }).count(), 0);
  assert.equal(await storage.getByText(/7 days/).count(), 0);
});
