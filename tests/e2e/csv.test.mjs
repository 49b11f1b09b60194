// Importing another tracker's CSV: the column-mapping step (guessed from the headers
// and checked against the values, changed with a labelled select), the US/UK date
// question, and applications that land in the list and survive a reload. Each step
// passes axe (WCAG 2.1 A and AA), like every page in a11y.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { freshPage, launch, nav, waitForSaved, ROOT } from "./helpers.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const fresh = (t) => freshPage(env, t, { path: "settings" });

const AXE = readFileSync(join(ROOT, "tools/node_modules/axe-core/axe.min.js"), "utf8");

/** axe's WCAG 2.1 A/AA violations on the page as it stands, as readable lines. */
async function audit(page) {
  // Injected by the test driver, not the page, so the app's CSP stays as strict as ever.
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
}

const pick = (page, name, text) =>
  page.getByLabel("Import a CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

test("a JobSync export: Yes/No 'applied' is left out, 'appliedDate' is the date, a changed column updates the preview, and the import survives a reload", async (t) => {
  const { page } = await fresh(t);
  await pick(page, "jobs.csv", readFileSync(join(ROOT, "tests/fixtures/csv/jobsync.csv"), "utf8"));
  const preview = page.getByRole("region", { name: "Import preview" });
  await preview.getByRole("heading", { name: "5 applications to add" }).waitFor();

  // Each column has a labelled select holding the guess.
  const column = (header) => preview.getByLabel(header, { exact: true });
  assert.equal(await column("applied").inputValue(), "", "a Yes/No column is not a date: Ignore");
  assert.equal(await column("appliedDate").inputValue(), "applied");
  assert.equal(await column("JobTitle").inputValue(), "role");
  assert.equal(await column("Status").inputValue(), "stage");
  await preview.getByText("Acme Corp — Frontend Developer (Applied, applied 2026-03-03)").waitFor();
  await preview.getByText("Initech — Backend Developer (Saved)").waitFor();
  await preview.getByText("Columns not imported: index, createdAt, applied, jobType, workplaceType.").waitFor();
  assert.deepEqual(await audit(page), []);

  // Keep the workplace type, in the notes: the preview follows, and the select isn't
  // redrawn under the user (a keyboard user keeps their place).
  const select = await column("workplaceType").elementHandle();
  await column("workplaceType").selectOption({ label: "Notes" });
  await preview.getByText("Columns not imported: index, createdAt, applied, jobType.").waitFor();
  assert.ok(await select.evaluate((el) => el.isConnected), "the select stays in place");

  await preview.getByRole("button", { name: "Add 5 applications" }).click();
  await page.getByText("Added 5 applications.").waitFor();
  assert.equal(await page.getByRole("region", { name: "Import preview" }).count(), 0);
  const saved = await waitForSaved(page, (env) => env.data.applications.length === 5);
  const byCompany = Object.fromEntries(saved.data.applications.map((a) => [a.company, a]));
  assert.equal(byCompany["Acme Corp"].applied_on, "2026-03-03");
  assert.equal(byCompany["Acme Corp"].notes, "Remote");
  assert.equal(byCompany["Acme Corp"].location, "Austin, TX");
  assert.equal(byCompany["Globex"].history.at(-1).stage, "interviewing");
  assert.equal(byCompany["Initech"].applied_on, undefined, "N/A is no date");
  assert.equal(byCompany["Initech"].history.at(-1).stage, "saved");

  await nav(page, "Applications").click();
  // Closed ones (Umbrella was rejected) are under All.
  await page.getByRole("navigation", { name: "Which applications" }).getByRole("link", { name: "All" }).click();
  for (const company of ["Acme Corp", "Globex", "Initech", "Umbrella", "Hooli"]) {
    await page.getByRole("link", { name: new RegExp(company) }).waitFor();
  }
  await page.reload();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  for (const company of ["Acme Corp", "Globex", "Initech", "Umbrella", "Hooli"]) {
    await page.getByRole("link", { name: new RegExp(company) }).waitFor();
  }
});

test("ambiguous dates: nothing is added until the user says US or UK, and the dates follow the answer", async (t) => {
  const { page } = await fresh(t);
  const sheet = "Company,Role,Date Applied\nNorthwind,Recruiter,03/04/2026\nContoso,HR Advisor,05/06/2026\nFabrikam,Sourcer,bad date\n";
  await pick(page, "dates.csv", sheet);
  const preview = page.getByRole("region", { name: "Import preview" });
  await preview.getByText("Answer the question about dates above to see what will be added.").waitFor();
  assert.ok(await preview.getByRole("button", { name: "Add 0 applications" }).isDisabled());
  assert.deepEqual(await audit(page), []);

  const question = preview.getByRole("group", { name: "How are dates like 03/04/2026 written in this file?" });
  await question.getByLabel("Month first (mm/dd/yyyy, as in the US): 03/04/2026 is 4 March 2026").check();
  await preview.getByText("Northwind — Recruiter (Applied, applied 2026-03-04)").waitFor();
  // A change of mind is one click, and the preview follows.
  await question.getByLabel(/^Day first/).check();
  await preview.getByText("Northwind — Recruiter (Applied, applied 2026-04-03)").waitFor();
  await preview.getByText("Contoso — HR Advisor (Applied, applied 2026-06-05)").waitFor();
  await preview.getByText("Row 4: the date “bad date” isn't a date Knockback understands (use 2026-03-14).").waitFor();

  await preview.getByRole("button", { name: "Add 2 applications" }).click();
  await page.getByText("Added 2 applications.").waitFor();
  const saved = await waitForSaved(page, (env) => env.data.applications.length === 2);
  assert.deepEqual(saved.data.applications.map((a) => a.applied_on).sort(), ["2026-04-03", "2026-06-05"]);
  await page.reload();
  await nav(page, "Applications").click();
  await page.getByRole("link", { name: /Northwind/ }).waitFor();
  await page.getByRole("link", { name: /Contoso/ }).waitFor();
});
