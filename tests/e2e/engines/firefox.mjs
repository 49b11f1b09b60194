// Firefox (Debian's firefox-esr) through puppeteer-core over WebDriver BiDi.
import { createRequire } from "node:module";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Page } from "./page.mjs";
import { installSource } from "./inpage.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const puppeteer = createRequire(join(ROOT, "tools", "package.json"))("puppeteer-core");
const INSTALL = installSource(false);

const KEY_NAMES = { Control: "Control", Shift: "Shift", Alt: "Alt", Meta: "Meta" };

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
    const keys = combo === "+" ? ["+"] : combo.split("+").map((k) => KEY_NAMES[k] ?? (k === " " ? "Space" : k));
    const key = keys.pop();
    for (const m of keys) await this.page.keyboard.down(m);
    await this.page.keyboard.press(key);
    for (const m of keys.reverse()) await this.page.keyboard.up(m);
  }
  type(text) { return this.page.keyboard.type(text); }
  goto(url) { return this.page.goto(url); }
  reload() { return this.page.reload(); }
  back() { return this.page.goBack(); }
  forward() { return this.page.goForward(); }
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
      const downloads = mkdtempSync(join(tmpdir(), "kb-ff-dl-"));
      const ctx = await browser.createBrowserContext({ downloadBehavior: { policy: "allow", downloadPath: downloads } });
      return {
        async newPage() {
          const p = await ctx.newPage();
          const page = new Page(new FirefoxDriver(p), { downloads });
          p.on("pageerror", (e) => page.emit("pageerror", e));
          p.on("dialog", (d) => page.emit("dialog", d));
          return page;
        },
        close: () => ctx.close(),
      };
    },
    close: () => browser.close(),
  };
}
