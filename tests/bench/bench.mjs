// Knockback's benchmark: sizes and timings of the release build in real headless
// Chromium, medians of several runs. Prints a Markdown table and writes it (and the raw
// runs as JSON) to bench-results/, so runs can be compared. Run: scripts/bench.sh
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, DATA_KEY, ROOT } from "../e2e/helpers.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 5);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const uuid = (n, salt) => `${salt}${String(n).padStart(7, "0")}-0000-4000-8000-${String(n).padStart(12, "0")}`;
const iso = (d) => d.toISOString().slice(0, 10);

/** N applications in the store's own format (empty fields left out, as the app writes them),
 * each with rounds, feedback and a full reflection. */
function envelope(n) {
  const apps = [], reflections = [];
  const start = new Date("2024-01-01T09:00:00Z");
  for (let i = 0; i < n; i++) {
    const day = new Date(start.getTime() + i * 36e5 * 6);
    const id = uuid(i, "a");
    apps.push({
      id, company: `Company ${i % 400}`, role: ["Recruiter", "HR Advisor", "People Partner", "Talent Lead"][i % 4],
      location: "Leeds", source: "Job board", applied_on: iso(day), tags: ["hr"], notes: "Met the team; good chat.",
      history: [
        { stage: "applied", on: iso(day), recorded_at: day.toISOString() },
        { stage: "interviewing", on: iso(day), recorded_at: day.toISOString() },
        { stage: "rejected", on: iso(day), recorded_at: day.toISOString() },
      ],
      interviews: [1, 2].map((k) => ({ id: uuid(i * 2 + k, "b"), date: iso(day), kind: "video", interviewers: ["Sam Lee"], notes: "Competency questions.", self_rating: 3 })),
      feedback: { status: "received", asked_on: iso(day), channel: "email", asked_whom: "Sam Lee", follow_up_due: iso(day),
        verbatim: "Warm and prepared; we chose someone with more ER casework.", went_well: ["Rapport", "Examples", "Questions"], to_change: ["ER casework", "Shorter answers", "Numbers"] },
      created_at: day.toISOString(), updated_at: day.toISOString(),
    });
    reflections.push({
      id: uuid(i, "c"), application_id: id, status: "complete", step: 5,
      skills: [{ id: uuid(i, "d"), gap: "ER casework", action: "Shadow a case", action_kind: "project", status: "todo" }],
      techniques: [{ id: uuid(i, "e"), name: "STAR answers", verdict: "keep" }, { id: uuid(i, "f"), name: "Long answers", verdict: "drop" }],
      opportunities: { thanked_on: iso(day), stay_in_touch: true, reapply: "yes" },
      mentoring: { learned: "I rush when nervous.", try_differently: "Pause first." },
      confidence: { did_well: ["Rapport", "Prep", "Questions"], rating: 1 + (i % 10), next_step: "Apply again" },
      created_at: day.toISOString(), updated_at: day.toISOString(), completed_at: day.toISOString(),
    });
  }
  const data = JSON.stringify({ applications: apps, reflections, companies: [], meta: { last_backup_at: new Date().toISOString(), changes_since_backup: 0 } });
  return `{"schema_version":2,"app_version":"bench","saved_at":"${new Date().toISOString()}","revision":1,"packed":"${pack(data)}"}`;
}

