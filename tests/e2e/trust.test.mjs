// Trust: the passphrase lock covers every copy the app keeps (scanned in every form the
// text could be read back from), every file the app downloads restores, and the backup
// status says what is true.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  freshPage, launch, open, nav, addApplication, download, getItem, setItem, stored, waitForSaved,
  assertNothingReadable, allStored, putNotebook, DATA_KEY, QUARANTINE_PREFIX, ROOT, ENGINES,
} from "./helpers.mjs";

for (const engine of ENGINES) describe(engine, () => {
  let env;
  before(async () => { env = await launch({ engine }); });
  after(async () => { await env?.close(); });

  const FIXTURE = readFileSync(join(ROOT, "tests/fixtures/schema-v1.json"), "utf8");
  const SAFETY_KEY = "knockback:safety-copy";
  const PASS = "correct horse battery staple";
  const NEW_PASS = "a brand new passphrase";

  const pick = (page, name, text) =>
    page.getByLabel("Choose a backup file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });

  /** A plain envelope such as an older build kept, holding one application. */
  const envelope = (company, extra = {}) => JSON.stringify({
    schema_version: 1, app_version: "0.0.9", saved_at: "2026-01-05T10:00:00.000Z", revision: 3,
    data: {
      applications: [{
        id: "0d3c8a52-1f7e-4b8e-9a51-7c2d3e4f5a6b", company, role: "Analyst", applied_on: "2026-01-02",
        history: [{ stage: "applied", on: "2026-01-02", recorded_at: "2026-01-02T09:00:00Z" }], created_at: "2026-01-02T09:00:00Z", updated_at: "2026-01-02T09:00:00Z",
      }],
    },
    ...extra,
  });

  /** Waits until `key` holds a sealed envelope (encryption is asynchronous). */
  async function sealedAt(page, key) {
    for (let i = 0; i < 200; i++) {
      const raw = await getItem(page, key);
      if (raw && raw.includes('"sealed"')) return JSON.parse(raw);
      await page.waitForTimeout(50);
    }
    assert.fail(`${key} was never sealed`);
  }

  /** Restores `file` (encrypted) into a fresh profile with `passphrase`; returns the preview. */
  async function restoreElsewhere(t, file, passphrase) {
    const { page } = await freshPage(env, t, { path: "settings" });
    await pick(page, file.name, file.text);
    if (passphrase) {
      await page.getByLabel("Backup passphrase").fill(passphrase);
      await page.getByRole("button", { name: "Open the backup" }).click();
    }
    const preview = page.getByRole("region", { name: "Backup preview" });
    await preview.waitFor();
    return { page, preview };
  }

  test("the lock seals the safety copy and set-aside copies, re-seals them with a new passphrase, and opens them when it comes off", async (t) => {
    const { page } = await freshPage(env, t, { path: "" });
    const secrets = ["Sécrétive Ltd", "Quarantined Corp", "Older Leftover Inc"];
    await addApplication(page, { company: secrets[0], role: "Talent Lead" });
    await waitForSaved(page, (e) => e.data?.applications.length === 1);
    // A set-aside copy holding readable data, as a build that could not open it left it.
    const setAsideKey = `${QUARANTINE_PREFIX}2026-01-05T10:00:00.000Z`;
    const setAside = envelope(secrets[1]);
    await setItem(page, setAsideKey, setAside);

    // A restore leaves the notebook as it was in the safety copy.
    await open(page, env.url, "settings");
    await pick(page, "old.json", FIXTURE);
    await page.getByRole("region", { name: "Backup preview" }).getByRole("button", { name: "Merge into my data" }).click();
    await page.getByText(/Merged\. Added 2 applications, 1 reflection and 1 company note\./).waitFor();
    assert.match(await getItem(page, SAFETY_KEY), /Sécrétive Ltd/, "the safety copy starts out readable (lock off)");

    // The lock panel says what it protects and what it can't, before and after.
    await page.getByLabel("New passphrase").fill(PASS);
    await page.getByLabel("Repeat the passphrase").fill(PASS);
    await page.getByRole("button", { name: "Lock with this passphrase" }).click();
    await page.getByRole("status").filter({ hasText: "Locked. Your notebook is now stored encrypted. 2 copies kept beside it were encrypted too." }).waitFor();
    await page.getByRole("heading", { name: "What the lock protects" }).waitFor();
    await page.getByText("The safety copy kept after a restore, and any set-aside copies").waitFor();
    await page.getByRole("heading", { name: "What it can't protect" }).waitFor();
    await page.getByText(/Files you download unencrypted: a plain backup, a spreadsheet \(CSV\)/).waitFor();

    const data = await sealedAt(page, DATA_KEY);
    const safety = await sealedAt(page, SAFETY_KEY);
    const aside = await sealedAt(page, setAsideKey);
    assert.equal(safety.sealed.holds, "file");
    assert.equal(aside.sealed.holds, "file");
    assert.equal(safety.sealed.salt, data.sealed.salt, "sealed with the lock's key");
    await assertNothingReadable(page, secrets.slice(0, 2), "after locking");

    // An older version left a plain copy beside the locked notebook: unlocking seals it.
    await setItem(page, SAFETY_KEY, envelope(secrets[2]));
    await page.reload();
    await page.getByLabel("Passphrase").fill(PASS);
    await page.getByRole("button", { name: "Unlock" }).click();
    await page.getByText("1 copy kept beside it was now encrypted too.").waitFor();
    await sealedAt(page, SAFETY_KEY);
    await assertNothingReadable(page, secrets, "after unlocking");

    // Change the passphrase: the current one is checked; then nothing opens with the old.
    await nav(page, "Backup & settings").click();
    const change = page.getByRole("form", { name: "Change the passphrase" });
    await change.getByLabel("Current passphrase").fill("not my passphrase");
    await change.getByLabel("New passphrase", { exact: true }).fill(NEW_PASS);
    await change.getByLabel("Repeat the new passphrase").fill(NEW_PASS);
    await change.getByRole("button", { name: "Change passphrase" }).click();
    await change.getByText("That isn't your current passphrase, so nothing was changed.").waitFor();
    await change.getByLabel("Current passphrase").fill(PASS);
    await change.getByRole("button", { name: "Change passphrase" }).click();
    await page.getByRole("status").filter({ hasText: "Passphrase changed." }).waitFor();
    let salts;
    for (let i = 0; i < 200; i++) {
      const entries = await allStored(page);
      // The head and copies wrap their seal in `sealed`; each part is a seal itself.
      salts = new Set(entries.map(([, v]) => { const j = JSON.parse(v); return j.sealed?.salt ?? j.salt; }));
      if (salts.size === 1 && !salts.has(data.sealed.salt)) break;
      await page.waitForTimeout(50);
    }
    assert.equal(salts.size, 1, "every stored value is sealed under one key");
    assert.ok(!salts.has(data.sealed.salt), "nothing is left under the old passphrase's key");
    await assertNothingReadable(page, secrets, "after changing the passphrase");

    // Copies download encrypted, and restore with the new passphrase.
    const safetyFile = await download(page, () => page.getByRole("button", { name: "Download the safety copy" }).click());
    assert.match(safetyFile.name, /^knockback-safety-copy-\d{4}-\d{2}-\d{2}-encrypted\.json$/);
    for (const secret of secrets) assert.ok(!safetyFile.text.includes(secret));
    const asideFile = await download(page, () => page.getByRole("region", { name: "Set-aside copies" }).getByRole("button", { name: "Download" }).click());
    assert.match(asideFile.name, /-encrypted\.json$/);
    {
      const { preview } = await restoreElsewhere(t, safetyFile, NEW_PASS);
      await preview.getByText("1 application, from 2 Jan 2026 to 2 Jan 2026").waitFor();
    }
    {
      const { page: other, preview } = await restoreElsewhere(t, asideFile, NEW_PASS);
      await preview.getByRole("button", { name: "Replace all my data" }).click();
      await waitForSaved(other, (e) => e.data.applications[0]?.company === secrets[1]);
    }

    // The lock comes off: the notebook and its copies are plain and usable again.
    await page.getByRole("button", { name: "Remove the lock" }).click();
    await page.getByRole("status").filter({ hasText: "The lock is off. Your notebook is stored in plain text again. 2 copies kept beside it were readable again too." }).waitFor();
    assert.equal(await getItem(page, setAsideKey), setAside, "the set-aside copy is exactly what it was");
    assert.match(await getItem(page, SAFETY_KEY), /Older Leftover Inc/);
    await waitForSaved(page, (e) => e.data?.applications.length === 3);
  });

  test("every file Knockback downloads restores: the unsaved edit, the safety copy and a set-aside copy", async (t) => {
    const { ctx, page: a } = await freshPage(env, t, { path: "applications" });
    const b = await ctx.newPage();
    await open(b, env.url, "applications");
    await addApplication(a, { company: "Tab One Ltd", role: "HR Officer" });
    await b.getByRole("link", { name: /Tab One Ltd/ }).waitFor();

    // A save this tab never heard of, then an edit in the stale tab.
    const newer = await stored(b);
    await putNotebook(b, newer.data, newer.revision + 5);
    await addApplication(b, { company: "Stale Edit", role: "Assistant" });
    const banner = b.getByRole("alert").filter({ hasText: "Another tab saved newer changes" });
    await banner.waitFor();
    const lost = await download(b, () => banner.getByRole("button", { name: "Download my unsaved edit" }).click());
    assert.match(lost.name, /^knockback-unsaved-edit-\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(JSON.parse(lost.text).schema_version, 3, "a whole backup file, not bare data");
    {
      const { page, preview } = await restoreElsewhere(t, lost);
      await preview.getByText(/^2 applications/).waitFor();
      await preview.getByRole("button", { name: "Replace all my data" }).click();
      await waitForSaved(page, (e) => e.data.applications.some((x) => x.company === "Stale Edit"));
    }

    // The safety copy (plain, lock off) restores elsewhere.
    await open(a, env.url, "settings");
    await pick(a, "old.json", FIXTURE);
    await a.getByRole("region", { name: "Backup preview" }).getByRole("button", { name: "Merge into my data" }).click();
    await a.getByRole("button", { name: "Download the safety copy" }).waitFor();
    const safety = await download(a, () => a.getByRole("button", { name: "Download the safety copy" }).click());
    {
      const { preview } = await restoreElsewhere(t, safety);
      await preview.getByText(/^1 application,/).waitFor();
    }

    // Set-aside copies: one this version can read restores; one from a newer version
    // downloads byte for byte and is refused with a clear message.
    const readable = envelope("Set Aside Ltd");
    const future = JSON.stringify({ schema_version: 99, revision: 1, data: { applications: [] } });
    await setItem(a, `${QUARANTINE_PREFIX}2026-01-01T00:00:00.000Z`, readable);
    await setItem(a, `${QUARANTINE_PREFIX}2026-01-02T00:00:00.000Z`, future);
    await a.reload();
    const copies = a.getByRole("region", { name: "Set-aside copies" }).getByRole("button", { name: "Download" });
    const first = await download(a, () => copies.nth(0).click());
    const second = await download(a, () => copies.nth(1).click());
    assert.equal(first.text, readable);
    assert.equal(second.text, future);
    {
      const { preview } = await restoreElsewhere(t, first);
      await preview.getByText(/^1 application,/).waitFor();
    }
    const { page: c } = await freshPage(env, t, { path: "settings" });
    await pick(c, second.name, second.text);
    await c.getByText(/made by a newer version of Knockback/).waitFor();
  });

  test("backup status: honest on a new notebook, after Replace, and counted by type after a merge", async (t) => {
    const { page } = await freshPage(env, t, { path: "settings" });
    const status = page.getByRole("region", { name: "Backup", exact: true });
    await status.getByText(/^No backup yet\./).waitFor();
    assert.doesNotMatch(await status.innerText(), /0 changes/);

    // The preview speaks in the singular where it should.
    await pick(page, "old.json", FIXTURE);
    const preview = page.getByRole("region", { name: "Backup preview" });
    await preview.getByText("1 reflection", { exact: true }).waitFor();
    await preview.getByText("1 interview round", { exact: true }).waitFor();
    await preview.getByText("1 company note", { exact: true }).waitFor();

    // Replace from a dated backup file: the notebook is that backup, so it is backed up.
    await preview.getByRole("button", { name: "Replace all my data" }).click();
    await page.getByText("Replaced: your notebook now holds the backup's 2 applications.").waitFor();
    await status.getByText(/^Last backup: \d+ \w+ \d{4}\./).waitFor();
    await waitForSaved(page, (e) => e.data.applications.length === 2 && e.data.meta?.last_backup_at);

    // Merging the same file again: 2 applications and 1 reflection already there, not "3 skipped".
    await pick(page, "again.json", FIXTURE);
    await preview.getByRole("button", { name: "Merge into my data" }).click();
    await page.getByText("Merged. Nothing new: your notebook already had everything in this file. Already up to date (yours were the same or newer): 2 applications, 1 reflection and 1 company note.").waitFor();

    // With the lock on, the dashboard's backup is encrypted.
    await page.getByLabel("New passphrase").fill(PASS);
    await page.getByLabel("Repeat the passphrase").fill(PASS);
    await page.getByRole("button", { name: "Lock with this passphrase" }).click();
    await page.getByRole("status").filter({ hasText: /^Locked\./ }).waitFor();
    await nav(page, "Dashboard").click();
    const file = await download(page, () => page.getByRole("button", { name: "Download backup (encrypted)" }).click());
    assert.match(file.name, /-encrypted\.json$/);
    assert.ok(JSON.parse(file.text).sealed && !file.text.includes("Acme"));
  });
});
