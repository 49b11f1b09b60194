// Shared set-up for the end-to-end tests: serve the release build, start a browser
// (Debian's headless Chromium through playwright-core; Firefox and WebKit through the
// adapter in engines/, which speaks the same subset of Playwright's API), and give each
// test a fresh profile.
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../scripts/static-server.mjs";
import { launchFirefox } from "./engines/firefox.mjs";
import { launchWebKit } from "./engines/webkit.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
// The test tools are installed in tools/ (pinned in its package-lock.json).
const { chromium } = createRequire(join(ROOT, "tools", "package.json"))("playwright-core");
export const DATA_KEY = "knockback:data";
export const QUARANTINE_PREFIX = "knockback:quarantine:";

/** The engines the cross-engine flows run in: KNOCKBACK_ENGINES=firefox runs one. A test
 * file wraps its flows in `for (const engine of ENGINES) describe(engine, …)`. */
export const ENGINES = (process.env.KNOCKBACK_ENGINES || "chromium,firefox,webkit").split(",").map((e) => e.trim()).filter(Boolean);
for (const e of ENGINES) if (!["chromium", "firefox", "webkit"].includes(e)) throw new Error(`unknown engine in KNOCKBACK_ENGINES: ${e}`);

// The flags that work on this machine (see the README): no sandbox as root, and no
// background traffic to Google's services.
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Serves `dist` (or another build) and launches `engine` (chromium, firefox or webkit).
 * `inject`: JavaScript each page runs before the app (see `startServer`). Call `close()`
 * when done. */
export async function launch({ dist = "dist", base = "/", engine = "chromium", encodings, inject = null } = {}) {
  const served = await startServer({ dir: resolve(ROOT, dist), base, encodings, inject });
  if (engine !== "chromium") return launchAdapted(engine, served);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
  });
  return {
    engine,
    url: served.url,
    served,
    browser,
    /** A browser of its own with extra flags, for tests that change how Chromium runs. */
  async browserWith(args) {
    return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: [...FLAGS, ...args] });
  },
    /** A fresh, isolated profile (its own localStorage), with downloads accepted. */
    async context(options = {}) {
      const ctx = await browser.newContext({ acceptDownloads: true, ...options });
      return ctx;
    },
    async close() {
      await browser.close();
      await new Promise((ok) => served.server.close(ok));
    },
  };
}

/** Firefox or WebKit behind the adapter: the same env shape as Chromium's. A context's
 * setOffline(true) stops the server (and drops its open connections) until setOffline(false). */
async function launchAdapted(engine, served) {
  const browser = engine === "firefox" ? await launchFirefox() : engine === "webkit" ? await launchWebKit() : null;
  if (!browser) throw new Error(`unknown engine ${engine}`);
  const port = Number(new URL(served.url).port);
  let offline = false;
  const setOffline = async (off) => {
    if (off === offline) return;
    offline = off;
    if (off) await new Promise((ok) => { served.server.close(ok); served.server.closeAllConnections(); });
    else await new Promise((ok) => served.server.listen(port, "127.0.0.1", ok));
  };
  return {
    engine,
    url: served.url,
    served,
    async context() {
      const ctx = await browser.context();
      // Closing the context brings the server back, should a test stop halfway.
      return { ...ctx, setOffline, close: async () => { await setOffline(false); await ctx.close(); } };
    },
    async close() {
      await browser.close();
      await setOffline(false);
      await new Promise((ok) => served.server.close(ok));
    },
  };
}

/** Waits until the service worker controls the page: it has copied the app, every piece
 * of the wasm included, so the page can be reloaded with no network. */
export async function untilServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
    }
  });
}

/** Opens `path` (relative to the app's base) and waits until the app has mounted and
 * the page's own code, if it loads on demand, has arrived. */
export async function open(page, baseUrl, path = "") {
  await page.goto(new URL(path, baseUrl).href);
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  // A page served on demand shows "Loading…" until its piece arrives; measuring or
  // scrolling before then sees the placeholder, not the page (a flaky layout test did).
  await page.locator(".page-loading").waitFor({ state: "detached" });
}

/** Clicks `trigger` and returns the downloaded file's name and text, read from disk. */
export async function download(page, trigger) {
  if (page.kbDownload) return page.kbDownload(trigger);
  const [dl] = await Promise.all([page.waitForEvent("download"), trigger()]);
  const path = join(mkdtempSync(join(tmpdir(), "kb-dl-")), dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), text: readFileSync(path, "utf8") };
}

