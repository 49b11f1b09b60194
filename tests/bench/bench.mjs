// Knockback's benchmark: sizes and timings of the release build in real headless
// Chromium, medians of several runs. Prints a Markdown table and writes it (and the raw
// runs as JSON) to bench-results/, so runs can be compared. Run: scripts/bench.sh
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, unpack, DATA_KEY, ROOT } from "../e2e/helpers.mjs";
import { envelope as notebook, uuid } from "./notebook.mjs";
import { firstVisit as firstPageFiles } from "../first-visit.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 5);
// A mid-range phone: Chromium's CPU throttling (BENCH_THROTTLE=4, as Lighthouse's mobile preset).
const THROTTLE = Number(process.env.BENCH_THROTTLE || 1);
// "wordy": notes, round notes and feedback written as real paragraphs, as real notebooks are.
const WORDY = process.env.BENCH_NOTEBOOK === "wordy";
// BENCH_LIGHTHOUSE=N adds N Lighthouse mobile runs (tools/bench, installed by scripts/bench.sh).
const LIGHTHOUSE = Number(process.env.BENCH_LIGHTHOUSE || 0);
// Another build to measure (e.g. an older release, for a before/after in one sitting).
const DIST = process.env.BENCH_DIST || "dist";
// The schema the stored notebook is written in: 3 now; 2 for a build from before it.
const SCHEMA = Number(process.env.BENCH_SCHEMA || 3);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
function sizes() {
  const dist = join(ROOT, DIST);
  // Recursive: the wasm and its script sit in the build's wasm-<hash>/ folder.
  const pick = (re) => readdirSync(dist, { recursive: true }).filter((f) => re.test(f)).map((f) => readFileSync(join(dist, f)));
  const row = (name, bufs) => { const raw = bufs.reduce((a, b) => a + b.length, 0); const gz = bufs.reduce((a, b) => a + gzipSync(b, { level: 9 }).length, 0); return { name, raw, gz }; };
  const rows = [row("wasm", pick(/\.wasm$/)), row("JS", pick(/(^|\/)(knockback\.js|__wasm_split\.js|(knockback|boot)-.*\.js)$/)), row("CSS", pick(/\.css$/))];
  rows.push({ name: "total", raw: rows.reduce((a, r) => a + r.raw, 0), gz: rows.reduce((a, r) => a + r.gz, 0) });
  return rows;
}

/** A new page in `ctx`, throttled when BENCH_THROTTLE asks, recording long tasks. */
async function newPage(ctx) {
  const page = await ctx.newPage();
  if (THROTTLE > 1) {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  }
  return page;
}

/** A fresh profile with `raw` stored; resolves to ms from navigation to an interactive dashboard. */
async function startup(env, raw, options = {}) {
  const ctx = await env.context(options);
  await ctx.addInitScript(([key, value]) => {
    if (value !== null && !sessionStorage.getItem("kb-bench-seeded")) {
      try {
        // One envelope under the data key, or a whole snapshot (key to text: the
        // notebook in parts, as the app wrote it).
        for (const [k, v] of Object.entries(typeof value === "string" ? { [key]: value } : value)) localStorage.setItem(k, v);
        sessionStorage.setItem("kb-bench-seeded", "1");
      } catch {
        sessionStorage.setItem("kb-bench-seeded", "too big");
      }
    }
    // UTF-16 units the page writes to localStorage, for the "written by one edit" row.
    window.__written = 0;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) { window.__written += String(k).length + String(v).length; return setItem.call(this, k, v); };
    // Every main-thread task over 50 ms, for the "no long tasks" rows.
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ at: e.startTime, ms: e.duration }); })
      .observe({ type: "longtask", buffered: true });
    new MutationObserver((_, obs) => {
      if (document.querySelector("#by-stage, #welcome")) { window.__ready = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  }, [DATA_KEY, raw]);
  const page = await newPage(ctx);
  await page.goto(env.url);
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 120_000 });
  const ms = await page.evaluate(() => window.__ready);
  const fits = raw === null || (await page.evaluate(() => sessionStorage.getItem("kb-bench-seeded"))) === "1";
  return { ctx, page, ms, fits };
}

/** The notebook as this build stores it: the app opens the envelope, one edit makes it
 * write its own form (in parts, for a build that has them), and every key it holds then
 * is the snapshot the runs start from. A notebook too big to be written in parts beside
 * its single key (3,000 wordy ones) gets there as a user's would: restored from a
 * backup into an empty notebook. An older build's envelope stays as it is. */
