// The notebook in parts (schema 4), in every engine: a save cut off at any write (a
// quota error injected after part k, or the page gone between two writes) leaves the
// previous notebook, record for record; a missing part is set aside and reported, read
// only; under the lock a swapped or rolled-back part is detected and kept.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  freshPage, launch, open, nav, addApplication, getItem, stored, putNotebook, partKeys,
  allStored, waitForSaved, pack, DATA_KEY, QUARANTINE_PREFIX, PART_PREFIX, ENGINES,
  seedNotebook,
} from "./helpers.mjs";

const notebook = seedNotebook;

/** Makes every localStorage write from write number `k` on (counted from now) fail:
 * `quota` throws the browser's QuotaExceededError; `closed` drops writes and removals
 * silently, leaving storage exactly as a page closed after write k-1 leaves it.
 * `count`: no faults, only counting. */
const inject = (page, mode, k) => page.evaluate(([mode, k]) => {
  const proto = Object.getPrototypeOf(localStorage);
  const { setItem, removeItem } = proto;
  let n = 0;
  window.__writes = () => n;
  // Only the notebook's own keys count (a preference flag may be written meanwhile).
  const ours = (key) => key === "knockback:data" || key.startsWith("knockback:part:");
  proto.setItem = function (key, value) {
    if (!ours(key) || n++ < k) return setItem.call(this, key, value);
    if (mode === "quota") throw new DOMException("injected", "QuotaExceededError");
  };
  proto.removeItem = function (key) {
    if (mode === "closed" && ours(key) && n > k) return;
    return removeItem.call(this, key);
  };
}, [mode, k]);