export const getItem = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);
export const setItem = (page, key, value) => page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, value]);

/** Reverses the store's packing (src/storage/codec.rs): each UTF-16 unit holds two
 * ASCII bytes of the JSON. */
export function unpack(packed) {
  let json = "";
  for (let i = 0; i < packed.length; i++) {
    const unit = packed.charCodeAt(i);
    json += String.fromCharCode(unit >> 8, unit & 0xff);
  }
  return json;
}

export const PART_PREFIX = "knockback:part:";

/** Packs JSON as the store does (src/storage/packing.rs): non-ASCII escaped, two ASCII
 * bytes to a UTF-16 unit, padded with a space. */
export function pack(json) {
  let ascii = json.replace(/[\u007f-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
  if (ascii.length % 2) ascii += " ";
  const units = new Uint16Array(ascii.length / 2);
  for (let i = 0; i < units.length; i++) units[i] = (ascii.charCodeAt(2 * i) << 8) | ascii.charCodeAt(2 * i + 1);
  return Buffer.from(units.buffer).toString("utf16le");
}

/** Writes `data` as a notebook in parts at `revision`, as another tab's save would (one
 * part per stream), and returns the head's text. */
export async function putNotebook(page, data, revision, tab = "other") {
  const key = (n) => `${PART_PREFIX}${revision}-${tab}-${n}`;
  const { applications = [], reflections = [], companies = [], meta = {}, profile } = data;
  const streams = [applications, reflections, companies];
  const values = {};
  const refs = streams.map((records, n) => {
    if (!records.length) return [];
    values[key(n)] = pack(JSON.stringify(records));
    return [{ key: key(n) }];
  });
  values[key(3)] = pack(JSON.stringify([profile ? { meta, profile } : { meta }]));
  const head = JSON.stringify({
    schema_version: 4, app_version: "0.0.0", saved_at: new Date().toISOString(), revision,
    save: `${revision}-${tab}`,
    parts: { applications: refs[0], reflections: refs[1], companies: refs[2], rest: { key: key(3) } },
  });
  values[DATA_KEY] = head;
  await page.evaluate((v) => { for (const [k, t] of Object.entries(v)) if (k !== "knockback:data") localStorage.setItem(k, t); localStorage.setItem("knockback:data", v["knockback:data"]); }, values);
  return head;
}

/** A notebook of `n` applications ("Seed Co 0" …), made from the schema-3 fixture's first
 * one, with fixed ids. */
export function seedNotebook(n) {
  const fixture = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/schema-v3.json"), "utf8")).data;
  const [first] = fixture.applications;
  const applications = Array.from({ length: n }, (_, i) => ({ ...first, id: `00000000-0000-4000-8000-${(i * 7919 + 1).toString(16).padStart(12, "0")}`, company: `Seed Co ${i}` }));
  return { applications, reflections: [], companies: [], meta: { changes_since_backup: 0 } };
}

/** The keys of every part a plain head names, in order (the dashboard's summary last,
 * when it names one). */
export function partKeys(head) {
  const p = head.parts;
  return [...p.applications, ...p.reflections, ...p.companies, p.rest, ...(p.summary ? [p.summary] : [])].map((r) => r.key);
}

/** The stored notebook, parsed: the head (schema 4) with its parts unpacked and joined
 * into `data`, or an older single-key envelope with its packed data unpacked. */
export async function stored(page) {
  const all = Object.fromEntries(await allStored(page));
  const raw = all[DATA_KEY];
  if (raw === undefined || raw === null) return null;
  const { packed, ...env } = JSON.parse(raw);
  if (env.parts) {
    const read = (r) => {
      const text = all[r.key];
      if (text == null) throw new Error(`part ${r.key} is missing`);
      return JSON.parse(unpack(text));
    };
    const p = env.parts;
    const rest = read(p.rest);
    const data = {
      applications: p.applications.flatMap(read),
      reflections: p.reflections.flatMap(read),
      companies: p.companies.flatMap(read),
      ...rest[0],
    };
    return { ...env, data };
  }
  return packed === undefined ? env : { ...env, data: JSON.parse(unpack(packed)) };
}

/** A link of the main navigation. */
export const nav = (page, name) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });

/** From any page of the running app, opens the form the way a user does (no reload),
 * fills it and saves. */