async function asStored(raw) {
  const snapshot = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("knockback:data") || k.startsWith("knockback:part:")).map((k) => [k, localStorage.getItem(k)])));
  const inParts = (snap) => snap["knockback:data"]?.includes('"parts"');
  let { ctx, page } = await startup(env, raw);
  await page.goto(new URL("applications/" + uuid(1, "a") + "/edit", env.url).href);
  await page.getByLabel("Role").fill("Converted");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForTimeout(2000);
  let snap = await snapshot(page);
  await ctx.close();
  if (inParts(snap) || typeof raw !== "string") return inParts(snap) ? snap : raw;
  ({ ctx, page } = await startup(env, null));
  const file = join(process.env.TMPDIR || "/tmp", "kb-bench-seed.json");
  // A backup file as the app downloads one: the envelope with its data in plain JSON.
  const { packed, ...head } = JSON.parse(raw);
  writeFileSync(file, JSON.stringify({ ...head, data: packed === undefined ? head.data : JSON.parse(unpack(packed)) }));
  await page.goto(new URL("settings", env.url).href);
  await page.getByLabel("Choose a backup file").setInputFiles(file);
  await page.getByRole("region", { name: "Backup preview" }).getByRole("button", { name: "Replace all my data" }).click();
  await page.getByText(/Replaced: your notebook now holds/).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1000);
  snap = await snapshot(page);
  await ctx.close();
  return inParts(snap) ? snap : raw;
}

/** The same profile opening the app again (a returning user: browser caches warm). */
async function reopen(page) {
  await page.reload();
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 120_000 });
  return page.evaluate(() => window.__ready);
}

/** Runs `act` and returns the long tasks (over 50 ms) that started while it ran. */
async function longTasksDuring(page, act) {
  const from = await page.evaluate(() => performance.now());
  await act();
  // Let a debounced save (and its idle work) run inside the window.
  await page.waitForTimeout(1500);
  return page.evaluate((t) => window.__longTasks.filter((e) => e.at >= t).map((e) => e.ms), from);
}

/** Clicks `trigger`, waits for `ready` to appear, then for the next frame; ms from the
 * click event (its timestamp, as the search row uses the key's), so the time Playwright
 * spends finding and scrolling to the target before it clicks is not counted. */
async function timeToFrame(page, trigger, readySelector) {
  await page.evaluate((sel) => {
    window.__opened = null;
    window.__clickAt = null;
    document.addEventListener("click", (e) => { window.__clickAt = e.timeStamp; }, { capture: true, once: true });
    const check = () => {
      if (document.querySelector(sel)) requestAnimationFrame(() => { window.__opened = performance.now(); });
      else requestAnimationFrame(check);
    };
    // the check starts after the click's task below
    window.__startCheck = check;
  }, readySelector);
  await trigger();
  await page.evaluate(() => window.__startCheck());
  await page.waitForFunction(() => window.__opened !== null, null, { timeout: 60_000 });
  return page.evaluate(() => window.__opened - window.__clickAt);
}

/** First visit in a fresh profile: every file the page and its service worker fetched,
 * as the server sent them (compressed as `encodings` allow), and of those the files the
 * first page loads (tests/first-visit.mjs): the rest are the pieces loaded on demand,
 * which the service worker fetches after the page is up, for offline use. */
async function firstVisit(encodings) {
  const env = await launch({ encodings, dist: DIST });
  const { ctx, page } = await startup(env, null);
  // The service worker caches the app for offline use after the page is up.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null || false, null, { timeout: 15_000 }).catch(() => {});
  await page.waitForTimeout(1000);
  const files = new Map();
  for (const f of env.served.sent) files.set(f.path.replace(/^\/+/, ""), f.bytes);
  await ctx.close();
  await env.close();
  const page1 = new Set(firstPageFiles(join(ROOT, DIST)));
  const sum = (keep) => [...files].filter(([p]) => keep(p)).reduce((a, [, b]) => a + b, 0);
  return { bytes: sum((p) => page1.has(p)), all: sum(() => true), files: Object.fromEntries(files) };
}