/** The store's packing (src/storage/codec.rs): two ASCII bytes of JSON per UTF-16 unit. */
function pack(json) {
  const ascii = json.replace(/[^\x20-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const units = [];
  for (let i = 0; i < ascii.length; i += 2) units.push((ascii.charCodeAt(i) << 8) | (i + 1 < ascii.length ? ascii.charCodeAt(i + 1) : 0x20));
  let out = "";
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.slice(i, i + 8192));
  return out;
}

function sizes() {
  const dist = join(ROOT, "dist");
  const pick = (re) => readdirSync(dist).filter((f) => re.test(f)).map((f) => readFileSync(join(dist, f)));
  const row = (name, bufs) => { const raw = bufs.reduce((a, b) => a + b.length, 0); const gz = bufs.reduce((a, b) => a + gzipSync(b, { level: 9 }).length, 0); return { name, raw, gz }; };
  const rows = [row("wasm", pick(/\.wasm$/)), row("JS", pick(/^(knockback|boot)-.*\.js$/)), row("CSS", pick(/\.css$/))];
  rows.push({ name: "total", raw: rows.reduce((a, r) => a + r.raw, 0), gz: rows.reduce((a, r) => a + r.gz, 0) });
  return rows;
}

/** A fresh profile with `raw` stored; resolves to ms from navigation to an interactive dashboard. */
async function startup(env, raw) {
  const ctx = await env.context();
  await ctx.addInitScript(([key, value]) => {
    if (value !== null && !sessionStorage.getItem("kb-bench-seeded")) {
      try {
        localStorage.setItem(key, value);
        sessionStorage.setItem("kb-bench-seeded", "1");
      } catch {
        sessionStorage.setItem("kb-bench-seeded", "too big");
      }
    }
    new MutationObserver((_, obs) => {
      if (document.querySelector("#by-stage, #welcome")) { window.__ready = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  }, [DATA_KEY, raw]);
  const page = await ctx.newPage();
  await page.goto(env.url);
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => window.__ready);
  const fits = raw === null || (await page.evaluate(() => sessionStorage.getItem("kb-bench-seeded"))) === "1";
  return { ctx, page, ms, fits };
}

/** The same profile opening the app again (a returning user: browser caches warm). */
async function reopen(page) {
  await page.reload();
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => window.__ready);
}

const env = await launch();
const results = { date: new Date().toISOString(), runs: RUNS, sizes: sizes(), startup: {}, ops: {} };
const data1000 = envelope(1000), data3000 = envelope(3000);
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
  results.startup[label] = { median: median(times), times, warm: median(warm), warmTimes: warm, fits, chars: raw?.length ?? 0 };
}

// Operations with 1,000 stored.
const EDITS = 5;
const firstEdit = [], edit = [], search = [], backup = [], restore = [];
let bytes = 0;
for (let r = 0; r < RUNS; r++) {
  const { ctx, page } = await startup(env, data1000);
  // Persist one edit: the store reports how long its save took. The first edit after
  // opening the page, then four more in the same session, as a user goes on editing.
  await page.goto(new URL("applications/" + uuid(5, "a") + "/edit", env.url).href);
  for (let k = 0; k < EDITS; k++) {
    if (k > 0) await page.getByRole("main").getByRole("link", { name: "Edit", exact: true }).click();
    await page.getByLabel("Role").fill(`Recruiter ${r}.${k}`);
    await page.evaluate(() => { window.__knockbackSaveMs = undefined; });
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForFunction(() => window.__knockbackSaveMs !== undefined);
    (k === 0 ? firstEdit : edit).push(await page.evaluate(() => window.__knockbackSaveMs));
  }
  // Bytes used, as the app itself wrote them in that save.
  bytes = await page.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + (k.length + localStorage.getItem(k).length) * 2, 0));
  // Search: from the keystroke to the updated list.
  await page.goto(new URL("applications", env.url).href);
  await page.getByText("1000 applications").waitFor({ timeout: 60_000 });
  const box = page.getByLabel("Search");
  await box.focus();
  await page.evaluate(() => {
    const status = [...document.querySelectorAll("[role=status]")].find((e) => /applications$/.test(e.textContent));
    window.__searchDone = null;
    document.getElementById("search").addEventListener("keydown", () => { window.__keyAt = performance.now(); }, { once: true });
    new MutationObserver((_, obs) => { window.__searchDone = performance.now(); obs.disconnect(); }).observe(status, { childList: true, subtree: true, characterData: true });
  });
  await page.keyboard.type("7");
  await page.waitForFunction(() => window.__searchDone !== null);
  search.push(await page.evaluate(() => window.__searchDone - window.__keyAt));
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
results.ops = { firstEdit: median(firstEdit), edit: median(edit), search: median(search), backup: median(backup), restore: median(restore), bytes1000: bytes, share1000: bytes / QUOTA };
results.raw = { firstEdit, edit, search, backup, restore };

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const s = results.startup;
const lines = [
  `# Knockback benchmark, ${results.date}`,
  "",
  `Release build, headless Chromium, median of ${RUNS} runs (3,000: ${Math.max(3, RUNS - 2)}).`,
  "",
  "| measure | value | target |",
  "| --- | --- | --- |",
  ...results.sizes.map((r) => `| ${r.name} size, raw / gzip | ${kb(r.raw)} / ${kb(r.gz)} | ${r.name === "total" ? "≤ 150 KB gzip" : ""} |`),
  `| startup, 0 stored | ${ms(s["0"].median)} | |`,
  `| startup, 1,000 stored | ${ms(s["1000"].median)} | < 400 ms |`,
  s["3000"].fits
    ? `| startup, 3,000 stored | ${ms(s["3000"].median)} | |`
    : `| startup, 3,000 stored | does not fit: ${(s["3000"].chars / 1e6).toFixed(1)} M characters is over this browser's localStorage limit | |`,
  `| startup, returning visit: 0 / 1,000 / 3,000 stored | ${ms(s["0"].warm)} / ${ms(s["1000"].warm)} / ${s["3000"].fits ? ms(s["3000"].warm) : "n/a"} | |`,
  `| startup ratio 1,000 / 0 | ${(s["1000"].median / s["0"].median).toFixed(2)} | ≤ 1.3 |`,
  `| startup ratio 3,000 / 0 | ${s["3000"].fits ? (s["3000"].median / s["0"].median).toFixed(2) : "n/a (does not fit)"} | ≤ 1.8 |`,
  `| persist one edit, 1,000 stored: first after opening / later ones | ${ms(results.ops.firstEdit)} / ${ms(results.ops.edit)} | < 16 ms |`,
  `| search keystroke to updated list, 1,000 stored | ${ms(results.ops.search)} | < 16 ms |`,
  `| backup download, 1,000 | ${ms(results.ops.backup)} | |`,
  `| restore (replace), 1,000 | ${ms(results.ops.restore)} | |`,
  `| localStorage used, 1,000 | ${kb(results.ops.bytes1000)} (${(results.ops.share1000 * 100).toFixed(1)}% of 10,000 KB) | < 40% |`,
];
const table = lines.join("\n") + "\n";
console.log(table);
mkdirSync(join(ROOT, "bench-results"), { recursive: true });
writeFileSync(join(ROOT, "bench-results", "latest.md"), table);
writeFileSync(join(ROOT, "bench-results", `${results.date.replace(/[:.]/g, "-")}.json`), JSON.stringify(results, null, 2));
