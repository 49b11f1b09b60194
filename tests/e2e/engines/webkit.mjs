// WebKit: WebKitGTK's MiniBrowser through WebKitWebDriver (W3C WebDriver classic over
// fetch), in an Xvfb display started here. WebKitWebDriver allows one session at a time,
// and each session is a fresh profile, so every context is a driver process of its own,
// with its own HOME: that is where MiniBrowser saves downloads.
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Page, sleep } from "./page.mjs";
import { installSource } from "./inpage.mjs";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
const INSTALL = installSource(true);
const KEYS = {
  Tab: "\uE004", Enter: "\uE007", Escape: "\uE00C", Space: " ", Backspace: "\uE003", Delete: "\uE017",
  ArrowLeft: "\uE012", ArrowUp: "\uE013", ArrowRight: "\uE014", ArrowDown: "\uE015",
  Home: "\uE011", End: "\uE010", PageUp: "\uE00E", PageDown: "\uE00F",
  Shift: "\uE008", Control: "\uE009", Alt: "\uE00A", Meta: "\uE03D",
};

/** MiniBrowser ships inside libwebkit2gtk-4.1-0, outside PATH. */
export function miniBrowser() {
  if (process.env.MINIBROWSER) return process.env.MINIBROWSER;
  const out = execFileSync("dpkg", ["-L", "libwebkit2gtk-4.1-0"], { encoding: "utf8" });
  const path = out.split("\n").find((l) => l.endsWith("/MiniBrowser"));
  if (!path) throw new Error("MiniBrowser not found in libwebkit2gtk-4.1-0 (run scripts/setup.sh --test)");
  return path;
}

const freePort = () => new Promise((ok, no) => {
  const s = createServer();
  s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
  s.on("error", no);
});

function exited(proc) {
  return proc.exitCode !== null || proc.signalCode !== null ? Promise.resolve() : new Promise((ok) => proc.once("exit", ok));
}
async function stop(proc) {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  proc.kill("SIGTERM");
  const done = await Promise.race([exited(proc).then(() => true), sleep(3000).then(() => false)]);
  if (!done) { proc.kill("SIGKILL"); await exited(proc); }
}

/** Stops the driver and every process it started (its MiniBrowser): its own group. */
async function stopGroup(proc) {
  try { process.kill(-proc.pid, "SIGTERM"); } catch {}
  await stop(proc);
  try { process.kill(-proc.pid, "SIGKILL"); } catch {}
}

/** Xvfb on a display number it picks itself (-displayfd), so parallel runs don't collide. */
async function startXvfb() {
  const proc = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], { stdio: ["ignore", "ignore", "pipe", "pipe"] });
  let err = "";
  proc.stderr.on("data", (d) => { err += d; });
  const display = await new Promise((ok, no) => {
    let out = "";
    proc.stdio[3].on("data", (d) => { out += d; if (out.includes("\n")) ok(":" + out.trim()); });
    proc.once("exit", (code) => no(new Error(`Xvfb exited (${code}): ${err}`)));
    proc.once("error", no);
  });
  return { display, stop: () => stop(proc) };
}

class WebDriverError extends Error {
  constructor(value) { super(`${value?.error}: ${value?.message}`); this.code = value?.error; this.value = value; }
}

