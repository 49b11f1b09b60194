// The part of Playwright's Page and Locator API the cross-engine flows use, on top of a
// small driver interface (see firefox.mjs and webkit.mjs). Locators are lazy chains of
// steps, resolved in the page on every try (inpage.mjs); actions wait and retry until
// the timeout, and a locator that matches more than one element is an error (strict),
// as in Playwright. Clicks and key presses are real input from the driver.
import { EventEmitter } from "node:events";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const DEFAULT_TIMEOUT = 30_000;
export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

const textSpec = (text, exact) => (text instanceof RegExp ? { re: text.source, flags: text.flags } : { s: String(text), exact: !!exact });
const show = (spec) => (spec.re !== undefined ? `/${spec.re}/${spec.flags}` : JSON.stringify(spec.s) + (spec.exact ? " (exact)" : ""));
const describeStep = (s) => ({
  css: () => `locator(${JSON.stringify(s.s)})`,
  role: () => `getByRole(${JSON.stringify(s.role)}${s.name ? `, name ${show(s.name)}` : ""}${s.level ? `, level ${s.level}` : ""})`,
  label: () => `getByLabel(${show(s.m)})`,
  text: () => `getByText(${show(s.m)})`,
  hasText: () => `filter(hasText ${show(s.m)})`,
  nth: () => `nth(${s.n})`,
}[s.t]());

class Locator {
  constructor(page, chain) { this._page = page; this._chain = chain; }
  toString() { return this._chain.map(describeStep).join("."); }
  _with(step) { return new Locator(this._page, [...this._chain, step]); }
  locator(css) { return this._with({ t: "css", s: css }); }
  getByRole(role, { name, exact, level } = {}) { return this._with({ t: "role", role, name: name === undefined ? null : textSpec(name, exact), level }); }
  getByLabel(text, { exact } = {}) { return this._with({ t: "label", m: textSpec(text, exact) }); }
  getByText(text, { exact } = {}) { return this._with({ t: "text", m: textSpec(text, exact) }); }
  filter({ hasText, ...rest }) {
    if (Object.keys(rest).length) throw new Error(`filter(${Object.keys(rest)}) is not supported by the cross-engine adapter`);
    return hasText === undefined ? this : this._with({ t: "hasText", m: textSpec(hasText, false) });
  }
  nth(n) { return this._with({ t: "nth", n }); }
  first() { return this.nth(0); }
  last() { return this.nth(-1); }

  /** Retries the in-page operation until it answers, fails or times out. */
  async _until(op, arg, timeout = DEFAULT_TIMEOUT) {
    const end = Date.now() + timeout;
    let last = "";
    for (let delay = 20; ; delay = Math.min(delay * 2, 200)) {
      const r = await this._page._op(this._chain, op, arg);
      if (r.err) throw new Error(`${this}: ${r.err}`);
      if (!("wait" in r)) return r.ok;
      last = r.wait;
      if (Date.now() > end) throw new Error(`Timeout ${timeout}ms: ${op} on ${this}: ${last}`);
      await sleep(delay);
    }
  }
  /** Waits until actionable, then runs `act(handle)` with the driver's element; retries
   * if the element went away in between (the app re-rendered it). */
  async _act([check, arg], act, timeout = DEFAULT_TIMEOUT) {
    const end = Date.now() + timeout;
    for (;;) {
      await this._until(check, arg, Math.max(0, end - Date.now()));
      const h = await this._page._driver.handle(this._chain);
      if (h) {
        try {
          return await act(h);
        } catch (e) {
          if (!this._page._driver.isRetryable(e) || Date.now() > end) throw e;
        }
      }
      if (Date.now() > end) throw new Error(`Timeout ${timeout}ms: could not act on ${this}`);
      await sleep(50);
    }
  }

  waitFor({ state = "visible", timeout } = {}) { return this._until("wait", state, timeout); }
  click({ timeout } = {}) { return this._act(["clickable"], (h) => this._page._driver.click(h), timeout); }
  fill(value, { timeout } = {}) { return this._until("fill", value, timeout); }
  async type(text) { await this._until("focus"); await this._page.keyboard.type(text); }
  async press(key) { await this._until("focus"); await this._page.keyboard.press(key); }
  selectOption(v) { return this._until("select", typeof v === "string" ? { value: v } : v.label !== undefined ? { label: v.label } : { value: v.value }); }
  async check() { if (!(await this.isChecked())) await this.click(); }
  async uncheck() { if (await this.isChecked()) await this.click(); }
  async setInputFiles(file) {
    let path = file;
    if (typeof file !== "string") {
      // Kept until the context closes: a browser may read the file only when the page does.
      path = join(mkdtempSync(join(this._page._uploads, "f-")), file.name);
      writeFileSync(path, file.buffer);
    }
    // A file input may be hidden behind a styled label: it only has to exist.
    return this._act(["wait", "attached"], (h) => this._page._driver.upload(h, path));
  }
  inputValue() { return this._until("read", { k: "inputValue" }); }
  getAttribute(name) { return this._until("read", { k: "attr", name }); }
  isDisabled() { return this._until("read", { k: "disabled" }); }
  isChecked() { return this._until("read", { k: "checked" }); }
  innerText() { return this._until("read", { k: "innerText" }); }
  textContent() { return this._until("read", { k: "textContent" }); }
  async isVisible() { return (await this.count()) === 1 && this._until("read", { k: "visible" }); }
  count() { return this._page._op(this._chain, "count").then((r) => r.ok); }
  /** { x, y, width, height } in CSS pixels of the viewport, as Playwright gives it. */
  async boundingBox() {
    return this.evaluate((el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; });
  }
  allInnerTexts() { return this._page._op(this._chain, "allInnerTexts").then((r) => r.ok); }
  /** fn(element, arg) in the page, once exactly one element matches. */
  async evaluate(fn, arg) {
    await this._until("wait", "attached");
    const src = `(chain, arg) => { const r = window.__kb.el(chain); if (!r.el) throw new Error("element gone: " + (r.err || r.wait)); return (${fn})(r.el, arg); }`;
    return this._page._driver.exec(src, [this._chain, arg ?? null]);
  }
}

