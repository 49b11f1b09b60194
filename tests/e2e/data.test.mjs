// Owning the data: backup download, restore of good and bad files (nothing touched on
// bad input), merge and replace with a safety copy, exact round trips, CSV out and in,
// and user text that is never treated as HTML.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { freshPage, launch, open, nav, addApplication, download, getItem, setItem, stored, waitForSaved, partKeys, allStored, PART_PREFIX, DATA_KEY, ROOT, ENGINES } from "./helpers.mjs";

for (const engine of ENGINES) describe(engine, () => {
  let env;
  before(async () => { env = await launch({ engine }); });
  after(async () => { await env?.close(); });
  const chromiumOnly = engine === "chromium" ? test : () => {};

  const FIXTURE = readFileSync(join(ROOT, "tests/fixtures/schema-v1.json"), "utf8");

  const fresh = (t) => freshPage(env, t, { path: "" });

  /** `value` without the empty fields ("", null, false, []) that Knockback doesn't write. */
  const prune = (value) => {
    if (Array.isArray(value)) return value.map(prune);
    if (value === null || typeof value !== "object") return value;
    const empty = (v) => v === "" || v === null || v === false || (Array.isArray(v) && v.length === 0);
    return Object.fromEntries(Object.entries(value).filter(([, v]) => !empty(v)).map(([k, v]) => [k, prune(v)]));
  };

  const pick = (page, name, buffer, mimeType = "application/json") =>
    page.getByLabel("Choose a backup file").setInputFiles({ name, mimeType, buffer: Buffer.from(buffer) });

  chromiumOnly("download a backup with everything in it", async (t) => {
    const { page } = await fresh(t);
    await setItem(page, DATA_KEY, FIXTURE);
    await open(page, env.url, "settings");
    await page.getByText("No backup yet.").waitFor();
    const file = await download(page, () => page.getByRole("button", { name: "Download backup" }).click());
    assert.match(file.name, /^knockback-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(file.text);
    assert.equal(backup.schema_version, 3);
    assert.equal(backup.app_version, "0.1.0");
    assert.ok(Date.parse(backup.exported_at) > Date.now() - 60_000);
    // Knockback leaves empty fields out when it writes; the fixture spells them out.
    const original = prune(JSON.parse(FIXTURE).data);
    assert.deepEqual(backup.data.applications.map((a) => a.id), original.applications.map((a) => a.id));
    assert.deepEqual(backup.data.applications[0], original.applications[0], "every field, history, interviews and feedback");
    assert.deepEqual(backup.data.reflections, original.reflections);
    assert.deepEqual(backup.data.companies, original.companies);
    await page.getByText(/Last backup:/).waitFor();
    await waitForSaved(page, (env) => env.data.meta.last_backup_at !== null && env.data.meta.changes_since_backup === 0);
  });

  chromiumOnly("bad backup files are refused with a clear message and change nothing", async (t) => {
    const { page } = await fresh(t);
    await setItem(page, DATA_KEY, FIXTURE);
    await open(page, env.url, "settings");
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const wrongTypes = JSON.stringify({ ...JSON.parse(FIXTURE), data: { applications: [{ id: 12, company: ["not", "text"] }] } });
    const dupIds = FIXTURE.replace("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "6f1c2a9e-3b1d-4c8e-9a51-0d2f3c4b5a61");
    const cases = [
      ["photo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), "isn't readable JSON"],
      ["empty.json", "", "This file is empty."],
      ["truncated.json", FIXTURE.slice(0, 900), "isn't readable JSON"],
      ["todo-app.json", JSON.stringify({ version: 2, todos: [{ title: "Buy milk", done: false }] }), "isn't a Knockback backup"],
      ["future.json", JSON.stringify({ schema_version: 7, data: {} }), "newer version of Knockback"],
      ["wrong-types.json", wrongTypes, "damaged"],
      ["duplicate-ids.json", dupIds, "share the id"],
      ["deep.json", deep, "isn't readable JSON"],
      ["huge.json", Buffer.alloc(21 * 1024 * 1024, 32), "too large"],
    ];
    for (const [name, content, expected] of cases) {
      await pick(page, name, content);
      await page.getByRole("alert").filter({ hasText: expected }).waitFor();
      await page.getByRole("alert").filter({ hasText: "Nothing was changed." }).waitFor();
      assert.equal(await page.getByRole("region", { name: "Backup preview" }).count(), 0, `${name}: no preview`);
      assert.equal(await getItem(page, DATA_KEY), FIXTURE, `${name}: stored data is byte-identical`);
    }
    assert.equal(await getItem(page, "knockback:safety-copy"), null, "no safety copy was even needed");
  });

  test("restore: preview, merge, replace, safety copy, and an exact round trip of hard text", async (t) => {
    const { page } = await fresh(t);
    const hard = {
      company: "شركة النور 🌙",
      role: "Recruiter\u2028Line two",
      notes: "Emoji 👩🏽‍💼 family 👨‍👩‍👧, RTL עברית, and a long tail: " + "x".repeat(100_000),
    };
    await nav(page, "Applications").click();
    await page.getByRole("main").getByRole("link", { name: "Add application" }).click();
    await page.getByLabel("Company").fill(hard.company);
    await page.getByLabel("Role").fill(hard.role);
    await page.getByLabel("Notes").fill(hard.notes);
    await page.getByRole("button", { name: "Save application" }).click();
    await waitForSaved(page, (env) => env.data.applications.length === 1);
    const before = (await stored(page)).data;
    assert.equal(before.applications[0].notes, hard.notes);

    await nav(page, "Backup & settings").click();
    const backup = await download(page, () => page.getByRole("button", { name: "Download backup" }).click());

    // Merge the fixture in: 2 added, and the preview says what is inside first.
    await pick(page, "knockback-backup-old.json", FIXTURE);
    const preview = page.getByRole("region", { name: "Backup preview" });
    await preview.getByText("2 applications, from 12 Jan 2026 to 20 Feb 2026").waitFor();
    await preview.getByText("1 reflection", { exact: true }).waitFor();
    await preview.getByText(/Schema version 1/).waitFor();
    await preview.getByRole("button", { name: "Merge into my data" }).click();
    await page.getByText(/Merged\. Added 2 applications, 1 reflection and 1 company note\./).waitFor();
    await waitForSaved(page, (env) => env.data.applications.length === 3);
    const safety = JSON.parse(await getItem(page, "knockback:safety-copy"));
    assert.equal(safety.data.applications.length, 1, "the safety copy is the data before the merge");

    // Merging the same file again adds nothing.
    await pick(page, "again.json", FIXTURE);
    await preview.getByRole("button", { name: "Merge into my data" }).click();
    await page.getByText(/Merged\. Nothing new: .* 2 applications, 1 reflection and 1 company note\./).waitFor();

    // Replace with the downloaded backup: exactly what was there before, hard text and all.
    await pick(page, backup.name, backup.text);
    await preview.getByRole("button", { name: "Replace all my data" }).click();
    await page.getByText(/Replaced: your notebook now holds the backup's 1 application\./).waitFor();
    await waitForSaved(page, (env) => env.data.applications.length === 1);
    const after = (await stored(page)).data;
    assert.deepEqual(after.applications, before.applications, "exact round trip");
    await page.reload();
    await nav(page, "Applications").click();
    await page.getByRole("link", { name: /شركة النور 🌙/ }).waitFor();

    // The safety copy (the merged data) can come back.
    await nav(page, "Backup & settings").click();
    await page.getByRole("button", { name: "Restore the safety copy" }).click();
    await waitForSaved(page, (env) => env.data.applications.length === 3);
  });

  chromiumOnly("a backup bigger than the browser's storage is refused whole", async (t) => {
    const { page } = await fresh(t);
    await setItem(page, DATA_KEY, FIXTURE);
    await open(page, env.url, "settings");
    const base = JSON.parse(FIXTURE);
    const template = base.data.applications[0];
    // 12 M characters of plain JSON, 6 M units packed: more than the 5 M browsers allow.
    const apps = Array.from({ length: 120 }, (_, i) => ({
      ...template,
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      notes: "n".repeat(100_000),
      interviews: [],
    }));
    const big = JSON.stringify({ ...base, data: { applications: apps } });
    await pick(page, "big.json", big);
    const preview = page.getByRole("region", { name: "Backup preview" });
    await preview.getByRole("alert").filter({ hasText: "Restoring it may not fit" }).waitFor();
    await preview.getByRole("button", { name: "Replace all my data" }).click();
    await page.getByRole("alert").filter({ hasText: "bigger than this browser's storage can hold, so nothing was changed" }).waitFor();
    assert.equal(await getItem(page, DATA_KEY), FIXTURE, "stored data is byte-identical");
    await nav(page, "Applications").click();
    await page.getByText("2 applications").waitFor();
  });

  chromiumOnly("CSV: export with history, import with a preview, unknown columns and bad rows", async (t) => {
    const { page } = await fresh(t);
    await setItem(page, DATA_KEY, FIXTURE);
    await open(page, env.url, "settings");
    const csv = await download(page, () => page.getByRole("button", { name: "Export applications as CSV" }).click());
    assert.match(csv.name, /^knockback-applications-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, first] = csv.text.split("\n");
    assert.ok(header.startsWith("Company,Role,Stage,Date Applied,"));
    assert.match(first, /^Acme Corp,HR Business Partner,Rejected,2026-01-12,/);
    assert.match(first, /2026-01-12 Applied; 2026-01-26 Interviewing; 2026-02-09 Rejected/);

    const sheet = "Employer,Position,Date Applied,Status,Salary,Notes\nNew Co,Analyst,2026-04-01,Applied,40k,hi\nOther Co,Clerk,sometime,Applied,,\n,No company,2026-04-01,Applied,,\n";
    await page.getByLabel("Import a CSV file").setInputFiles({ name: "jobs.csv", mimeType: "text/csv", buffer: Buffer.from(sheet) });
    const preview = page.getByRole("region", { name: "Import preview" });
    await preview.getByRole("heading", { name: "1 applications to add" }).waitFor();
    await preview.getByText("Columns not imported: Salary.").waitFor();
    await preview.getByText("2 rows can't be imported").waitFor();
    await preview.getByText(/Row 3: the date “sometime”/).waitFor();
    await preview.getByText(/Row 4: enter the company name/).waitFor();
    await preview.getByRole("button", { name: "Add 1 applications" }).click();
    await waitForSaved(page, (env) => env.data.applications.length === 3);
    await nav(page, "Applications").click();
    await page.getByRole("link", { name: /New Co/ }).waitFor();
  });

  chromiumOnly("text that looks like HTML or script is shown as text and never runs", async (t) => {
    const { page } = await fresh(t);
    const payloads = [
      `<img src=x onerror="window.__xss=1">`,
      `<script>window.__xss=2</script>`,
      `"><svg onload="window.__xss=3">`,
      `javascript:window.__xss=4`,
    ];
    const [p1, p2, p3, p4] = payloads;
    await nav(page, "Applications").click();
    await page.getByRole("main").getByRole("link", { name: "Add application" }).click();
    await page.getByLabel("Company").fill(p1);
    await page.getByLabel("Role").fill(p2);
    await page.getByLabel("Location").fill(p3);
    await page.getByLabel("Where you found it").fill(p4);
    await page.getByLabel("Tags").fill(`${p1}, ${p3}`);
    await page.getByLabel("Notes").fill(payloads.join("\n"));
    await page.getByRole("button", { name: "Save application" }).click();
    await page.getByRole("heading", { level: 1, name: p1 }).waitFor();
    await page.getByLabel("Contact name").fill(p3);
    await page.getByLabel("Their role").fill(p2);
    await page.getByRole("button", { name: "Add contact" }).click();
    await page.getByRole("button", { name: "Add interview round" }).click();
    await page.getByLabel("Interviewers").fill(p1);
    await page.getByLabel("Interview notes").fill(p2);
    await page.getByRole("button", { name: "Save round" }).click();
    await page.getByLabel("New stage").selectOption({ label: "Rejected" });
    await page.getByRole("button", { name: "Record change" }).click();
    await page.getByRole("button", { name: "I've asked for feedback" }).click();
    await page.getByLabel("What they said, word for word").fill(payloads.join(" "));
    await page.getByLabel("To change").fill(p1);
    await page.getByRole("button", { name: "Save the reply" }).click();
    await page.getByRole("heading", { name: "What they said" }).waitFor();
    for (const p of [p2, p3, p4]) await page.getByText(p, { exact: false }).first().waitFor();

    for (const path of ["applications", "", "insights"]) {
      await open(page, env.url, path);
      await page.waitForTimeout(200);
    }
    await nav(page, "Applications").click();
    await page.getByRole("navigation", { name: "Which applications" }).getByRole("link", { name: "Closed" }).click();
    await page.getByRole("link", { name: new RegExp(p1.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).click();
    await page.getByRole("link", { name: /All at/ }).click();
    await page.getByLabel("Notes about this company").fill(p2);
    await page.getByRole("button", { name: "Save notes" }).click();
    assert.equal(await page.evaluate(() => window.__xss), undefined, "no payload ran");
    assert.equal(await page.locator("main img, main svg[onload], main script").count(), 0, "no element was injected");
  });

  chromiumOnly("a schema-1 notebook opens upgraded, loses nothing, and is saved packed in half the space", async (t) => {
    const { page } = await fresh(t);
    await setItem(page, DATA_KEY, FIXTURE);
    await open(page, env.url, "settings");
    await page.getByText("Your notebook was upgraded from an older format (version 1). Nothing was lost.").waitFor();
    assert.equal(await getItem(page, DATA_KEY), FIXTURE, "opening alone rewrites nothing");
    const before = JSON.parse((await download(page, () => page.getByRole("button", { name: "Download backup" }).click())).text).data;
    // The first save writes the new format: in parts (schema 4), packed, the same data.
    const arabic = before.applications.find((a) => a.role === "Recruiter");
    await open(page, env.url, `applications/${arabic.id}/edit`);
    await page.getByLabel("Role").fill("Senior Recruiter ✓");
    await page.getByRole("button", { name: "Save changes" }).click();
    const after = await waitForSaved(page, (env) => env.schema_version === 4 && env.data.applications.some((a) => a.role === "Senior Recruiter ✓"));
    for (const key of partKeys(after)) assert.match(await getItem(page, key), /^[\u2020-\u7f7f]+$/, `part ${key} is packed`);
    const edited = after.data.applications.find((a) => a.id === arabic.id);
    assert.equal(edited.company, "شركة النور", "non-ASCII text survives packing");
    assert.deepEqual({ ...edited, role: arabic.role, updated_at: arabic.updated_at }, arabic, "only the edit changed");
    assert.deepEqual(after.data.applications.filter((a) => a.id !== arabic.id), before.applications.filter((a) => a.id !== arabic.id));
    assert.deepEqual(after.data.reflections, before.reflections);
    assert.deepEqual(after.data.companies, before.companies);
    // The notebook's own parts (the dashboard's summary is derived from them).
    const units = (await allStored(page)).filter(([k]) => k.startsWith(PART_PREFIX) && k !== after.parts.summary?.key).reduce((n, [, v]) => n + v.length, 0);
    assert.ok(units < JSON.stringify(after.data).length * 0.6, `packed ${units} units vs ${JSON.stringify(after.data).length} plain`);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: /شركة النور/ }).waitFor();
    assert.equal(await page.getByText(/upgraded from an older format/).count(), 0, "upgraded once");
  });
});