export async function addApplication(page, { company, role, applied = "", stage = "" }) {
  await nav(page, "Applications").click();
  await page.getByRole("main").getByRole("link", { name: "Add application" }).click();
  await page.getByLabel("Company").fill(company);
  await page.getByLabel("Role").fill(role);
  if (applied) await page.getByLabel("Date applied").fill(applied);
  if (stage) await page.getByLabel("Stage").selectOption({ label: stage });
  const save = page.getByRole("button", { name: "Save application" });
  await save.click();
  // Now and then (Firefox and WebKit, with other pages open) the page scrolls the field
  // just typed in back into view between the driver aiming at the button and clicking,
  // and the click lands on that field. Still on the form with nothing said after a few
  // seconds, the click was lost: click once more, as a user would.
  const heading = page.getByRole("heading", { level: 1, name: new RegExp(company) });
  const lost = await heading.waitFor({ timeout: 5000 }).then(() => false, () => true);
  if (lost && (await page.getByRole("heading", { level: 1, name: "Add an application" }).count()) && !(await page.getByRole("alert").count())) await save.click();
  await heading.waitFor();
}

/** Waits until the store has written (saves are debounced) something that satisfies
 * `predicate`, checked here in Node (the page's CSP rightly forbids eval). */
export async function waitForSaved(page, predicate, timeout = 10_000) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    last = await stored(page).catch(() => null);
    try {
      if (last && predicate(last)) return last;
    } catch {
      // A predicate looking at a shape that isn't there yet: keep waiting.
    }
    if (Date.now() > until) assert.fail(`the saved data never matched ${predicate}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** Presses Tab until `locator` has focus, as a keyboard user would; fails if it never does. */
export async function tabTo(page, locator, max = 150) {
  for (let i = 0; i < max; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`could not reach ${locator} with Tab`);
}

/** True when `locator` has keyboard focus. */
export const focused = (locator) => locator.evaluate((el) => el === document.activeElement);

/** A fresh profile and page for one test, closed after it. Uncaught page errors and
 * dialogs (an `alert` from injected script, say) fail the test. `path` opens the app. */
export async function freshPage(env, t, { context = {}, path = null } = {}) {
  const ctx = await env.context(context);
  t.after(() => ctx.close());
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  t.after(() => assert.deepEqual(errors, [], "no uncaught errors or dialogs in the page"));
  if (path !== null) await open(page, env.url, path);
  return { ctx, page };
}

/** Every form in which `text` could be read back out of a stored value: as it is,
 * JSON-escaped (including `\uXXXX` for every non-ASCII character, as the packing does),
 * packed two bytes to a unit at either alignment, and base64 at any of its three
 * alignments. Used to prove the lock leaves nothing readable. */
export function readableForms(text) {
  const escape = (upper) => [...text].map((c) => (c.charCodeAt(0) < 0x80 ? c
    : Array.from({ length: c.length }, (_, i) => {
      const hex = c.charCodeAt(i).toString(16).padStart(4, "0");
      return "\\u" + (upper ? hex.toUpperCase() : hex);
    }).join(""))).join("");
  const json = [text, JSON.stringify(text).slice(1, -1), escape(false), escape(true)];
  const forms = new Set(json);
  for (const s of json) {
    if (![...s].every((c) => c.charCodeAt(0) < 0x80)) continue;
    for (const skip of [0, 1]) {
      const rest = s.slice(skip);
      let packed = "";
      for (let i = 0; i + 1 < rest.length; i += 2) packed += String.fromCharCode((rest.charCodeAt(i) << 8) | rest.charCodeAt(i + 1));
      if (packed.length >= 4) forms.add(packed);
    }
  }
  const bytes = Buffer.from(text, "utf8");
  for (const skip of [0, 1, 2]) {
    const rest = bytes.subarray(skip);
    const whole = rest.subarray(0, rest.length - (rest.length % 3));
    if (whole.length >= 6) forms.add(whole.toString("base64"));
  }
  return [...forms];
}

/** Every localStorage key and value of the page, as [key, value] pairs. */
export const allStored = (page) => page.evaluate(() => Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));

/** Fails if any stored key or value holds any of `secrets` in any readable form. */
export async function assertNothingReadable(page, secrets, when) {
  const entries = await allStored(page);
  assert.ok(entries.length > 0, "there is something stored to scan");
  for (const secret of secrets) {
    for (const form of readableForms(secret)) {
      for (const [k, v] of entries) {
        assert.ok(!k.includes(form) && !(v ?? "").includes(form), `${when}: "${secret}" is readable in ${k} (as ${JSON.stringify(form).slice(0, 40)})`);
      }
    }
  }
}
