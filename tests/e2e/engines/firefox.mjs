// Firefox (Debian's firefox-esr) through puppeteer-core over WebDriver BiDi.
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Page } from "./page.mjs";
import { installSource } from "./inpage.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const puppeteer = createRequire(join(ROOT, "tools", "package.json"))("puppeteer-core");
const INSTALL = installSource(false);

// Playwright's key names where puppeteer spells them differently.
const KEY_NAMES = { Space: " " };
// Shorter than puppeteer's 30 s: a real load here takes well under a second, and a lost
// load event (see `navigate`) should not eat a test's whole budget.
const NAV_TIMEOUT = 10_000;

/** In the page: true (and blurs) when Tab would move focus out of the document. A plain
 * tab order: DOM order, no positive tabindex (the app uses none). */
function leavesPage(backwards) {
  const sel = "a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex], [contenteditable]:not([contenteditable=false])";
  const tabbable = [...document.querySelectorAll(sel)].filter((el) => !el.matches(":disabled") && el.tabIndex >= 0
    && !el.closest("[inert]") && el.getClientRects().length > 0 && getComputedStyle(el).visibility === "visible"
    && !(el.type === "radio" && !el.checked && el.name && document.querySelector(`input[type=radio][name="${CSS.escape(el.name)}"]:checked`)));
  const active = document.activeElement;
  const edge = backwards ? tabbable[0] : tabbable.at(-1);
  if (!edge || active !== edge) return false;
  active.blur();
  return true;
}

class FirefoxDriver {
  constructor(page) { this.page = page; this.engine = "firefox"; }
  async exec(src, args) { return this.page.evaluate(`(${src})(...${JSON.stringify(args)})`); }
  install() { return this.page.evaluate(INSTALL); }
  async handle(chain) {
    const h = await this.page.evaluateHandle(`window.__kb ? window.__kb.one(${JSON.stringify(chain)}) : null`);
    const el = h.asElement();
    if (!el) await h.dispose();
    return el;
  }
  async click(h) { try { await h.click(); } finally { await h.dispose().catch(() => {}); } }
  async upload(h, path) { try { await h.uploadFile(path); } finally { await h.dispose().catch(() => {}); } }
  isRetryable(e) { return /detached|not attached|no such node|stale|not clickable|not visible|Node is either not visible|no such element/i.test(e.message); }
  async press(combo) {
    const keys = combo === "+" ? ["+"] : combo.split("+").map((k) => KEY_NAMES[k] ?? k);
    const key = keys.pop();
    // Tab past the last element (Shift+Tab before the first) moves focus to Firefox's
    // toolbar, and headless Firefox leaves it there: keys still reach the page, but Enter
    // and Space stop activating buttons. So the adapter does what the user would see:
    // the element loses focus and the page keeps it, so the next Tab starts from the top
    // (as in Chromium).
    if (key === "Tab" && keys.every((m) => m === "Shift") && await this.page.evaluate(leavesPage, keys.length > 0)) return;
    for (const m of keys) await this.page.keyboard.down(m);
    await this.page.keyboard.press(key);
    for (const m of keys.reverse()) await this.page.keyboard.up(m);
  }
  type(text) { return this.page.keyboard.type(text); }
  mouseMove(x, y, steps) { return this.page.mouse.move(x, y, { steps }); }
  mouseDown() { return this.page.mouse.down(); }
  mouseUp() { return this.page.mouse.up(); }
  goto(url) { return this.navigate(() => this.page.goto(url, { timeout: NAV_TIMEOUT })); }
  reload() { return this.navigate(() => this.page.reload({ timeout: NAV_TIMEOUT })); }
  back() { return this.navigate(() => this.page.goBack({ timeout: NAV_TIMEOUT })); }
  forward() { return this.navigate(() => this.page.goForward({ timeout: NAV_TIMEOUT })); }
  /** Runs a navigation. Now and then Firefox's BiDi never reports the `load` it already
   * fired (a same-document navigation at the end of load overwrites the navigation id:
   * Mozilla bug 1879163, puppeteer#13041), and puppeteer waits out its timeout although
   * the page is there. So a timeout counts as success only when a new document really
   * replaced the old one (the marker set before is gone) and it finished loading;
   * anything else is still an error. */
  async navigate(go) {
    await this.page.evaluate("window.__kbOldDocument = true").catch(() => {});
    try {
      await go();
    } catch (e) {
      if (!/Navigation timeout/i.test(e.message)) throw e;
      const state = await this.page.evaluate("[document.readyState, window.__kbOldDocument === true]").catch(() => null);
      if (!state || state[0] !== "complete" || state[1]) throw e;
      console.error(`# firefox: the navigation was done but its load event went unreported; going on (${e.message})`);
    }
  }
  url() { return this.page.url(); }
  close() { return this.page.close(); }
}

/** Starts Firefox once; `context()` makes an isolated profile whose downloads land in a
 * folder of its own. */
export async function launchFirefox() {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
    headless: true,
    defaultViewport: { width: 1280, height: 720 },
    extraPrefsFirefox: {
      "browser.download.alwaysOpenPanel": false,
      "browser.download.start_downloads_in_tmp_dir": false,
      // persist() would otherwise wait on a permission prompt nobody answers; deny it,
      // as a fresh Chromium profile does.
      "dom.storageManager.prompt.testing": true,
      "dom.storageManager.prompt.testing.allow": false,
    },
  });
  return {
    engine: "firefox",
    async context() {
      const root = mkdtempSync(join(tmpdir(), "kb-firefox-"));
      const downloads = join(root, "downloads");
      const uploads = join(root, "uploads");
      mkdirSync(downloads);
      mkdirSync(uploads);
      const ctx = await browser.createBrowserContext({ downloadBehavior: { policy: "allow", downloadPath: downloads } });
      return {
        async newPage() {
          const p = await ctx.newPage();
          const page = new Page(new FirefoxDriver(p), { downloads, uploads });
          p.on("pageerror", (e) => page.emit("pageerror", e));
          p.on("dialog", (d) => page.emit("dialog", d));
          return page;
        },
        async close() {
          await ctx.close();
          rmSync(root, { recursive: true, force: true });
        },
      };
    },
    close: () => browser.close(),
  };
}
