// The pipeline board, the list and quick add: dragging a card with the mouse and moving
// it by keyboard both record a dated stage change; the view lives in the URL and is
// remembered; quick add from the list, the board and the dashboard, with links; the
// list's Active/Closed/All switch, its quick stage change and its "⋯" menu.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshPage, launch, open, nav, setItem, stored, tabTo, focused, waitForSaved, DATA_KEY, ENGINES } from "./helpers.mjs";

const isoDay = (offsetDays = 0) => {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};
const id = (i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
const at = "2026-01-05T09:00:00Z";
const app = (i, company, role, stages) => ({
  id: id(i), company, role, applied_on: "2026-01-05",
  history: stages.map((stage) => ({ stage, on: "2026-01-05", recorded_at: at })), created_at: at, updated_at: at,
});
/** A notebook with these applications, opened at `path`. */
async function seeded(env, t, apps, path) {
  const { page } = await freshPage(env, t, { path: "" });
  await setItem(page, DATA_KEY, JSON.stringify({ schema_version: 2, revision: 1, data: { applications: apps } }));
  await open(page, env.url, path);
  return page;
}
const three = () => [
  app(1, "Acme", "Recruiter", ["applied"]),
  app(2, "Globex", "HR Partner", ["applied", "interviewing"]),
  app(3, "Initech", "Sourcer", ["applied", "rejected"]),
];
const column = (page, stage) => page.getByRole("region", { name: new RegExp(`^${stage} \\(`) });
const card = (page, stage, company) => column(page, stage).getByRole("listitem").filter({ hasText: company });
const center = async (locator) => {
  const b = await locator.boundingBox();
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};
const lastStage = (company) => (e) => {
  const a = e.data.applications.find((x) => x.company === company);
  return a && a.history.at(-1);
};

for (const engine of ENGINES) describe(engine, () => {
  let env;
  before(async () => { env = await launch({ engine }); });
  after(async () => { await env?.close(); });

  test("a mouse drag between columns records the stage, dated today; Escape cancels; a tap opens the card", async (t) => {
    const page = await seeded(env, t, three(), "applications?view=board");
    const acme = card(page, "Applied", "Acme");
    await acme.waitFor();

    // Columns next to each other, so every engine's window shows both whatever its size.
    await column(page, "Saved").evaluate((el) => el.scrollIntoView({ block: "center", inline: "nearest" }));
    // Escape halfway through a drag: nothing moves.
    let from = await center(acme.getByText("Recruiter", { exact: true }));
    let to = await center(column(page, "Saved"));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 12, from.y + 4, { steps: 3 });
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await page.keyboard.press("Escape");
    await page.mouse.up();
    await page.getByText("Move cancelled.").waitFor();
    assert.equal(await card(page, "Saved", "Acme").count(), 0, "an Escaped drag moves nothing");

    from = await center(acme.getByText("Recruiter", { exact: true }));
    to = await center(column(page, "Screening"));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 12, from.y + 4, { steps: 3 });
    await page.mouse.move(to.x, to.y, { steps: 8 });
    assert.ok(await column(page, "Screening").evaluate((el) => el.classList.contains("drop-target")), "the column under the card is the lit drop target");
    assert.ok(!(await column(page, "Applied").evaluate((el) => el.classList.contains("drop-target"))));
    await page.mouse.up();
    await page.getByText("Moved Recruiter at Acme to Screening.").waitFor();
    await card(page, "Screening", "Acme").waitFor();
    assert.equal(await card(page, "Applied", "Acme").count(), 0);
    const saved = await waitForSaved(page, (e) => lastStage("Acme")(e).stage === "screening");
    assert.equal(lastStage("Acme")(saved).on, isoDay(0), "dated today");
    assert.equal(saved.data.applications.find((a) => a.company === "Acme").history.length, 2, "appended to the history");
    assert.match((await page.url()), /\/applications\?view=board$/, "a drop opens nothing");

    // A tap (no movement) opens the card; its timeline shows the move, also after reload.
    await card(page, "Screening", "Acme").getByRole("link", { name: /Acme/ }).click();
    await page.getByRole("heading", { level: 1, name: /Acme/ }).waitFor();
    for (const reload of [false, true]) {
      if (reload) await page.reload();
      const step = page.getByRole("region", { name: "Timeline" }).getByRole("listitem").filter({ hasText: "Screening" });
      assert.equal(await step.locator("time").getAttribute("datetime"), isoDay(0));
    }
  });

  test("Move to… by keyboard alone: Tab, Enter, arrow keys; announced, focus follows the card", async (t) => {
    const page = await seeded(env, t, three(), "applications?view=board");
    const kb = page.keyboard;
    const move = page.getByRole("button", { name: "Move to… (Recruiter at Acme)" });
    await tabTo(page, move);
    await kb.press("Enter");
    const menu = page.getByRole("list", { name: "Move Recruiter at Acme to another stage" });
    await menu.waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === "Saved");
    await kb.press("ArrowDown");
    await kb.press("ArrowDown");
    assert.ok(await focused(menu.getByRole("button", { name: "Interviewing" })), "arrows move through the stages");
    await kb.press("Escape");
    await menu.waitFor({ state: "detached" });
    await page.waitForFunction(() => document.activeElement?.id?.startsWith("move-"));
    assert.ok(await focused(move), "Escape returns to the button");

    await kb.press("Enter");
    await menu.waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === "Saved");
    for (let i = 0; i < 3; i++) await kb.press("ArrowDown");
    await kb.press("Enter");
    await page.getByRole("status").filter({ hasText: "Moved Recruiter at Acme to Offer." }).waitFor();
    await card(page, "Offer", "Acme").waitFor();
    await page.waitForFunction(() => document.activeElement?.id?.startsWith("move-"));
    assert.ok(await focused(card(page, "Offer", "Acme").getByRole("button", { name: /Move to…/ })), "focus stays on the moved card");
    const saved = await waitForSaved(page, (e) => lastStage("Acme")(e).stage === "offer");
    assert.equal(lastStage("Acme")(saved).on, isoDay(0));

    // Closed stages are folded, and reachable from the menu.
    await page.getByText("Closed (1)").click();
    await card(page, "Rejected", "Initech").waitFor();
  });

  test("list or board lives in the URL and is remembered after reload and on the next visit", async (t) => {
    const page = await seeded(env, t, three(), "applications");
    const views = page.getByRole("navigation", { name: "Show as" });
    assert.equal(await views.getByRole("link", { name: "List" }).getAttribute("aria-current"), "true");
    await page.getByRole("list", { name: "Your applications" }).waitFor();
    await views.getByRole("link", { name: "Board" }).click();
    await column(page, "Applied").waitFor();
    assert.match((await page.url()), /view=board/);
    await page.reload();
    await column(page, "Applied").waitFor();
    await open(page, env.url, "applications");
    await column(page, "Applied").waitFor();
    assert.equal(await views.getByRole("link", { name: "Board" }).getAttribute("aria-current"), "true", "remembered without the URL saying");
    await views.getByRole("link", { name: "List" }).click();
    await page.getByRole("list", { name: "Your applications" }).waitFor();
    await open(page, env.url, "applications");
    await page.getByRole("list", { name: "Your applications" }).waitFor();
    assert.equal(await column(page, "Applied").count(), 0);
    const prefs = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("knockback:pref:")));
    assert.deepEqual(prefs, ["knockback:pref:board-view"]);
  });

  test("quick add by Enter on the dashboard, the list and the board; an unreadable line keeps what was typed", async (t) => {
    const { page } = await freshPage(env, t, { path: "" });
    const quick = () => page.getByLabel("Quick add");
    await quick().fill("Acme — Recruiter");
    await quick().press("Enter");
    await page.getByRole("status").filter({ hasText: "Added Recruiter at Acme (Applied, today)." }).waitFor();
    let saved = await waitForSaved(page, (e) => e.data.applications.length === 1);
    assert.deepEqual([saved.data.applications[0].history[0].stage, saved.data.applications[0].applied_on], ["applied", isoDay(0)]);
    assert.equal(await quick().inputValue(), "", "ready for the next one");

    await nav(page, "Applications").click();
    await quick().fill("Data Analyst at Globex");
    await quick().press("Enter");
    await page.getByRole("list", { name: "Your applications" }).getByRole("link", { name: /Globex/ }).waitFor();

    // A line with no company: asked for it, nothing lost.
    await quick().fill("Talent Partner");
    await quick().press("Enter");
    await page.getByText("Which company is it? Type its name to add it.").waitFor();
    assert.equal(await page.getByLabel("Role", { exact: true }).inputValue(), "Talent Partner");
    assert.equal(await quick().inputValue(), "Talent Partner");
    await page.getByLabel("Company", { exact: true }).fill("Hooli");
    await page.getByLabel("Company", { exact: true }).press("Enter");
    await page.getByRole("status").filter({ hasText: "Added Talent Partner at Hooli" }).waitFor();

    await page.getByRole("navigation", { name: "Show as" }).getByRole("link", { name: "Board" }).click();
    await quick().fill("Initech | Sourcer");
    await quick().press("Enter");
    await card(page, "Applied", "Initech").waitFor();
    await page.getByRole("link", { name: "Open Sourcer at Initech" }).click();
    await page.getByRole("heading", { level: 1, name: /Initech/ }).waitFor();
    saved = await waitForSaved(page, (e) => e.data.applications.length === 4);
    assert.deepEqual(saved.data.applications.map((a) => `${a.company}/${a.role}`).sort(),
      ["Acme/Recruiter", "Globex/Data Analyst", "Hooli/Talent Partner", "Initech/Sourcer"]);
  });

  test("a pasted job link fills the link and the company; a job board's link asks for the company", async (t) => {
    const { page } = await freshPage(env, t, { path: "applications" });
    const quick = page.getByLabel("Quick add");
    await quick.fill("https://jobs.lever.co/acme-corp/1234-abcd");
    await quick.press("Enter");
    await page.getByText("Which role is it? Type it to add the application.").waitFor();
    assert.equal(await page.getByLabel("Company", { exact: true }).inputValue(), "Acme Corp");
    await page.getByText("Link: https://jobs.lever.co/acme-corp/1234-abcd").waitFor();
    await page.getByLabel("Role", { exact: true }).fill("People Partner");
    await page.getByLabel("Role", { exact: true }).press("Enter");
    await page.getByRole("status").filter({ hasText: "Added People Partner at Acme Corp" }).waitFor();
    const saved = await waitForSaved(page, (e) => e.data.applications.length === 1);
    assert.equal(saved.data.applications[0].link, "https://jobs.lever.co/acme-corp/1234-abcd");

    await quick.fill("Recruiter https://www.linkedin.com/jobs/view/123");
    await quick.press("Enter");
    // WebKit's driver now and then loses this Enter (1 CI run in 4); it can add nothing
    // (the company is missing), so pressing it again is safe.
    const ask = page.getByText("LinkedIn links don't say the company. Type its name to add it.");
    if (await ask.waitFor({ timeout: 3000 }).then(() => false, () => true)) await quick.press("Enter");
    await ask.waitFor();
    assert.equal(await page.getByLabel("Role", { exact: true }).inputValue(), "Recruiter");
    await page.getByLabel("Company", { exact: true }).fill("Globex");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Added Recruiter at Globex" }).waitFor();
    const after = await waitForSaved(page, (e) => e.data.applications.length === 2);
    assert.equal(after.data.applications[1].link, "https://www.linkedin.com/jobs/view/123");
  });

  test("the list: Active by default, Closed and All in the URL; quick stage change; Delete from ⋯ with Undo; Filter (n)", async (t) => {
    const page = await seeded(env, t, three(), "applications");
    const rows = page.getByRole("list", { name: "Your applications" }).getByRole("listitem");
    const scope = page.getByRole("navigation", { name: "Which applications" });
    await page.getByText("Showing 2 of 3 applications").waitFor();
    assert.equal(await rows.filter({ hasText: "Initech" }).count(), 0, "closed ones are not in Active");
    await scope.getByRole("link", { name: "Closed" }).click();
    await page.getByText("Showing 1 of 3 applications").waitFor();
    await rows.filter({ hasText: "Initech" }).waitFor();
    assert.match((await page.url()), /show=closed/);
    await scope.getByRole("link", { name: "All" }).click();
    await page.getByText("3 applications", { exact: true }).waitFor();
    assert.match((await page.url()), /show=all/);
    await page.reload();
    await page.getByText("3 applications", { exact: true }).waitFor();
    await scope.getByRole("link", { name: "Active" }).click();
    await page.getByText("Showing 2 of 3 applications").waitFor();

    // A quick stage change, dated today.
    await page.getByLabel("Stage of Recruiter at Acme").selectOption({ label: "Screening" });
    await page.getByRole("status").filter({ hasText: "Moved Recruiter at Acme to Screening." }).waitFor();
    const saved = await waitForSaved(page, (e) => lastStage("Acme")(e).stage === "screening");
    assert.equal(lastStage("Acme")(saved).on, isoDay(0));
    assert.equal(await page.getByLabel("Stage of Recruiter at Acme").inputValue(), "screening");

    // Delete sits in the row's menu, and Undo brings it back.
    // In WebKit the menu now and then stays shut after the click (1 run in 5 here, with
    // no error on the page); open it again if its Delete has not shown after 3 s.
    const more = page.getByRole("button", { name: "More actions for HR Partner at Globex" });
    const del = page.getByRole("button", { name: "Delete HR Partner at Globex" });
    await more.click();
    if (await del.waitFor({ timeout: 3000 }).then(() => false, () => true)) await more.click();
    await del.click();
    await page.getByText("Deleted HR Partner at Globex.").waitFor();
    await waitForSaved(page, (e) => e.data.applications.length === 2);
    await page.getByRole("button", { name: "Undo" }).click();
    await rows.filter({ hasText: "Globex" }).waitFor();
    await waitForSaved(page, (e) => e.data.applications.length === 3);

    // Filters are behind a button that counts them.
    const filter = page.getByRole("button", { name: "Filter", exact: true });
    assert.equal(await filter.getAttribute("aria-expanded"), "false");
    await filter.click();
    await page.getByLabel("Search").fill("globex");
    await page.getByRole("button", { name: "Filter (1)" }).waitFor();
    await page.getByText("Showing 1 of 3 applications").waitFor();
  });

  if (engine === "chromium") test("no horizontal scrolling at 320 px: the board scrolls inside itself", async (t) => {
    const { page } = await freshPage(env, t, { path: "", context: { viewport: { width: 320, height: 700 } } });
    await setItem(page, DATA_KEY, JSON.stringify({ schema_version: 2, revision: 1, data: { applications: three() } }));
    for (const path of ["applications", "applications?view=board", "applications?show=all", ""]) {
      await open(page, env.url, path);
      await page.getByLabel("Quick add").waitFor();
      if (path === "applications") await page.getByRole("button", { name: "Filter", exact: true }).click();
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(widths[0] <= widths[1], `${path || "dashboard"}: page is ${widths[0]} px wide in a ${widths[1]} px window`);
    }
    await open(page, env.url, "applications?view=board");
    await page.getByRole("heading", { level: 1, name: "Applications" }).waitFor();
    const board = page.locator(".board").first();
    const [sw, cw] = await board.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    assert.ok(sw > cw, "the columns scroll sideways inside the board");
    const small = await page.evaluate(() => [...document.querySelectorAll(".quick-add button, .quick-add input, .list-toolbar a, .list-toolbar button, .board button, .board summary, .board-closed summary, .drag-grip, .app-list select, .app-list button")]
      .filter((el) => el.getClientRects().length && !el.closest(".board-closed:not([open])"))
      .map((el) => { const r = el.getBoundingClientRect(); return { t: el.textContent || el.getAttribute("aria-label") || el.id, w: r.width, h: r.height }; })
      .filter((r) => r.w < 44 || r.h < 44));
    assert.deepEqual(small, [], "touch targets are at least 44 × 44 px");
  });
});
