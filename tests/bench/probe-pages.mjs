// Page-switch probe: with N applications stored (each with rounds, feedback and a complete
// reflection), clicks each main nav link and prints the longest main-thread task (longtask
// observer) per page; PROFILE=1 adds the sampling profile (self/total time by function,
// against a build with function names, PROBE_DIST=target/dist-prof). Medians of RUNS runs.
// Run: node tests/bench/probe-pages.mjs
import { launch, DATA_KEY } from "../e2e/helpers.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 5);
// A mid-range phone: Chromium's CPU throttling (BENCH_THROTTLE=4, as Lighthouse's mobile preset).
const THROTTLE = Number(process.env.BENCH_THROTTLE || 1);
// "wordy": notes, round notes and feedback written as real paragraphs, as real notebooks are.
const WORDY = process.env.BENCH_NOTEBOOK === "wordy";
// BENCH_LIGHTHOUSE=N adds N Lighthouse mobile runs (tools/bench, installed by scripts/bench.sh).
const LIGHTHOUSE = Number(process.env.BENCH_LIGHTHOUSE || 0);
// Another build to measure (e.g. an older release, for a before/after in one sitting).
const DIST = process.env.BENCH_DIST || "dist";
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const uuid = (n, salt) => `${salt}${String(n).padStart(7, "0")}-0000-4000-8000-${String(n).padStart(12, "0")}`;
const iso = (d) => d.toISOString().slice(0, 10);

const WORDS = ("the team asked about stakeholder management and how I would handle a difficult conversation with a line manager "
  + "I gave an example from my last role but ran out of time before the result so next time I will lead with the outcome "
  + "they liked the preparation and the questions I asked about onboarding budgets hiring plans and the first ninety days "
  + "the panel wanted more evidence of employee relations casework and data driven decisions with numbers and clear impact").split(" ");
/** `n` words of plausible prose, different for each `seed`. */
function prose(seed, n) {
  const out = [];
  for (let k = 0; k < n; k++) out.push(WORDS[(seed * 7 + k * 13) % WORDS.length]);
  return out.join(" ").replace(/^./, (c) => c.toUpperCase()) + ".";
}
const text = (seed, short, words) => (WORDY ? prose(seed, words) : short);

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
      location: "Leeds", source: "Job board", applied_on: iso(day), tags: ["hr"], notes: text(i, "Met the team; good chat.", 30),
      history: [
        { stage: "applied", on: iso(day), recorded_at: day.toISOString() },
        { stage: "interviewing", on: iso(day), recorded_at: day.toISOString() },
        { stage: "rejected", on: iso(day), recorded_at: day.toISOString() },
      ],
      interviews: [1, 2].map((k) => ({ id: uuid(i * 2 + k, "b"), date: iso(day), kind: "video", interviewers: ["Sam Lee"], notes: text(i + k, "Competency questions.", 15), self_rating: 3 })),
      feedback: { status: "received", asked_on: iso(day), channel: "email", asked_whom: "Sam Lee", follow_up_due: iso(day),
        verbatim: text(i + 3, "Warm and prepared; we chose someone with more ER casework.", 30), went_well: ["Rapport", "Examples", "Questions"], to_change: ["ER casework", "Shorter answers", "Numbers"] },
      created_at: day.toISOString(), updated_at: day.toISOString(),
    });
    reflections.push({
      id: uuid(i, "c"), application_id: id, status: "complete", step: 5,
      skills: [{ id: uuid(i, "d"), gap: "ER casework", action: "Shadow a case", action_kind: "project", status: "todo" }],
      techniques: [{ id: uuid(i, "e"), name: "STAR answers", verdict: "keep" }, { id: uuid(i, "f"), name: "Long answers", verdict: "drop" }],
      opportunities: { thanked_on: iso(day), stay_in_touch: true, reapply: "yes" },
      mentoring: { learned: text(i + 5, "I rush when nervous.", 12), try_differently: text(i + 6, "Pause first.", 8) },
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


const RUNS_N = Number(process.env.RUNS || 3);
const PROFILE = process.env.PROFILE === "1";
const PAGES = [["Applications", "Applications"], ["Reflect", "Reflect on a rejection"], ["Insights", "Insights"], ["Backup & settings", "Backup & settings"], ["Dashboard", null]];
const env = await launch({ dist: process.env.PROBE_DIST || "dist" });
const raw = envelope(Number(process.env.N || 1000));
const results = new Map(PAGES.map(([p]) => [p, []]));
for (let run = 0; run < RUNS_N; run++) {
  const ctx = await env.context({ viewport: { width: 1280, height: 900 } });
  await ctx.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem("s")) { localStorage.setItem(key, value); sessionStorage.setItem("s", "1"); }
    window.__lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push(e.duration); }).observe({ type: "longtask", buffered: true });
  }, [DATA_KEY, raw]);
  const page = await ctx.newPage();
  await page.goto(env.url);
  await page.waitForSelector("#by-stage, #welcome, h1", { timeout: 60000 });
  await page.waitForTimeout(1500);
  const cdp = PROFILE ? await ctx.newCDPSession(page) : null;
  if (cdp) { await cdp.send("Profiler.enable"); await cdp.send("Profiler.setSamplingInterval", { interval: 100 }); }
  for (const [link, h1] of PAGES) {
    await page.evaluate(() => { window.__lt = []; });
    if (cdp) await cdp.send("Profiler.start");
    await page.locator("nav").getByRole("link", { name: link, exact: false }).first().click();
    if (h1) await page.waitForFunction((t) => document.querySelector("h1")?.textContent.includes(t), h1, { timeout: 60000 });
    else await page.waitForSelector("#by-stage, #welcome", { timeout: 60000 });
    await page.waitForTimeout(700);
    const lt = await page.evaluate(() => window.__lt);
    results.get(link).push(lt.length ? Math.max(...lt) : 0);
    if (cdp && run === 0) {
      const { profile } = await cdp.send("Profiler.stop");
      report(link, profile);
    } else if (cdp) await cdp.send("Profiler.stop");
  }
  await ctx.close();
}
console.log("\nlongest main-thread task per page switch (ms), runs and median:");
for (const [p, xs] of results) console.log(`${p.padEnd(18)} ${xs.map((x) => x.toFixed(0)).join(" / ").padEnd(22)} median ${median(xs).toFixed(0)}`);
await env.close();

function report(link, profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const self = new Map(), total = new Map();
  profile.samples.forEach((id, i) => {
    const d = (profile.timeDeltas[i] || 0) / 1000;
    const key = byId.get(id).callFrame.functionName.slice(0, 110);
    self.set(key, (self.get(key) || 0) + d);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) { const k = byId.get(cur).callFrame.functionName.slice(0, 110); if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) || 0) + d); } }
  });
  console.log(`\n== ${link}\nSELF\n` + [...self.entries()].filter(([k]) => k && k !== "(idle)" && k !== "(program)").sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${v.toFixed(1)} ms ${k}`).join("\n"));
  console.log("TOTAL\n" + [...total.entries()].filter(([k]) => k.includes("knockback")).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)} ms ${k}`).join("\n"));
}