const results = { date: new Date().toISOString(), runs: RUNS, throttle: THROTTLE, notebook: WORDY ? "wordy" : "short", sizes: sizes(), startup: {}, ops: {} };
results.firstVisit = { br: await firstVisit(["br", "gzip"]), gzip: await firstVisit(["gzip"]) };
const env = await launch({ dist: DIST });
const envelope = (n) => notebook(n, { wordy: WORDY, schema: SCHEMA });
const data1000 = await asStored(envelope(1000)), data3000 = await asStored(envelope(3000));
for (const [label, raw] of [["0", null], ["1000", data1000], ["3000", data3000]]) {
  const times = [], warm = [];
  let fits = true;
  for (let r = 0; r < (label === "3000" ? Math.max(3, RUNS - 2) : RUNS); r++) {
    const run = await startup(env, raw);
    await reopen(run.page);
    warm.push(await reopen(run.page));
    fits &&= run.fits;
    times.push(run.ms);
    await run.ctx.close();
  }
  const chars = raw === null ? 0 : typeof raw === "string" ? raw.length : Object.values(raw).reduce((n, v) => n + v.length, 0);
  results.startup[label] = { median: median(times), times, warm: median(warm), warmTimes: warm, fits, chars, parts: typeof raw === "object" && raw !== null };
}

// Opening a page whose code loads on demand, for the first time, online: from the
// click to the next frame with the page drawn (a section at its top). The service
// worker is blocked, so the piece comes from the server, as it does on a first visit
// before the worker has copied it. (A build without pieces measures the page alone.)
const ON_DEMAND = { Settings: ["Backup & settings", "#privacy"], Reflect: ["Reflect", "#to-reflect"], Insights: ["Insights", "#plan-h"] };
const onDemand = Object.fromEntries(Object.keys(ON_DEMAND).map((k) => [k, []]));
for (let r = 0; r < RUNS; r++) {
  for (const [name, [link, ready]] of Object.entries(ON_DEMAND)) {
    const { ctx, page } = await startup(env, data1000, { serviceWorkers: "block" });
    await page.waitForTimeout(1000);
    const nav = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link });
    onDemand[name].push(await timeToFrame(page, () => nav.click(), ready));
    await ctx.close();
  }
}

