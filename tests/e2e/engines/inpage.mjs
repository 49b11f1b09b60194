// What the adapter runs inside the page: @testing-library/dom (role and label queries)
// plus `window.__kb`, which resolves a locator chain the way Playwright does and does the
// in-page half of each action. Injected once per document, by the driver (not subject
// to the page's CSP).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const require = createRequire(join(ROOT, "tools", "package.json"));
const TL_UMD = readFileSync(require.resolve("@testing-library/dom/dist/@testing-library/dom.umd.min.js"), "utf8");

/** Runs in the page. `captureErrors`: record uncaught errors for engines that can't report them. */
function kbInstall(captureErrors) {
  const TL = window.TestingLibraryDom;
  const errors = [];
  if (captureErrors) {
    addEventListener("error", (e) => errors.push(e.message || String(e.error)));
    addEventListener("unhandledrejection", (e) => errors.push("unhandled rejection: " + (e.reason?.message ?? String(e.reason))));
  }
  const norm = (s) => String(s ?? "").replace(/\s+/g, " ").trim();
  // A text spec is { s, exact } or { re, flags }: substring and case-insensitive unless exact.
  const matcher = (spec) => {
    if (spec.re !== undefined) {
      const re = new RegExp(spec.re, spec.flags);
      return (t) => { re.lastIndex = 0; return re.test(norm(t)); };
    }
    const want = norm(spec.s);
    return spec.exact ? (t) => norm(t) === want : (t) => norm(t).toLowerCase().includes(want.toLowerCase());
  };
  const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "HEAD", "TEMPLATE"]);
  const textOf = (el) => (el instanceof HTMLInputElement && /^(button|submit|reset)$/.test(el.type) ? el.value : el.textContent);
  // Playwright's getByText: the element's text matches and no child element's does.
  const byText = (root, spec) => {
    const m = matcher(spec);
    return [...root.querySelectorAll("*")].filter((el) => !SKIP.has(el.tagName) && m(textOf(el))
      && ![...el.children].some((c) => !SKIP.has(c.tagName) && m(textOf(c))));
  };
  const step = (root, s) => {
    switch (s.t) {
      case "css": return [...root.querySelectorAll(s.s)];
      case "role": {
        const o = { hidden: false };
        if (s.level !== undefined) o.level = s.level;
        if (s.name) { const m = matcher(s.name); o.name = (n) => m(n); }
        return TL.queryAllByRole(root, s.role, o);
      }
      case "label": { const m = matcher(s.m); return TL.queryAllByLabelText(root, (c) => m(c)); }
      case "text": return byText(root, s.m);
      default: throw new Error("unknown step " + s.t);
    }
  };
  const order = (els) => [...new Set(els)].sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const resolve = (chain) => {
    let set = [document];
    for (const s of chain) {
      if (s.t === "nth") { const el = set.at(s.n); set = el ? [el] : []; continue; }
      if (s.t === "hasText") { const m = matcher(s.m); set = set.filter((el) => m(el.textContent)); continue; }
      set = order(set.flatMap((root) => step(root, s)));
    }
    return set;
  };
  const visible = (el) => {
    const st = getComputedStyle(el);
    if (st.visibility !== "visible") return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const disabled = (el) => el.matches(":disabled") || !!el.closest('[aria-disabled="true"]');
  const describe = (el) => el.outerHTML.slice(0, 120);
  const WAIT = (why) => ({ wait: why });
  const one = (chain, { needVisible = false, needEnabled = false } = {}) => {
    const els = resolve(chain);
    if (els.length === 0) return WAIT("no element matches");
    if (els.length > 1) return { err: `strict mode violation: ${els.length} elements match:\n  ${els.slice(0, 5).map(describe).join("\n  ")}` };
    const el = els[0];
    if (needVisible && !visible(el)) return WAIT("element is not visible");
    if (needEnabled && disabled(el)) return WAIT("element is disabled");
    return { el };
  };
  const setValue = (el, value) => {
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, "value").set.call(el, value);
  };
  const fire = (el, ...types) => types.forEach((type) => el.dispatchEvent(new Event(type, { bubbles: true, composed: true })));
  const ops = {
    count: (chain) => ({ ok: resolve(chain).length }),
    allInnerTexts: (chain) => ({ ok: resolve(chain).map((el) => el.innerText) }),
    wait(chain, state) {
      const els = resolve(chain);
      if (els.length > 1) return { err: `strict mode violation: ${els.length} elements match:\n  ${els.slice(0, 5).map(describe).join("\n  ")}` };
      const el = els[0];
      const ok = state === "attached" ? !!el : state === "detached" ? !el : state === "visible" ? !!el && visible(el) : !el || !visible(el);
      return ok ? { ok: true } : WAIT(`waiting for ${state}`);
    },
    // Before a real click: there, visible, enabled, scrolled into view.
    clickable(chain) {
      const r = one(chain, { needVisible: true, needEnabled: true });
      if (r.el) r.el.scrollIntoView({ block: "center", inline: "center" });
      return r.el ? { ok: true } : r;
    },
    focus(chain) {
      const r = one(chain, { needVisible: true });
      if (!r.el) return r;
      r.el.focus();
      return { ok: true };
    },
    // As Playwright's fill: select everything, insert the text as one edit (the browser's
    // own beforeinput/input events); date-like inputs get their value set directly.
    fill(chain, value) {
      const r = one(chain, { needVisible: true, needEnabled: true });
      if (!r.el) return r;
      const el = r.el;
      const type = (el.type || "").toLowerCase();
      if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && !el.isContentEditable) return { err: "fill: not an input, textarea or contenteditable: " + describe(el) };
      el.focus();
      if (el instanceof HTMLInputElement && /^(date|time|datetime-local|month|week|color|range)$/.test(type)) {
        setValue(el, value);
        fire(el, "input", "change");
        return { ok: true };
      }
      if (el.isContentEditable) document.getSelection().selectAllChildren(el); else el.select();
      if (value === "") document.execCommand("delete");
      else document.execCommand("insertText", false, value);
      if (!el.isContentEditable && el.value !== value) {
        // The browser refused the edit command: fall back to setting the value.
        setValue(el, value);
        fire(el, "input");
      }
      return { ok: true };
    },
    select(chain, want) {
      const r = one(chain, { needVisible: true, needEnabled: true });
      if (!r.el) return r;
      const el = r.el;
      if (!(el instanceof HTMLSelectElement)) return { err: "selectOption: not a <select>: " + describe(el) };
      const opt = [...el.options].find((o) => (want.label !== undefined ? norm(o.label) === norm(want.label) : o.value === want.value));
      if (!opt) return WAIT(`no option ${JSON.stringify(want)}`);
      setValue(el, opt.value);
      fire(el, "input", "change");
      return { ok: [opt.value] };
    },
    // Reads: the element only needs to exist.
    read(chain, what) {
      const r = one(chain);
      if (!r.el) return r;
      const el = r.el;
      switch (what.k) {
        case "inputValue": return { ok: el.value };
        case "attr": return { ok: el.getAttribute(what.name) };
        case "disabled": return { ok: disabled(el) };
        case "innerText": return { ok: el.innerText };
        case "textContent": return { ok: el.textContent };
        case "checked": return { ok: el.checked ?? el.getAttribute("aria-checked") === "true" };
        case "visible": return { ok: visible(el) };
        default: return { err: "unknown read " + what.k };
      }
    },
  };
  window.__kb = {
    one: (chain) => one(chain).el ?? null,
    // The element for a function given by the test (see Locator.evaluate).
    el: (chain) => one(chain),
    op(chain, name, arg) {
      try {
        const r = ops[name](chain, arg);
        if (errors.length) r.errors = errors.splice(0);
        return r;
      } catch (e) {
        return { err: String(e && e.stack || e) };
      }
    },
    errors: () => errors.splice(0),
  };
}

/** An expression that installs everything unless already there; evaluates to true. */
export const installSource = (captureErrors) => `(function () {
  if (window.__kb) return true;
  ${TL_UMD}
  ;(${kbInstall})(${captureErrors});
  return true;
})()`;
