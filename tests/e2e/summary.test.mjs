// Start-up from the stored summary, in every engine: the dashboard paints from the
// small summary part before any application part is read; the notebook is read after;
// an edit made in that first moment and a page opened by a deep link both get the whole
// notebook; a summary that is out of date (or wrong) is never shown.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  freshPage, launch, open, getItem, putNotebook, waitForSaved, pack, unpack,
  DATA_KEY, ENGINES,
  seedNotebook,
} from "./helpers.mjs";

/** Runs in every page before the app (served as its first script): records each read of
 * the notebook's keys and whether the dashboard was on screen then; with the session
 * flag set, makes one quick add the moment the dashboard first appears, before the
 * browser's next frame (no test driver can act that fast, so the page does it). */
const PROBE = `(() => {
  const reads = (window.__reads = []);
  const getItem = Storage.prototype.getItem;
  Storage.prototype.getItem = function (k) {
    const key = String(k);
    if (key === "knockback:data" || key.startsWith("knockback:part:"))
      reads.push({ key, painted: document.getElementById("by-stage") !== null });
    return getItem.call(this, k);
  };
  if (!sessionStorage.getItem("kb-probe-edit")) return;
  sessionStorage.removeItem("kb-probe-edit");
  new MutationObserver((_, obs) => {
    const input = document.getElementById("quick-add");
    if (!input || !document.getElementById("by-stage")) return;
    obs.disconnect();
    // Parts read since the dashboard appeared: the notebook's read had begun.
    window.__partsReadBeforeEdit = reads.filter((r) => r.painted && r.key.startsWith("knockback:part:")).length;
    input.value = "Early Bird Ltd — Night Owl";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.form.requestSubmit();
  }).observe(document, { childList: true, subtree: true });
})();`;

const notebook = seedNotebook;

const head = async (page) => JSON.parse(await getItem(page, DATA_KEY));

for (const engine of ENGINES) describe(engine, () => {
  let env;
  before(async () => { env = await launch({ engine, inject: PROBE }); });
  after(async () => { await env?.close(); });

  /** 120 applications stored in parts by the app itself, with its summary. */
  async function seeded(t) {
    const { page } = await freshPage(env, t);
    await open(page, env.url);
    await putNotebook(page, notebook(120), 3);
    await page.reload();
    await page.getByText("120 in total").waitFor();
    // A head written by hand names no summary: the first save adds one.
    assert.equal((await head(page)).parts.summary, undefined);
    await page.getByLabel("Quick add").fill("Summary Works — Writer");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await waitForSaved(page, (s) => s.data.applications.length === 121);
    const h = await head(page);
    assert.ok(h.parts.summary?.key, "the save names a summary part");
    return { page, head: h };
  }

  test("the dashboard paints from the summary, and the notebook is read after", async (t) => {
    const { page, head: h } = await seeded(t);
    const summary = JSON.parse(unpack(await getItem(page, h.parts.summary.key)))[0];
    assert.equal(summary.total, 121);
    await page.reload();
    await page.getByText("121 in total").waitFor();
    const appParts = new Set(h.parts.applications.map((r) => r.key));
    // The read after the paint takes in every application part.
    let reads = [];
    for (let i = 0; i < 100; i++) {
      reads = await page.evaluate(() => window.__reads);
      if ([...appParts].every((k) => reads.some((r) => r.key === k))) break;
      await page.waitForTimeout(50);
    }
    const early = reads.filter((r) => !r.painted).map((r) => r.key);
    assert.deepEqual(new Set(early), new Set([DATA_KEY, h.parts.rest.key, h.parts.summary.key]), `read before the first paint: ${early}`);
    const late = new Set(reads.filter((r) => r.painted).map((r) => r.key));
    for (const k of appParts) assert.ok(late.has(k), `part ${k} read after the dashboard painted`);
    // The list, drawn from the whole notebook.
    await page.getByRole("link", { name: "Applications", exact: true }).click();
    await page.getByText("Showing 1 of 121 applications").waitFor();
    await page.getByRole("navigation", { name: "Which applications" }).getByRole("link", { name: "All" }).click();
    await page.getByText(/^Seed Co \d+$/).first().waitFor();
  });

  test("an edit in the first moment, before the notebook is read, is kept with every record", async (t) => {
    const { page } = await seeded(t);
    await page.evaluate(() => sessionStorage.setItem("kb-probe-edit", "1"));
    await page.reload();
    await page.getByText("Added Night Owl at Early Bird Ltd").waitFor();
    assert.equal(await page.evaluate(() => window.__partsReadBeforeEdit), 0, "the edit came before any application part was read");
    await page.getByText("122 in total").waitFor();
    const data = await waitForSaved(page, (s) => s.data.applications.length === 122);
    const companies = new Set(data.data.applications.map((a) => a.company));
    for (let i = 0; i < 120; i++) assert.ok(companies.has(`Seed Co ${i}`), `Seed Co ${i} kept`);
    assert.ok(companies.has("Early Bird Ltd") && companies.has("Summary Works"));
    await page.reload();
    await page.getByText("122 in total").waitFor();
  });

  test("a deep link opens with the whole notebook", async (t) => {
    const { page } = await seeded(t);
    const id = notebook(120).applications[77].id;
    await page.goto(new URL(`applications/${id}/edit`, env.url).href);
    await page.getByRole("heading", { name: /Edit/ }).waitFor();
    assert.equal(await page.getByLabel("Company").inputValue(), "Seed Co 77");
  });

  test("a summary made for other days is not shown: the notebook is read first", async (t) => {
    const { page, head: h } = await seeded(t);
    const summary = JSON.parse(unpack(await getItem(page, h.parts.summary.key)))[0];
    // Out of date, and wrong: it must never reach the screen.
    const stale = { ...summary, total: 999, from: "2020-01-01", until: "2020-01-08" };
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [h.parts.summary.key, pack(JSON.stringify([stale]))]);
    await page.reload();
    await page.getByText("121 in total").waitFor();
    assert.equal(await page.getByText("999 in total").count(), 0);
    const reads = await page.evaluate(() => window.__reads);
    const early = new Set(reads.filter((r) => !r.painted).map((r) => r.key));
    for (const r of h.parts.applications) assert.ok(early.has(r.key), `part ${r.key} read before the first paint`);
    // The next save writes a summary for today again.
    await page.getByLabel("Quick add").fill("Fresh Start — Editor");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await waitForSaved(page, (s) => s.data.applications.length === 122);
    const again = await head(page);
    const fresh = JSON.parse(unpack(await getItem(page, again.parts.summary.key)))[0];
    assert.equal(fresh.total, 122);
    assert.notEqual(fresh.from, "2020-01-01");
  });
});
