// A normal week's leftovers, in every engine: a CSV export that carries every field and
// imports back field for field in a fresh browser; Undo after a board drag (held at the
// board's edge, which scrolls it), a "Move to…" and the list's quick stage change; a
// board whose active columns all fit at 1280 px; and the interview's time zone picked
// from the browser's own list, by mouse and by keyboard, or typed where there is none.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshPage, launch, open, nav, download, setItem, waitForSaved, DATA_KEY, ENGINES } from "./helpers.mjs";

const id = (i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
const at = "2026-01-05T09:00:00Z";
const isoDay = (offsetDays = 0) => {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};
const app = (i, company, role, stages, extra = {}) => ({
  id: id(i), company, role, applied_on: "2026-01-05",
  history: stages.map((stage) => ({ stage, on: "2026-01-05", recorded_at: at })), created_at: at, updated_at: at, ...extra,
});
const seeded = async (env, t, apps, path) => {
  const { page } = await freshPage(env, t, { path: "" });
  await setItem(page, DATA_KEY, JSON.stringify({ schema_version: 2, revision: 1, data: { applications: apps } }));
  await open(page, env.url, path);
  return page;
};
const pipeline = () => [
  app(1, "Acme", "Recruiter", ["applied"]),
  app(2, "Globex", "HR Partner", ["applied", "interviewing"]),
  app(3, "Initech", "Sourcer", ["saved"], { applied_on: undefined }),
];
const column = (page, stage) => page.getByRole("region", { name: new RegExp(`^${stage} \\(`) });
const card = (page, stage, company) => column(page, stage).getByRole("listitem").filter({ hasText: company });
const stagesOf = (e, company) => e.data.applications.find((a) => a.company === company).history.map((c) => c.stage);

// Every field the form and the rounds hold, with text a CSV must quote or escape.
const FULL = app(10, "Quote \"Co\", Ltd", "Analyst", ["saved", "applied", "interviewing"], {
  link: "https://jobs.example.com/10", location: "Leeds", source: "Referral", tags: ["remote", "urgent"],
  notes: "line one\nline two, with a comma",
  salary_min: 45000, salary_max: 55000, currency: "GBP", closing_on: "2026-06-20", priority: "high",
  interviews: [
    { id: id(901), date: "2026-02-10", kind: "on_site", interviewers: ["Sam Lee", "Jo Park"], notes: "Asked | about\nwhiteboards",
      self_rating: 4, start_time: "09:15:00", time_zone: "Europe/London", place: "Room 4 | 1 Main St, Leeds" },
    { id: id(902), date: "2026-02-17", kind: "video", place: "https://meet.example.com/abc-def" },
  ],
});

for (const engine of ENGINES) describe(engine, () => {
  let env;
  before(async () => { env = await launch({ engine }); });
  after(async () => { await env?.close(); });

  test("CSV: every field goes out, and the file imports back field for field in a fresh browser", async (t) => {
    const page = await seeded(env, t, [FULL], "settings");
    const csv = await download(page, () => page.getByRole("button", { name: "Export applications as CSV" }).click());
    const header = csv.text.split("\n")[0];
    for (const column of ["Salary Min", "Salary Max", "Currency", "Closing Date", "Priority", "Interview Rounds"]) {
      assert.ok(header.split(",").includes(column), `the export has ${column}: ${header}`);
    }
    assert.match(csv.text, /2026-02-10 \| 09:15 \| Europe\/London \| On-site \| Room 4 \\\| 1 Main St, Leeds \| Sam Lee, Jo Park \| 4 \| Asked \\\| about\\nwhiteboards/);

    // Another browser profile, empty: the file goes in through the import's own steps.
    const other = await freshPage(env, t, { path: "settings" });
    await other.page.getByLabel("Import a CSV file").setInputFiles({ name: csv.name, mimeType: "text/csv", buffer: Buffer.from(csv.text) });
    const preview = other.page.getByRole("region", { name: "Import preview" });
    await preview.getByRole("heading", { name: "1 applications to add" }).waitFor();
    for (const [header, key] of [["Salary Min", "salary_min"], ["Closing Date", "closing_on"], ["Priority", "priority"], ["Interview Rounds", "rounds"]]) {
      assert.equal(await preview.getByLabel(header, { exact: true }).inputValue(), key, `${header} is read as ${key}`);
    }
    await preview.getByRole("button", { name: "Add 1 applications" }).click();
    const saved = await waitForSaved(other.page, (e) => e.data.applications.length === 1);
    const back = saved.data.applications[0];
    for (const key of ["company", "role", "link", "location", "source", "tags", "notes", "applied_on", "salary_min", "salary_max", "currency", "closing_on", "priority"]) {
      assert.deepEqual(back[key], FULL[key], key);
    }
    assert.deepEqual(back.history.map((c) => c.stage), ["saved", "applied", "interviewing"]);
    const strip = (rounds) => rounds.map(({ id: _, ...rest }) => ({ interviewers: [], notes: "", ...rest }));
    assert.deepEqual(strip(back.interviews).map((r) => [r.date, r.start_time, r.time_zone, r.place, r.kind, r.interviewers, r.self_rating, r.notes]),
      strip(FULL.interviews).map((r) => [r.date, r.start_time, r.time_zone, r.place, r.kind, r.interviewers, r.self_rating, r.notes]));

    // And the user sees them: salary, closing date, priority, the round's time, zone and place.
    await other.page.reload();
    await nav(other.page, "Applications").click();
    await other.page.getByRole("link", { name: /Quote "Co", Ltd/ }).first().click();
    await other.page.getByRole("heading", { level: 1, name: /Quote "Co", Ltd/ }).waitFor();
    await other.page.getByText("GBP 45,000–55,000").waitFor();
    await other.page.getByText("High priority").first().waitFor();
    await other.page.getByText("Where: Room 4 | 1 Main St, Leeds").waitFor();
    await other.page.getByText("At 09:15 (Europe/London)").waitFor();

    // Another tracker's deadline that isn't a date costs nothing: the row comes in, the
    // value goes to its notes, and the preview says so.
    await open(other.page, env.url, "settings");
    const sheet = "Company,Role,Deadline\nAcme,Analyst,2026-05-01\nGlobex,Buyer,Rolling\n";
    await other.page.getByLabel("Import a CSV file").setInputFiles({ name: "peer.csv", mimeType: "text/csv", buffer: Buffer.from(sheet) });
    await preview.getByRole("heading", { name: "2 applications to add" }).waitFor();
    await preview.getByRole("heading", { name: "Kept in the notes instead" }).waitFor();
    await preview.getByText(/^Row 3: the closing date “Rolling” .*, so it is kept in the notes\.$/).waitFor();
    await preview.getByRole("button", { name: "Add 2 applications" }).click();
    const peers = await waitForSaved(other.page, (e) => e.data.applications.length === 3);
    const byCompany = Object.fromEntries(peers.data.applications.map((a) => [a.company, a]));
    assert.equal(byCompany.Acme.closing_on, "2026-05-01");
    assert.equal(byCompany.Globex.closing_on, undefined);
    assert.equal(byCompany.Globex.notes, "Deadline: Rolling");
  });

  test("Undo after a drag held at the board's edge (it scrolls), after Move to…, and after the list's quick change", async (t) => {
    const page = await seeded(env, t, pipeline(), "applications?view=board");
    const acme = card(page, "Applied", "Acme");
    await acme.waitFor();
    // A narrow board, as on a tablet, so the Offer column starts out of sight.
    await page.evaluate(() => { document.querySelector("main").style.maxWidth = "34rem"; });
    const board = page.getByRole("group", { name: "Active stages" });
    await board.evaluate((el) => { el.scrollLeft = 0; el.scrollIntoView({ block: "center" }); });
    const offerLeft = () => column(page, "Offer").evaluate((el) => el.getBoundingClientRect().left);
    const box = await board.boundingBox();
    assert.ok((await offerLeft()) > box.x + box.width, "Offer starts beyond the board's right edge");

    const from = await acme.getByText("Recruiter", { exact: true }).boundingBox();
    const [x, y] = [from.x + from.width / 2, from.y + from.height / 2];
    const edge = box.x + box.width - 6;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 12, y + 4, { steps: 3 });
    await page.mouse.move(edge, y, { steps: 8 });
    // Held still at the edge: the board scrolls by itself until Offer is under the pointer.
    await page.waitForFunction((edgeX) => {
      const offer = document.querySelector('[data-stage="offer"]');
      const r = offer.getBoundingClientRect();
      return r.left < edgeX && r.right > edgeX;
    }, edge);
    assert.ok((await board.evaluate((el) => el.scrollLeft)) > 0, "the board scrolled");
    await page.mouse.move(edge - 2, y, { steps: 2 });
    await page.mouse.up();
    const undoBar = page.getByRole("status").filter({ hasText: "Moved Recruiter at Acme to Offer." });
    await undoBar.waitFor();
    await card(page, "Offer", "Acme").waitFor();
    await waitForSaved(page, (e) => stagesOf(e, "Acme").join() === "applied,offer");
    await undoBar.getByRole("button", { name: "Undo" }).click();
    await card(page, "Applied", "Acme").waitFor();
    assert.equal(await card(page, "Offer", "Acme").count(), 0);
    const undone = await waitForSaved(page, (e) => stagesOf(e, "Acme").join() === "applied");
    assert.deepEqual(stagesOf(undone, "Globex"), ["applied", "interviewing"], "nothing else changed");

    // Move to… (a click, then a stage), then Undo: only that entry goes.
    await page.evaluate(() => { document.querySelector("main").style.maxWidth = ""; });
    await page.getByRole("button", { name: "Move to… (HR Partner at Globex)" }).click();
    await page.getByRole("list", { name: "Move HR Partner at Globex to another stage" }).getByRole("button", { name: "Screening" }).click();
    await page.getByRole("status").filter({ hasText: "Moved HR Partner at Globex to Screening." }).waitFor();
    await waitForSaved(page, (e) => stagesOf(e, "Globex").join() === "applied,interviewing,screening");
    await page.getByRole("button", { name: "Undo" }).click();
    await card(page, "Interviewing", "Globex").waitFor();
    await waitForSaved(page, (e) => stagesOf(e, "Globex").join() === "applied,interviewing");

    // The list's quick stage change, then Undo; the select follows.
    // (The board is remembered: the list is asked for by name.)
    await open(page, env.url, "applications?view=list");
    const select = page.getByLabel("Stage of Sourcer at Initech");
    await select.selectOption({ label: "Applied" });
    await page.getByRole("status").filter({ hasText: "Moved Sourcer at Initech to Applied." }).waitFor();
    await waitForSaved(page, (e) => stagesOf(e, "Initech").join() === "saved,applied");
    await page.getByRole("button", { name: "Undo" }).click();
    await waitForSaved(page, (e) => stagesOf(e, "Initech").join() === "saved");
    await page.waitForFunction((selectId) => document.getElementById(selectId)?.value === "saved", `stage-${id(3)}`);
    await page.reload();
    assert.equal(await page.getByLabel("Stage of Sourcer at Initech").inputValue(), "saved", "Undo was saved");
  });

  if (engine === "chromium") test("a touch drag from the grip, held at the board's edge, scrolls it and drops in a column out of sight", async (t) => {
    const { page } = await freshPage(env, t, { path: "", context: { viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true } });
    await setItem(page, DATA_KEY, JSON.stringify({ schema_version: 2, revision: 1, data: { applications: pipeline() } }));
    await open(page, env.url, "applications?view=board");
    const grip = card(page, "Applied", "Acme").locator(".drag-grip");
    await grip.waitFor();
    const board = page.getByRole("group", { name: "Active stages" });
    await board.evaluate((el) => { el.scrollLeft = 0; el.scrollIntoView({ block: "center" }); });
    await page.waitForTimeout(300); // the snap settles
    const g = await grip.boundingBox();
    const b = await board.boundingBox();
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, x, y) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y, id: 1 }] });
    const [x0, y0] = [g.x + g.width / 2, g.y + g.height / 2];
    const edge = b.x + b.width - 4;
    await touch("touchStart", x0, y0);
    for (let i = 1; i <= 8; i++) await touch("touchMove", x0 + ((edge - x0) * i) / 8, y0);
    // Held at the edge: the columns scroll by until the last one, Offer, is in sight.
    const atEnd = () => board.evaluate((el) => el.scrollLeft + el.clientWidth >= el.scrollWidth - 1);
    assert.equal(await atEnd(), false, "Offer starts out of sight");
    const deadline = Date.now() + 10_000;
    while (!(await atEnd())) {
      assert.ok(Date.now() < deadline, "the board scrolled to its end under a held finger");
      await touch("touchMove", edge, y0);
      await page.waitForTimeout(30);
    }
    const col = await column(page, "Offer").boundingBox();
    await touch("touchMove", col.x + col.width / 2, y0);
    await touch("touchEnd");
    await page.getByRole("status").filter({ hasText: "Moved Recruiter at Acme to Offer." }).waitFor();
    await card(page, "Offer", "Acme").waitFor();
    const saved = await waitForSaved(page, (e) => stagesOf(e, "Acme").join() === "applied,offer");
    assert.equal(saved.data.applications.find((a) => a.company === "Acme").history.at(-1).on, isoDay(0));
  });

  test("at 1280 px every active column is on screen, with no sideways scrolling", async (t) => {
    const page = await seeded(env, t, pipeline(), "applications?view=board");
    await card(page, "Applied", "Acme").waitFor();
    const width = await page.evaluate(() => window.innerWidth);
    assert.ok(width >= 1240 && width <= 1300, `a desktop window (${width} px)`);
    const board = page.getByRole("group", { name: "Active stages" });
    const [sw, cw] = await board.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    assert.ok(sw <= cw, `the columns fit (${sw} in ${cw} px)`);
    for (const stage of ["Saved", "Applied", "Screening", "Interviewing", "Offer"]) {
      const r = await column(page, stage).boundingBox();
      assert.ok(r.x >= 0 && r.x + r.width <= width, `${stage} is on screen (${Math.round(r.x)}–${Math.round(r.x + r.width)})`);
    }
    assert.equal(await page.getByText("Scroll or swipe sideways for more stages.").isVisible(), false, "no 'more' hint when all fit");
  });

  test("the interview's time zone: the browser's zones, its own first, filtered by typing; mouse and keyboard", async (t) => {
    const page = await seeded(env, t, pipeline(), `applications/${id(2)}`);
    await page.getByRole("button", { name: "Add interview round" }).click();
    const zone = page.getByRole("combobox", { name: "Time zone" });
    const own = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    assert.equal(await zone.inputValue(), own, "it starts at the user's own zone");
    const list = page.getByRole("listbox", { name: "Matching zones" });
    await zone.click();
    await list.waitFor();
    assert.equal(await zone.getAttribute("aria-expanded"), "true");
    assert.equal(await list.getByRole("option").first().textContent(), `${own} (yours)`, "the user's zone first");

    // Typing filters; a click picks.
    await zone.fill("berl");
    await list.getByRole("option", { name: "Europe/Berlin" }).waitFor();
    assert.ok((await list.getByRole("option").count()) <= 3, "only matching zones");
    await list.getByRole("option", { name: "Europe/Berlin" }).click();
    assert.equal(await zone.inputValue(), "Europe/Berlin");
    await page.waitForFunction(() => document.querySelector('[role="listbox"]')?.hidden);

    // The keyboard: type, arrow down, Enter.
    await zone.fill("new y");
    await list.getByRole("option", { name: "America/New_York" }).waitFor();
    await zone.press("ArrowDown");
    assert.equal(await zone.getAttribute("aria-activedescendant"), await list.getByRole("option", { name: "America/New_York" }).getAttribute("id"));
    await zone.press("Enter");
    assert.equal(await zone.inputValue(), "America/New_York");
    await page.getByLabel("Start time").fill("14:30");
    await page.getByRole("button", { name: "Save round" }).click();
    const saved = await waitForSaved(page, (e) => e.data.applications.find((a) => a.company === "Globex").interviews?.length === 1);
    const round = saved.data.applications.find((a) => a.company === "Globex").interviews[0];
    assert.deepEqual([round.time_zone, round.start_time], ["America/New_York", "14:30:00"]);
  });
});

describe("an engine without Intl.supportedValuesOf", () => {
  let env;
  // The page's own script runs after this, in an engine that never had the list.
  before(async () => { env = await launch({ engine: ENGINES[0], inject: "delete Intl.supportedValuesOf;" }); });
  after(async () => { await env?.close(); });

  test("the time zone stays a text field that takes any zone name", async (t) => {
    const page = await seeded(env, t, pipeline(), `applications/${id(2)}`);
    await page.getByRole("button", { name: "Add interview round" }).click();
    const zone = page.getByLabel("Time zone");
    await zone.waitFor();
    assert.equal(await page.getByRole("combobox", { name: "Time zone" }).count(), 0, "no combobox without a list");
    assert.equal(await page.getByRole("listbox").count(), 0);
    await zone.fill("Asia/Tokyo");
    await page.getByRole("button", { name: "Save round" }).click();
    const saved = await waitForSaved(page, (e) => e.data.applications.find((a) => a.company === "Globex").interviews?.length === 1);
    assert.equal(saved.data.applications.find((a) => a.company === "Globex").interviews[0].time_zone, "Asia/Tokyo");
  });
});
