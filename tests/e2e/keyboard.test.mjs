// Keyboard only: add an application, ask for feedback, download a backup and restore
// it, using Tab, Enter, Space and typing. Focus moves to each new page's heading.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, nav, download, tabTo, focused, waitForSaved } from "./helpers.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test("add, ask for feedback, back up and restore, by keyboard alone", async (t) => {
  const ctx = await env.context();
  t.after(() => ctx.close());
  const page = await ctx.newPage();
  const kb = page.keyboard;
  await open(page, env.url);

  // Add an application.
  await tabTo(page, nav(page, "Applications"));
  await kb.press("Enter");
  const h1 = page.getByRole("heading", { level: 1 });
  await page.getByRole("heading", { level: 1, name: "Applications" }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  assert.ok(await focused(h1), "focus moves to the new page's heading");
  await tabTo(page, page.getByRole("main").getByRole("link", { name: "Add application" }));
  await kb.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Add an application" }).waitFor();
  await tabTo(page, page.getByLabel("Company"));
  await kb.type("Keyboard & Co");
  await kb.press("Tab");
  assert.ok(await focused(page.getByLabel("Role")), "Company then Role, in reading order");
  await kb.type("HR Generalist");
  await tabTo(page, page.getByRole("button", { name: "Save application" }));
  await kb.press("Enter");
  await page.getByRole("heading", { level: 1, name: /Keyboard & Co/ }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");

  // It was a no: record the rejection and ask for feedback.
  await tabTo(page, page.getByLabel("New stage"));
  await kb.type("Rejected");
  await tabTo(page, page.getByRole("button", { name: "Record change" }));
  await kb.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "I've asked for feedback" }));
  await kb.press("Space");
  await page.getByText(/You asked on/).waitFor();
  await waitForSaved(page, (env) => env.data.applications[0].feedback.status === "awaiting");

  // Back up.
  await tabTo(page, nav(page, "Backup & settings"));
  await kb.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Backup & settings" }).waitFor();
  const backup = await download(page, async () => {
    await tabTo(page, page.getByRole("button", { name: "Download backup" }));
    await kb.press("Enter");
  });
  assert.equal(JSON.parse(backup.text).data.applications[0].company, "Keyboard & Co");

  // Restore it: the file input opens the chooser from the keyboard too.
  await tabTo(page, page.getByLabel("Choose a backup file"));
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), kb.press("Space")]);
  await chooser.setFiles({ name: backup.name, mimeType: "application/json", buffer: Buffer.from(backup.text) });
  await tabTo(page, page.getByRole("button", { name: "Merge into my data" }));
  await kb.press("Enter");
  await page.getByText(/Merged\. Nothing new: .*Already up to date \(yours were the same or newer\): 1 application\./).waitFor();
});
