// Accessibility audit: axe-core (WCAG 2.1 A and AA rules) on every page and every
// wizard step, in light and dark schemes, with zero violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, open, nav, setItem, DATA_KEY, ROOT } from "./helpers.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const AXE = readFileSync(join(ROOT, "tools/node_modules/axe-core/axe.min.js"), "utf8");
const FIXTURE = readFileSync(join(ROOT, "tests/fixtures/schema-v1.json"), "utf8");
const ACME = "6f1c2a9e-3b1d-4c8e-9a51-0d2f3c4b5a61";
const GHOSTED = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

async function audit(page, label) {
  // Injected by the test driver, not the page, so the app's CSP stays as strict as ever.
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
  return result.map((v) => `[${label}] ${v}`);
}

for (const scheme of ["light", "dark"]) {
  test(`every page and wizard step passes axe (${scheme})`, async (t) => {
    const ctx = await env.context({ colorScheme: scheme });
    t.after(() => ctx.close());
    const page = await ctx.newPage();
    const problems = [];
    await open(page, env.url);
    problems.push(...(await audit(page, "dashboard, empty")));
    // The audit itself must be able to fail: a nameless button is caught.
    await page.evaluate(() => document.querySelector("main").append(Object.assign(document.createElement("button"), { id: "axe-probe" })));
    assert.match((await audit(page, "probe")).join("\n"), /button-name/);
    await page.evaluate(() => document.getElementById("axe-probe").remove());
    await setItem(page, DATA_KEY, FIXTURE);
    const pages = [
      ["", "Dashboard"],
      ["applications", "Applications"],
      ["applications?stage=rejected&sort=company", "Applications"],
      ["applications?view=board", "Applications"],
      ["applications?view=list&show=all", "Applications"],
      ["applications/new", "Add an application"],
      [`applications/${ACME}`, "Acme Corp"],
      [`applications/${ACME}/edit`, "Edit application"],
      ["companies/Acme%20Corp", "Acme Corp"],
      ["reflect", "Reflect on a rejection"],
      [`reflect/${ACME}`, "Reflection: HR Business Partner at Acme Corp"],
      ["insights", "Insights"],
      ["settings", "Backup & settings"],
      ["nowhere", "Page not found"],
    ];
    for (const [path, heading] of pages) {
      await open(page, env.url, path);
      await page.getByRole("heading", { level: 1, name: heading }).first().waitFor();
      problems.push(...(await audit(page, path || "dashboard")));
    }
    // The board with a card's "Move to…" open and the closed stages unfolded; the list
    // with a row's menu, the filters and a quick add that asks for the company.
    await open(page, env.url, "applications?view=board");
    await page.getByText(/^Closed \(/).click();
    await page.getByRole("button", { name: /^Move to…/ }).first().click();
    problems.push(...(await audit(page, "board, menu open")));
    await open(page, env.url, "applications?view=list&show=all");
    await page.getByRole("button", { name: /^More actions for/ }).first().click();
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await page.getByLabel("Quick add").fill("Recruiter");
    await page.getByLabel("Quick add").press("Enter");
    await page.getByText("Which company is it?").waitFor();
    problems.push(...(await audit(page, "list, menus open, quick add asking")));
    // The feedback panel's states and the interview form.
    await open(page, env.url, `applications/${GHOSTED}`);
    await page.getByRole("button", { name: "Add interview round" }).click();
    problems.push(...(await audit(page, "interview form")));
    // Every wizard step.
    await open(page, env.url, `reflect/${GHOSTED}`);
    for (let step = 1; step <= 5; step++) {
      await page.getByText(`Step ${step} of 5`).waitFor();
      if (step === 1) await page.getByRole("button", { name: "Add a gap" }).click();
      if (step === 2) await page.getByRole("button", { name: "Add a technique" }).click();
      problems.push(...(await audit(page, `wizard step ${step}`)));
      if (step < 5) await page.getByRole("button", { name: "Next" }).click();
    }
    await page.getByRole("button", { name: "Finish and see summary" }).click();
    // Nothing was written (the rows added above are empty), so finishing asks first.
    await page.getByRole("button", { name: "Finish anyway" }).waitFor();
    problems.push(...(await audit(page, "finish without answers")));
    await page.getByRole("button", { name: "Finish anyway" }).click();
    await page.getByRole("button", { name: "Download as Markdown" }).waitFor();
    problems.push(...(await audit(page, "summary")));
    // A finished reflection open for editing at one step.
    await open(page, env.url, `reflect/${ACME}?edit=3`);
    await page.getByText("Step 3 of 5").waitFor();
    problems.push(...(await audit(page, "editing a finished reflection")));
    assert.deepEqual(problems, []);
  });
}