// Operations with 1,000 stored.
const EDITS = 5;
const firstEdit = [], edit = [], written = [], search = [], searchWorst = [], openList = [], openBoard = [], backup = [], restore = [];
const long = { typing: [], saving: [], switching: [] };
let bytes = 0;
for (let r = 0; r < RUNS; r++) {
  const { ctx, page } = await startup(env, data1000);
  // A user reads the dashboard before the first tap: start-up's read of the rest of
  // the notebook (after the dashboard painted from its summary) is over by then. A tap
  // before it ends waits for the rest of that read; the start-up rows measure it.
  await page.waitForTimeout(1000);
  // Opening the list from the dashboard, as a user does: click to the next frame with the list.
  openList.push(await timeToFrame(page, () => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Applications", exact: true }).click(), "ul.app-list li a[href*='/applications/']"));
  // Opening the board from the list: the "Board" switch, to the next frame with its cards.
  // (A build from before the board has none: the row says n/a.)
  if (await page.getByRole("navigation", { name: "Show as" }).count()) {
    openBoard.push(await timeToFrame(page, () => page.getByRole("navigation", { name: "Show as" }).getByRole("link", { name: "Board" }).click(), ".board a[href*='/applications/']"));
    await page.getByRole("navigation", { name: "Show as" }).getByRole("link", { name: "List" }).click();
  }
  // Switching pages: each main page in turn, twice.
  long.switching.push(...(await longTasksDuring(page, async () => {
    for (const name of ["Dashboard", "Applications", "Reflect", "Insights", "Dashboard", "Applications"]) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: new RegExp(`^${name}`) }).first().click();
      await page.waitForTimeout(300);
    }
  })));
  // Persist one edit: the store reports how long its save took. The first edit after
  // opening the page, then four more in the same session, as a user goes on editing.
  await page.goto(new URL("applications/" + uuid(5, "a") + "/edit", env.url).href);
  for (let k = 0; k < EDITS; k++) {
    if (k > 0) await page.getByRole("main").getByRole("link", { name: "Edit", exact: true }).click();
    await page.getByLabel("Role").fill(`Recruiter ${r}.${k}`);
    await page.evaluate(() => { window.__knockbackSaveMs = undefined; window.__written = 0; });
    const tasks = await longTasksDuring(page, async () => {
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.waitForFunction(() => window.__knockbackSaveMs !== undefined);
    });
    long.saving.push(...tasks);
    (k === 0 ? firstEdit : edit).push(await page.evaluate(() => window.__knockbackSaveMs));
    written.push(await page.evaluate(() => window.__written));
  }
  // Bytes used, as the app itself wrote them in that save.
  bytes = await page.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + (k.length + localStorage.getItem(k).length) * 2, 0));
  // Search: ten keystrokes that each change the list, from the key to the next frame
  // after the list changed.
  await page.goto(new URL("applications?show=all&view=list", env.url).href);
  await page.locator("ul.app-list li a[href*='/applications/']").first().waitFor({ timeout: 60_000 });
  const box = page.getByLabel("Search");
  if (!(await box.isVisible())) await page.getByRole("button", { name: /^Filter/ }).click();
  await box.focus();
  const keys = ["1", "0", "Backspace", "Backspace", "2", "5", "Backspace", "Backspace", "3", "9"];
  const perKey = [];
  long.typing.push(...(await longTasksDuring(page, async () => {
    for (const key of keys) {
      await page.evaluate(() => {
        window.__frame = null;
        const main = document.querySelector("main");
        const obs = new MutationObserver(() => { obs.disconnect(); requestAnimationFrame(() => { window.__frame = performance.now(); }); });
        obs.observe(main, { childList: true, subtree: true, characterData: true });
        document.getElementById("search").addEventListener("keydown", (e) => { window.__keyAt = e.timeStamp; }, { once: true });
      });
      await page.keyboard.press(key);
      await page.waitForFunction(() => window.__frame !== null, null, { timeout: 10_000 });
      perKey.push(await page.evaluate(() => window.__frame - window.__keyAt));
      await page.waitForTimeout(100);
    }
  })));
  search.push(median(perKey));
  searchWorst.push(Math.max(...perKey));
  // Backup download and restore (replace) of 1,000.
  await page.goto(new URL("settings", env.url).href);
  let t0 = Date.now();
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download backup" }).click()]);
  const file = join(process.env.TMPDIR || "/tmp", `kb-bench-${r}.json`);
  await dl.saveAs(file);
  backup.push(Date.now() - t0);
  t0 = Date.now();
  await page.getByLabel("Choose a backup file").setInputFiles(file);
  await page.getByRole("region", { name: "Backup preview" }).getByRole("button", { name: "Replace all my data" }).click();
  await page.getByText(/Replaced: your notebook now holds/).waitFor({ timeout: 60_000 });
  restore.push(Date.now() - t0);
  await ctx.close();
}
await env.close();
const QUOTA = 5_000_000 * 2; // the 5 M characters Knockback plans for, in UTF-16 bytes
const worst = (xs) => (xs.length ? Math.max(...xs) : 0);
results.ops = {
  firstEdit: median(firstEdit), edit: median(edit), search: median(search), searchWorst: median(searchWorst), openList: median(openList), openBoard: openBoard.length ? median(openBoard) : null,
  backup: median(backup), restore: median(restore), bytes1000: bytes, share1000: bytes / QUOTA,
  written: median(written), writtenShare: median(written) * 2 / bytes,
  long: Object.fromEntries(Object.entries(long).map(([k, v]) => [k, { count: v.length, worst: worst(v) }])),
  onDemand: Object.fromEntries(Object.entries(onDemand).map(([k, v]) => [k, median(v)])),
};
results.raw = { onDemand, firstEdit, edit, written, search, searchWorst, openList, openBoard, backup, restore, long };
if (LIGHTHOUSE > 0) {
  const { lighthouseRuns } = await import("./lighthouse.mjs");
  results.lighthouse = await lighthouseRuns({ runs: LIGHTHOUSE, dist: DIST });
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const s = results.startup;
const o = results.ops;
const lh = results.lighthouse;
const longRow = (what, l) => `| main-thread tasks over 50 ms while ${what}, 1,000 stored | ${l.count === 0 ? "none" : `${l.count} (longest ${ms(l.worst)})`} | none |`;
const lines = [
  `# Knockback benchmark, ${results.date}`,
  "",
  `Release build${DIST === "dist" ? "" : ` (${DIST})`}, headless Chromium${THROTTLE > 1 ? `, CPU throttled ${THROTTLE}×` : ""}, ${results.notebook} notebook, median of ${RUNS} runs (3,000: ${Math.max(3, RUNS - 2)}).`,
  "",
  "| measure | value | target |",
  "| --- | --- | --- |",
  `| first visit, the files the first page loads: brotli / gzip | ${kb(results.firstVisit.br.bytes)} / ${kb(results.firstVisit.gzip.bytes)} | ≤ 300 KB brotli, ≤ 400 KB gzip |`,
  `| first visit with the service worker's copy of every piece: brotli / gzip | ${kb(results.firstVisit.br.all)} / ${kb(results.firstVisit.gzip.all)} | brotli no more than 500 KB |`,
  ...results.sizes.map((r) => `| ${r.name} size, raw / gzip | ${kb(r.raw)} / ${kb(r.gz)} | |`),
  ...(lh ? [
    `| Lighthouse mobile, served gzip, ${lh.throttlingMethod} throttling: performance (median of ${lh.runs.length}) | ${lh.score.toFixed(2)} (${lh.runs.map((r) => r.score.toFixed(2)).join(", ")}) | ≥ 0.95 |`,
    `| Lighthouse mobile LCP / TBT / time to interactive | ${(lh.lcp / 1000).toFixed(2)} s / ${lh.tbt.toFixed(0)} ms / ${(lh.tti / 1000).toFixed(2)} s | ≤ 2.5 s / ≤ 200 ms / |`,
  ] : []),
  `| startup, 0 stored | ${ms(s["0"].median)} | |`,
  `| startup, 1,000 stored | ${ms(s["1000"].median)} | |`,
  s["3000"].fits
    ? `| startup, 3,000 stored | ${ms(s["3000"].median)} | |`
    : `| startup, 3,000 stored | does not fit: ${(s["3000"].chars / 1e6).toFixed(1)} M characters is over this browser's localStorage limit | |`,
  `| startup, returning visit: 0 / 1,000 / 3,000 stored | ${ms(s["0"].warm)} / ${ms(s["1000"].warm)} / ${s["3000"].fits ? ms(s["3000"].warm) : "n/a"} | |`,
  `| startup ratio 1,000 / 0 | ${(s["1000"].median / s["0"].median).toFixed(2)} | ≤ 1.3 |`,
  `| startup ratio 3,000 / 0 | ${s["3000"].fits ? (s["3000"].median / s["0"].median).toFixed(2) : "n/a (does not fit)"} | ≤ 1.5 |`,
  `| open the applications list from the dashboard, 1,000 stored | ${ms(o.openList)} | ≤ ${THROTTLE > 1 ? 250 : 100} ms |`,
  `| open the board from the list, 1,000 stored | ${o.openBoard === null ? "n/a" : ms(o.openBoard)} | ≤ ${THROTTLE > 1 ? 250 : 100} ms |`,
  `| open Settings / Reflect / Insights the first time, online, 1,000 stored | ${ms(o.onDemand.Settings)} / ${ms(o.onDemand.Reflect)} / ${ms(o.onDemand.Insights)} | ≤ 500 ms at 4× |`,
  `| search, keystroke to the next frame, 1,000 stored: median / worst of ten | ${ms(o.search)} / ${ms(o.searchWorst)} | worst ≤ ${THROTTLE > 1 ? 50 : 16} ms |`,
  longRow("typing in search", o.long.typing),
  longRow("saving an edit", o.long.saving),
  longRow("switching page", o.long.switching),
  `| persist one edit, 1,000 stored: first after opening / later ones | ${ms(o.firstEdit)} / ${ms(o.edit)} | |`,
  `| backup download, 1,000 | ${ms(o.backup)} | |`,
  `| restore (replace), 1,000 | ${ms(o.restore)} | |`,
  `| localStorage used, 1,000 | ${kb(o.bytes1000)} (${(o.share1000 * 100).toFixed(1)}% of 10,000 KB) | |`,
  `| written to localStorage by one edit, 1,000 stored | ${kb(o.written * 2)} (${(o.writtenShare * 100).toFixed(1)}% of the notebook) | ≤ 5% |`,
];
const table = lines.join("\n") + "\n";
console.log(table);
const name = `latest${DIST === "dist" ? "" : `-${DIST.replace(/\W+/g, "_")}`}${THROTTLE > 1 ? `-throttle${THROTTLE}` : ""}${WORDY ? "-wordy" : ""}`;
mkdirSync(join(ROOT, "bench-results"), { recursive: true });
writeFileSync(join(ROOT, "bench-results", `${name}.md`), table);
writeFileSync(join(ROOT, "bench-results", `${results.date.replace(/[:.]/g, "-")}.json`), JSON.stringify(results, null, 2));
