// A big notebook: 1,000 rejected applications, 900 of them with a complete reflection.
// Long lists (Insights' plan, technique board, ratings and wins; the Reflect list) show
// their first screenful, the most useful first, and "Show more" / "Show all N" reveal
// the rest, counted right. Chromium only: what is tested is the app's logic, not an engine.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshPage, launch, open, nav, setItem, DATA_KEY } from "./helpers.mjs";

const N = 1000;
const uuid = (n, salt) => `${salt}${String(n).padStart(7, "0")}-0000-4000-8000-${String(n).padStart(12, "0")}`;
const start = Date.parse("2024-01-01T09:00:00Z");
const day = (i) => new Date(start + i * 864e5);
const iso = (i) => day(i).toISOString().slice(0, 10);

/** Every 10th application has no reflection yet; the others are complete, each with a
 * gap (even ones open, due sooner the later the reflection), two techniques (one of 40
 * names to keep, one to drop), three wins and a rating. */
function notebook() {
  const applications = [], reflections = [];
  for (let i = 0; i < N; i++) {
    const id = uuid(i, "a"), at = day(i).toISOString();
    applications.push({
      id, company: `Company ${i}`, role: "Recruiter",
      history: [{ stage: "applied", on: iso(i), recorded_at: at }, { stage: "rejected", on: iso(i), recorded_at: at }],
      created_at: at, updated_at: at,
    });
    if (i % 10 === 0) continue;
    reflections.push({
      id: uuid(i, "c"), application_id: id, status: "complete", step: 5,
      skills: [{ id: uuid(i, "d"), gap: `Gap ${i}`, action: "Practise", action_kind: "project", target_date: iso(N - i), status: i % 2 ? "done" : "todo" }],
      techniques: [{ id: uuid(i, "e"), name: `Technique ${i % 40}`, verdict: "keep" }, { id: uuid(i, "f"), name: "Long answers", verdict: "drop" }],
      confidence: { did_well: [`Win ${i}a`, `Win ${i}b`, `Win ${i}c`], rating: 1 + (i % 10) },
      created_at: at, updated_at: at, completed_at: at,
    });
  }
  return JSON.stringify({ schema_version: 3, saved_at: new Date().toISOString(), revision: 1, data: { applications, reflections } });
}

let env;
describe("chromium", () => {
  before(async () => { env = await launch(); });
  after(async () => { await env?.close(); });
  test("Insights shows the first items of each long list, and Show all reveals the rest", (t) => insights(t));
  test("the Reflect list shows what's left to do first, then pages", (t) => reflectList(t));
});

async function seeded(t) {
  const { page } = await freshPage(env, t, { path: "" });
  await setItem(page, DATA_KEY, notebook());
  return page;
}

async function insights(t) {
  const page = await seeded(t);
  await open(page, env.url, "");
  await nav(page, "Insights").click();
  await page.getByRole("heading", { level: 1, name: "Insights" }).waitFor();

  // Development plan: 900 items, open ones first, soonest first.
  const plan = page.getByRole("region", { name: "Development plan" });
  const cards = plan.getByRole("listitem");
  await plan.getByText("Showing 25 of 900 plan items.").waitFor();
  assert.equal(await cards.count(), 25);
  assert.equal(await cards.first().getByRole("heading").textContent(), "Gap 998");
  await plan.getByRole("button", { name: "Show 100 more" }).click();
  await plan.getByText("Showing 125 of 900 plan items.").waitFor();
  assert.equal(await cards.count(), 125);
  await plan.getByRole("button", { name: "Show all 900 plan items" }).click();
  await plan.getByText("Showing all 900 plan items.").waitFor();
  assert.equal(await cards.count(), 900);
  assert.equal(await plan.getByRole("button", { name: /^Show/ }).count(), 0);
  // The count keeps the focus, so the keyboard isn't thrown back to the top.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Showing all 900 plan items.");
  assert.equal(await cards.last().getByRole("heading").textContent(), "Gap 1", "done items last");

  // Technique board: 36 techniques to keep (names 0, 10, 20 and 30 fall on applications
  // without a reflection), most frequent first.
  const keep = page.getByRole("region", { name: /^Keep/ });
  assert.equal(await keep.getByRole("listitem").count(), 25);
  await keep.getByRole("button", { name: "Show all 36 techniques" }).click();
  await keep.getByText("Showing all 36 techniques.").waitFor();
  assert.equal(await keep.getByRole("listitem").count(), 36);
  // A short column has no buttons.
  assert.equal(await page.getByRole("region", { name: /^Drop/ }).getByRole("button").count(), 0);

  // Ratings table: the latest 25, in date order.
  const table = page.getByRole("table", { name: "Confidence ratings" });
  const rows = table.locator("tbody tr");
  assert.equal(await rows.count(), 25);
  assert.match(await rows.last().textContent(), /Recruiter at Company 999/);
  await page.getByRole("button", { name: "Show all 900 ratings" }).click();
  await page.getByText("Showing all 900 ratings.").waitFor();
  assert.equal(await rows.count(), 900);
  assert.match(await rows.first().textContent(), /Recruiter at Company 1\b/);

  // Wins log: 2,700 wins, newest first.
  const wins = page.getByRole("region", { name: "Wins log" });
  const items = wins.getByRole("listitem");
  await wins.getByText("Showing 25 of 2700 wins.").waitFor();
  assert.equal(await items.count(), 25);
  assert.match(await items.first().textContent(), /^Win 999a/);
  await wins.getByRole("button", { name: "Show all 2700 wins" }).click();
  await wins.getByText("Showing all 2700 wins.").waitFor();
  assert.equal(await items.count(), 2700);
  assert.match(await items.last().textContent(), /^Win 1c/);
}

async function reflectList(t) {
  const page = await seeded(t);
  await open(page, env.url, "");
  await nav(page, "Reflect").click();
  const list = page.getByRole("region", { name: "Your rejections and reflections" });
  const rows = list.getByRole("listitem");
  await list.getByText(`Showing 25 of ${N} applications.`).waitFor();
  assert.equal(await rows.count(), 25);
  // Not started comes first: the 100 without a reflection.
  assert.equal(await list.getByRole("link", { name: /^Start reflecting/ }).count(), 25);
  await list.getByRole("button", { name: "Show 100 more" }).click();
  await list.getByText(`Showing 125 of ${N} applications.`).waitFor();
  assert.equal(await list.getByRole("link", { name: /^Start reflecting/ }).count(), 100);
  assert.equal(await list.getByRole("link", { name: /^View/ }).count(), 25);
  // By keyboard: the button is a real button.
  await list.getByRole("button", { name: `Show all ${N} applications` }).focus();
  await page.keyboard.press("Enter");
  await list.getByText(`Showing all ${N} applications.`).waitFor();
  assert.equal(await rows.count(), N);
  assert.equal(await list.getByRole("link", { name: /^View/ }).count(), 900);
  // And each still opens its reflection.
  await list.getByRole("link", { name: "View: Recruiter at Company 999" }).click();
  await page.getByRole("heading", { level: 1, name: "Reflection: Recruiter at Company 999" }).waitFor();
}