class Session {
  constructor(base) { this.base = base; this.current = null; this.queue = Promise.resolve(); }
  async raw(method, path, body, signal = undefined) {
    const res = await fetch(this.base + path, {
      method,
      signal,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new WebDriverError(json.value);
    return json.value;
  }
  cmd(method, path, body) { return this.raw(method, `/session/${this.id}${path}`, body); }
  /** Runs `fn` with window `handle` current; commands of different tabs never interleave. */
  on(handle, fn) {
    const run = this.queue.then(async () => {
      if (this.current !== handle) { await this.cmd("POST", "/window", { handle }); this.current = handle; }
      return fn();
    });
    this.queue = run.catch(() => {});
    return run;
  }
}

class WebKitDriver {
  constructor(session, win, page) { this.s = session; this.win = win; this.page = page; this.engine = "webkit"; }
  /** A command in this tab; an open alert is reported as a "dialog" and dismissed. */
  async do(method, path, body) {
    for (let i = 0; ; i++) {
      try {
        return await this.s.on(this.win, () => this.s.cmd(method, path, body));
      } catch (e) {
        if (e.code !== "unexpected alert open" || i > 3) throw e;
        // The driver has usually dismissed it already ("dismiss and notify"); the text
        // then comes with the error.
        const message = e.value?.data?.text ?? await this.s.on(this.win, () => this.s.cmd("GET", "/alert/text")).catch(() => e.value?.message ?? "");
        await this.s.on(this.win, () => this.s.cmd("POST", "/alert/dismiss", {})).catch(() => {});
        this.page?.emit("dialog", { message: () => message, dismiss: async () => {}, accept: async () => {} });
      }
    }
  }
  async exec(src, args) {
    // Promises are awaited; errors come back as values, to tell them from driver errors.
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${src}).apply(null, ${JSON.stringify(args)}))
        .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ err: String(e && e.stack || e) }));`;
    const r = await this.do("POST", "/execute/async", { script, args: [] });
    if (r && "err" in r) throw new Error(r.err);
    return r?.ok ?? null;
  }
  install() { return this.do("POST", "/execute/sync", { script: `return ${INSTALL}`, args: [] }); }
  async handle(chain) { return this.do("POST", "/execute/sync", { script: "return window.__kb ? window.__kb.one(arguments[0]) : null", args: [chain] }); }
  click(h) { return this.do("POST", `/element/${h[ELEMENT]}/click`, {}); }
  upload(h, path) { return this.do("POST", `/element/${h[ELEMENT]}/value`, { text: path }); }
  isRetryable(e) { return /stale element|no such element|element click intercepted|element not interactable/.test(e.code ?? ""); }
  async keys(actions) {
    await this.do("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.do("DELETE", "/actions");
  }
  press(combo) {
    const keys = combo === "+" ? ["+"] : combo.split("+").map((k) => KEYS[k] ?? k);
    return this.keys([...keys.map((value) => ({ type: "keyDown", value })), ...keys.reverse().map((value) => ({ type: "keyUp", value }))]);
  }
  /** W3C pointer actions; the input state (where the mouse is, its button) lasts
   * between calls, so a drag can be several calls, as in Playwright. */
  async pointer(actions) {
    await this.do("POST", "/actions", { actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions }] });
  }
  async mouseMove(x, y, steps) {
    const from = this.mouseAt ?? { x: 0, y: 0 };
    const moves = [];
    for (let i = 1; i <= steps; i++) {
      moves.push({ type: "pointerMove", origin: "viewport", duration: 0,
        x: Math.round(from.x + ((x - from.x) * i) / steps), y: Math.round(from.y + ((y - from.y) * i) / steps) });
    }
    this.mouseAt = { x, y };
    await this.pointer(moves);
  }
  mouseDown() { return this.pointer([{ type: "pointerDown", button: 0 }]); }
  mouseUp() { return this.pointer([{ type: "pointerUp", button: 0 }]); }
  type(text) { return this.keys([...text].flatMap((value) => [{ type: "keyDown", value }, { type: "keyUp", value }])); }
  /** Errors the page recorded before it goes away. */
  async flush() {
    const errs = await this.do("POST", "/execute/sync", { script: "return window.__kb ? window.__kb.errors() : []", args: [] }).catch(() => []);
    for (const m of errs ?? []) this.page?.emit("pageerror", new Error(m));
  }
  async goto(url) { await this.flush(); await this.do("POST", "/url", { url }); }
  async reload() { await this.flush(); await this.do("POST", "/refresh", {}); } // a body is required
  async back() { await this.flush(); await this.do("POST", "/back", {}); }
  async forward() { await this.flush(); await this.do("POST", "/forward", {}); }
  url() { return this.do("GET", "/url"); }
  async close() {
    await this.flush();
    await this.do("DELETE", "/window").catch(() => {});
    this.s.current = null;
  }
}

/** Starts Xvfb; each context is its own WebKitWebDriver + MiniBrowser. */
export async function launchWebKit() {
  const binary = miniBrowser();
  const xvfb = await startXvfb();
  const contexts = new Set();
  return {
    engine: "webkit",
    async context() {
      // MiniBrowser's profile and downloads land in HOME; files to pick in HOME/.uploads
      // (dot-folders are not taken for downloads).
      const home = mkdtempSync(join(tmpdir(), "kb-webkit-"));
      const uploads = join(home, ".uploads");
      mkdirSync(uploads);
      // Now and then (seen on a loaded machine) MiniBrowser never answers the new
      // session and the request hangs for minutes: give each start a minute, then kill
      // the driver and what it started, and start again.
      let proc, s, created, log = "";
      for (let attempt = 1; ; attempt++) {
        const port = await freePort();
        proc = spawn("WebKitWebDriver", [`--port=${port}`], {
          env: { ...process.env, DISPLAY: xvfb.display, HOME: home, XDG_DOWNLOAD_DIR: home },
          stdio: ["ignore", "ignore", "pipe"],
          detached: true,
        });
        log = "";
        proc.stderr.on("data", (d) => { log = (log + d).slice(-2000); });
        s = new Session(`http://127.0.0.1:${port}`);
        try {
          for (let i = 0; ; i++) {
            try { if ((await fetch(`${s.base}/status`)).ok) break; } catch {}
            if (i > 200 || proc.exitCode !== null) throw new Error(`WebKitWebDriver did not start: ${log}`);
            await sleep(25);
          }
          created = await s.raw("POST", "/session", {
            capabilities: { alwaysMatch: { "webkitgtk:browserOptions": { binary, args: ["--automation"] } } },
          }, AbortSignal.timeout(60_000));
          break;
        } catch (e) {
          await stopGroup(proc);
          if (attempt >= 3) throw new Error(`WebKit did not start a session (${attempt} tries): ${e.message} ${log}`);
        }
      }
      s.id = created.sessionId;
      await s.cmd("POST", "/window/rect", { width: 1280, height: 800 }).catch(() => {});
      let first = (await s.cmd("GET", "/window/handles"))[0];
      s.current = first;
      const pages = new Set();
      const ctx = {
        async newPage() {
          let handle = first;
          first = null;
          if (!handle) handle = (await s.cmd("POST", "/window/new", { type: "tab" })).handle;
          const driver = new WebKitDriver(s, handle, null);
          const page = new Page(driver, { downloads: home, uploads });
          driver.page = page;
          pages.add(page);
          return page;
        },
        async close() {
          if (!contexts.delete(ctx)) return;
          for (const p of pages) await p._driver.flush();
          await s.cmd("DELETE", "").catch(() => {});
          await stopGroup(proc);
          rmSync(home, { recursive: true, force: true });
        },
      };
      contexts.add(ctx);
      return ctx;
    },
    async close() {
      for (const ctx of [...contexts]) await ctx.close();
      await xvfb.stop();
    },
  };
}
