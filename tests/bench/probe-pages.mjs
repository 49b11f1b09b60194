// Page-switch probe: with N applications stored (each with rounds, feedback and a complete
// reflection), clicks each main nav link and prints the longest main-thread task (longtask
// observer) per page; PROFILE=1 adds the sampling profile (self/total time by function,
// against a build with function names, PROBE_DIST=target/dist-prof). Medians of RUNS runs.
// Run: node tests/bench/probe-pages.mjs
import { launch, DATA_KEY } from "../e2e/helpers.mjs";
import { envelope as notebook } from "./notebook.mjs";

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const RUNS_N = Number(process.env.RUNS || 3);
const PROFILE = process.env.PROFILE === "1";
const PAGES = [["Applications", "Applications"], ["Reflect", "Reflect on a rejection"], ["Insights", "Insights"], ["Backup & settings", "Backup & settings"], ["Dashboard", null]];
const env = await launch({ dist: process.env.PROBE_DIST || "dist" });
const raw = notebook(Number(process.env.N || 1000));
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