for (const engine of ENGINES) describe(engine, () => {
  let env;
  before(async () => { env = await launch({ engine }); });
  after(async () => { await env?.close(); });

  /** Seeds 60 applications in parts, opens the app, and returns what is stored. */
  async function seeded(t) {
    const { page } = await freshPage(env, t);
    await open(page, env.url);
    await putNotebook(page, notebook(60), 3);
    await page.reload();
    await page.getByText("60 in total").waitFor();
    return { page, before: await stored(page) };
  }

  for (const mode of ["quota", "closed"]) {
    test(`a save cut off at any write (${mode}) leaves the previous notebook, record for record`, async (t) => {
      // How many writes one save makes here (its first re-cuts the seeded parts).
      const clean = await seeded(t);
      await inject(clean.page, "count", 1e9);
      await addApplication(clean.page, { company: "New Co", role: "Recruiter" });
      await waitForSaved(clean.page, (s) => s.data.applications.length === 61);
      const writes = await clean.page.evaluate(() => window.__writes());
      assert.ok(writes >= 3, `a save writes parts and the head (${writes})`);

      for (let k = 0; k < writes; k++) {
        const { page, before: previous } = await seeded(t);
        await inject(page, mode, k);
        await addApplication(page, { company: "New Co", role: "Recruiter" });
        await page.getByRole("alert").filter({ hasText: "Your latest changes are not saved" }).waitFor();
        // Reload as the page would be opened again: no more faults.
        await open(page, env.url);
        await page.getByText("60 in total").waitFor();
        const after = await stored(page);
        assert.equal(after.revision, previous.revision, `cut at write ${k}: the old head stands`);
        assert.deepEqual(after.data, previous.data, `cut at write ${k}: record for record`);
      }
    });
  }

  test("an edit writes only the part it changed; unchanged parts keep their keys", async (t) => {
    const { page } = await seeded(t);
    await addApplication(page, { company: "First Edit", role: "Recruiter" });
    const first = await waitForSaved(page, (s) => s.data.applications.length === 61);
    const keys1 = partKeys(first);
    assert.ok(keys1.length >= 4, "the applications are cut into several parts");
    await addApplication(page, { company: "Second Edit", role: "Recruiter" });
    const second = await waitForSaved(page, (s) => s.data.applications.length === 62);
    const keys2 = partKeys(second);
    const kept = keys2.filter((k) => keys1.includes(k));
    assert.ok(kept.length >= keys2.length - 3, `${kept.length} of ${keys2.length} parts kept`);
    // Only parts the head names are stored.
    const parts = (await allStored(page)).map(([k]) => k).filter((k) => k.startsWith(PART_PREFIX));
    assert.deepEqual(parts.sort(), [...keys2].sort());
    await open(page, env.url);
    await page.getByText("62 in total").waitFor();
  });

  test("an older notebook past half the quota, too big to move into parts beside itself, still saves in place", async (t) => {
    const { page } = await freshPage(env, t);
    await open(page, env.url);
    // Past half of what the engine gives: 3 M packed units of the 5 M Chromium and
    // Firefox give, or half that where an engine counts bytes (WebKit, 5 MB).
    let notes;
    for (const repeat of [500_000, 250_000]) {
      const data = notebook(3);
      data.applications[0].notes = "Long notes. ".repeat(repeat);
      const legacy = `{"schema_version":3,"app_version":"0.0.0","saved_at":"2026-01-01T00:00:00.000Z","revision":4,"packed":"${pack(JSON.stringify(data))}"}`;
      const fits = await page.evaluate((v) => { try { localStorage.setItem("knockback:data", v); return true; } catch { return false; } }, legacy);
      if (fits) { notes = data.applications[0].notes.length; break; }
    }
    assert.ok(notes, "the big notebook could be stored");
    await page.reload();
    await page.getByText("3 in total").waitFor();
    await addApplication(page, { company: "Fits Anyway", role: "Recruiter" });
    const saved = await waitForSaved(page, (s) => s.data.applications.length === 4, 30_000);
    assert.equal(saved.data.applications[0].notes.length, notes, "nothing lost");
    assert.equal(await page.getByRole("alert").filter({ hasText: "Your latest changes are not saved" }).count(), 0);
    await open(page, env.url);
    await page.getByText("4 in total").waitFor();
  });

  test("a missing part is set aside and reported; the app opens read-only and keeps it", async (t) => {
    const { page } = await seeded(t);
    const head = JSON.parse(await getItem(page, DATA_KEY));
    const gone = head.parts.applications[0].key;
    const rawHead = await getItem(page, DATA_KEY);
    await page.evaluate((k) => localStorage.removeItem(k), gone);
    await page.reload();
    const banner = page.getByRole("alert").filter({ hasText: "Your saved notebook can't be opened" });
    await banner.waitFor();
    await banner.getByText(`its part ${gone} is missing`).waitFor();
    await nav(page, "Applications").click();
    await page.getByRole("link", { name: "Add application" }).click();
    assert.equal(await page.getByRole("button", { name: "Save application" }).isDisabled(), true);
    assert.equal(await getItem(page, DATA_KEY), rawHead, "the head is untouched");
    const aside = (await allStored(page)).filter(([k]) => k.startsWith(QUARANTINE_PREFIX));
    assert.equal(aside.length, 1, "one set-aside snapshot");
    const snapshot = JSON.parse(aside[0][1]);
    assert.equal(snapshot[DATA_KEY], rawHead, "the snapshot holds the head byte for byte");
    assert.equal(snapshot[gone], null, "and names the missing part");
    for (const key of partKeys(head).filter((k) => k !== gone)) {
      assert.equal(snapshot[key], await getItem(page, key), `part ${key} kept byte for byte`);
    }
  });

  test("under the lock every part is sealed, and a swapped part is detected and kept", async (t) => {
    const PASS = "correct horse battery staple";
    const { page } = await seeded(t);
    await nav(page, "Backup & settings").click();
    await page.getByLabel("New passphrase").fill(PASS);
    await page.getByLabel("Repeat the passphrase").fill(PASS);
    await page.getByRole("button", { name: "Lock with this passphrase" }).click();
    await page.getByText(/Locked\. Your notebook is now stored encrypted/).waitFor();
    let raw;
    for (let i = 0; i < 200 && !(raw = await getItem(page, DATA_KEY))?.includes('"sealed"'); i++) await page.waitForTimeout(50);
    const all = Object.fromEntries(await allStored(page));
    const parts = Object.keys(all).filter((k) => k.startsWith(PART_PREFIX));
    assert.ok(parts.length >= 4, "several parts");
    for (const k of parts) {
      const sealed = JSON.parse(all[k]);
      assert.equal(sealed.kdf, "PBKDF2-SHA256", `part ${k} is sealed`);
      assert.ok(!all[k].includes("Seed Co"), `part ${k} holds no readable text`);
    }
    const ivs = parts.map((k) => JSON.parse(all[k]).iv);
    assert.equal(new Set(ivs).size, ivs.length, "a fresh IV for every part");

    // Swap two parts' ciphertexts: each is genuine, but not where the head says.
    const [a, b] = parts;
    await page.evaluate(([a, b, va, vb]) => { localStorage.setItem(a, vb); localStorage.setItem(b, va); }, [a, b, all[a], all[b]]);
    const swapped = Object.fromEntries(await allStored(page));
    await page.reload();
    await page.getByLabel("Passphrase").fill(PASS);
    await page.getByRole("button", { name: "Unlock" }).click();
    await page.getByRole("alert").filter({ hasText: "swapped or rolled back" }).waitFor();
    assert.deepEqual(Object.fromEntries(await allStored(page)), swapped, "nothing was written or removed");

    // Put them back: the notebook opens whole.
    await page.evaluate(([a, b, va, vb]) => { localStorage.setItem(a, va); localStorage.setItem(b, vb); }, [a, b, all[a], all[b]]);
    await page.reload();
    await page.getByLabel("Passphrase").fill(PASS);
    await page.getByRole("button", { name: "Unlock" }).click();
    await nav(page, "Dashboard").click();
    await page.getByText("60 in total").waitFor();
  });
});