/** The Playwright-like page. `driver` does the engine-specific part:
 * exec(fnSource, args) → value, install(), handle(chain) → element, click(h), upload(h, path),
 * keys.press(key) / keys.type(text), mouseMove(x, y, steps) / mouseDown() / mouseUp(),
 * goto/reload/back/forward/url, close(), isRetryable(e). */
export class Page extends EventEmitter {
  /** `downloads`: where the browser saves files; `uploads`: a folder for files to pick. */
  constructor(driver, { downloads, uploads }) {
    super();
    this._driver = driver;
    this._downloads = downloads;
    this._uploads = uploads;
    this.keyboard = { press: (k) => driver.press(k), type: (t) => driver.type(t) };
    // Real pointer input from the driver (viewport coordinates), for drag and drop.
    this.mouse = {
      move: (x, y, { steps = 1 } = {}) => driver.mouseMove(x, y, steps),
      down: () => driver.mouseDown(),
      up: () => driver.mouseUp(),
    };
  }
  get engine() { return this._driver.engine; }
  locator(css) { return new Locator(this, [{ t: "css", s: css }]); }
  getByRole(...a) { return new Locator(this, []).getByRole(...a); }
  getByLabel(...a) { return new Locator(this, []).getByLabel(...a); }
  getByText(...a) { return new Locator(this, []).getByText(...a); }

  async _op(chain, name, arg) {
    const src = "(chain, name, arg) => window.__kb ? window.__kb.op(chain, name, arg ?? null) : { inject: true }";
    let r = await this._driver.exec(src, [chain, name, arg ?? null]);
    if (r && r.inject) {
      await this._driver.install();
      r = await this._driver.exec(src, [chain, name, arg ?? null]);
    }
    if (r?.errors) for (const m of r.errors) this.emit("pageerror", new Error(m));
    return r ?? { wait: "no answer (navigating?)" };
  }
  async goto(url) { await this._driver.goto(url); }
  async reload() { await this._driver.reload(); }
  async goBack() { await this._driver.back(); }
  async goForward() { await this._driver.forward(); }
  url() { return this._driver.url(); }
  title() { return this.evaluate(() => document.title); }
  evaluate(fn, arg) { return this._driver.exec(String(fn), arg === undefined ? [] : [arg]); }
  waitForTimeout(ms) { return sleep(ms); }
  async waitForFunction(fn, arg, { timeout = DEFAULT_TIMEOUT } = {}) {
    const end = Date.now() + timeout;
    while (!(await this.evaluate(fn, arg))) {
      if (Date.now() > end) throw new Error(`Timeout ${timeout}ms: waitForFunction ${fn}`);
      await sleep(50);
    }
  }
  close() { return this._driver.close(); }

  /** Runs `trigger` and returns the file it made the browser save: { name, text }, read
   * from disk. The file is then removed, so the next one keeps its own name. */
  async kbDownload(trigger, timeout = 15_000) {
    const dir = this._downloads;
    const list = () => (existsSync(dir) ? readdirSync(dir).filter((n) => !n.startsWith(".")) : []);
    const before = new Set(list());
    await trigger();
    const end = Date.now() + timeout;
    let seen = null;
    for (;;) {
      const fresh = list().filter((n) => !before.has(n) && !/\.(part|download|crdownload|tmp)$/.test(n));
      if (fresh.length > 1) throw new Error(`more than one new download: ${fresh}`);
      if (fresh.length === 1) {
        const path = join(dir, fresh[0]);
        const size = statSync(path).size;
        // Done when the size holds still between two looks and no partial file is left.
        if (seen && seen.name === fresh[0] && seen.size === size && list().every((n) => !/\.(part|download|crdownload)$/.test(n))) {
          const text = readFileSync(path, "utf8");
          rmSync(path);
          return { name: fresh[0], text };
        }
        seen = { name: fresh[0], size };
      }
      if (Date.now() > end) throw new Error(`no download appeared in ${dir} within ${timeout}ms (files: ${list()})`);
      await sleep(100);
    }
  }
}
