// The passphrase lock: data at rest is encrypted, a reload asks for the passphrase, a
// wrong one fails cleanly, tampering is detected, and backups come encrypted or plain.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshPage, launch, open, nav, addApplication, download, getItem, setItem, waitForSaved, DATA_KEY, ENGINES } from "./helpers.mjs";

for (const engine of ENGINES) describe(engine, () => {
  let env;
  before(async () => { env = await launch({ engine }); });
  after(async () => { await env?.close(); });

  const PASS = "correct horse battery staple";

  test("lock, reload, unlock; wrong passphrase and tampering fail cleanly; encrypted and plain backups", async (t) => {
    // Fails the test on any uncaught page error or dialog.
    const { page } = await freshPage(env, t, { path: "" });
    await addApplication(page, { company: "Secretive Ltd", role: "Talent Lead" });
    await waitForSaved(page, (env) => env.data?.applications.length === 1);

    await nav(page, "Backup & settings").click();
    await page.getByLabel("New passphrase").fill("short");
    await page.getByLabel("Repeat the passphrase").fill("short");
    await page.getByRole("button", { name: "Lock with this passphrase" }).click();
    await page.getByText("Use at least 8 characters").waitFor();
    await page.getByLabel("New passphrase").fill(PASS);
    await page.getByLabel("Repeat the passphrase").fill(PASS + "!");
    await page.getByRole("button", { name: "Lock with this passphrase" }).click();
    await page.getByText("The two passphrases don't match.").waitFor();
    await page.getByLabel("Repeat the passphrase").fill(PASS);
    await page.getByRole("button", { name: "Lock with this passphrase" }).click();
    await page.getByText("Locked. Your notebook is now stored encrypted.").waitFor();

    // At rest: an envelope with `sealed`, no readable data, the KDF settings stored.
    let raw;
    for (let i = 0; i < 100 && !(raw = await getItem(page, DATA_KEY))?.includes('"sealed"'); i++) await page.waitForTimeout(50);
    const env1 = JSON.parse(raw);
    assert.equal(env1.data, undefined);
    assert.equal(env1.sealed.kdf, "PBKDF2-SHA256");
    assert.ok(env1.sealed.iterations >= 600_000);
    assert.equal(Buffer.from(env1.sealed.iv, "base64").length, 12);
    assert.equal(Buffer.from(env1.sealed.salt, "base64").length, 16);
    assert.ok(!raw.includes("Secretive"), "no plaintext at rest");

    // Each save uses a fresh IV.
    await addApplication(page, { company: "Second Secret", role: "Coordinator" });
    let raw2;
    for (let i = 0; i < 100 && ((raw2 = await getItem(page, DATA_KEY)) === raw); i++) await page.waitForTimeout(50);
    const env2 = JSON.parse(raw2);
    assert.notEqual(env2.sealed.iv, env1.sealed.iv);
    assert.equal(env2.sealed.salt, env1.sealed.salt);

    // Backups: encrypted and plain.
    await nav(page, "Backup & settings").click();
    const enc = await download(page, () => page.getByRole("button", { name: "Download encrypted backup" }).click());
    assert.match(enc.name, /^knockback-backup-\d{4}-\d{2}-\d{2}-encrypted\.json$/);
    assert.ok(JSON.parse(enc.text).sealed && !enc.text.includes("Secretive"));
    // With the lock on, the everyday backup button is encrypted too; plain only on request.
    const everyday = await download(page, () => page.getByRole("region", { name: "Backup", exact: true }).getByRole("button", { name: "Download backup (encrypted)" }).click());
    assert.ok(JSON.parse(everyday.text).sealed && !everyday.text.includes("Secretive"));
    const plain = await download(page, () => page.getByRole("button", { name: "Download unencrypted backup" }).click());
    assert.equal(JSON.parse(plain.text).data.applications.length, 2);

    // A reload asks for the passphrase; a wrong one fails and changes nothing.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Your notebook is locked" }).waitFor();
    const before = await getItem(page, DATA_KEY);
    await page.getByLabel("Passphrase").fill("wrong passphrase");
    await page.getByRole("button", { name: "Unlock" }).click();
    await page.getByRole("alert").filter({ hasText: "That passphrase doesn't open this notebook" }).waitFor();
    assert.equal(await getItem(page, DATA_KEY), before, "a failed unlock writes nothing");
    await page.getByLabel("Passphrase").fill(PASS);
    await page.getByRole("button", { name: "Unlock" }).click();
    await nav(page, "Applications").click();
    await page.getByRole("link", { name: /Second Secret/ }).waitFor();

    // Tampering with the ciphertext is detected, and the stored text is kept as it was.
    const tampered = JSON.parse(before);
    const bytes = Buffer.from(tampered.sealed.data, "base64");
    bytes[5] ^= 0x01;
    tampered.sealed.data = bytes.toString("base64");
    const tamperedRaw = JSON.stringify(tampered);
    await setItem(page, DATA_KEY, tamperedRaw);
    await page.reload();
    await page.getByLabel("Passphrase").fill(PASS);
    await page.getByRole("button", { name: "Unlock" }).click();
    await page.getByRole("alert").filter({ hasText: "or the locked data was changed" }).waitFor();
    assert.equal(await getItem(page, DATA_KEY), tamperedRaw);

    // The encrypted backup restores (with its passphrase) into a fresh profile.
    const ctx2 = await env.context();
    t.after(() => ctx2.close());
    const other = await ctx2.newPage();
    await open(other, env.url, "settings");
    await other.getByLabel("Choose a backup file").setInputFiles({ name: enc.name, mimeType: "application/json", buffer: Buffer.from(enc.text) });
    await other.getByLabel("Backup passphrase").fill("nope nope nope");
    await other.getByRole("button", { name: "Open the backup" }).click();
    await other.getByRole("alert").filter({ hasText: "That passphrase doesn't open" }).waitFor();
    await other.getByLabel("Backup passphrase").fill(PASS);
    await other.getByRole("button", { name: "Open the backup" }).click();
    await other.getByRole("region", { name: "Backup preview" }).getByRole("button", { name: "Replace all my data" }).click();
    await waitForSaved(other, (env) => env.data.applications.length === 2);
  });
});
