// Layout on every page, at phone, tablet and desktop widths, light and dark (Chromium):
// nothing scrolls sideways and every touch target is at least 44×44 CSS px (WCAG 2.5.5).
// The notebook is the sample data plus one reflection written through the wizard.
//
// KNOCKBACK_LAYOUT_SHOTS=<dir> also saves a full-page screenshot of each page at 320, 375
// and 1280 px in each scheme, for looking at the result.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, open, freshPage } from "./helpers.mjs";

// Every page of the app, in the order visited: [name, path (":app" is the sample's
// rejected application), optional step run after the page opens]. A new view is one line.
const PAGES = [
  ["dashboard", ""],
  ["applications", "applications"],
  ["applications, filtered", "applications?stage=rejected&sort=company"],
  ["board", "applications?view=board"],
  ["new application", "applications/new"],
  ["application detail", "applications/:app"],
  ["edit application", "applications/:app/edit"],
  ["company", "companies/Northwind%20Traders"],
  ["reflect list", "reflect"],
  ["wizard step 1", "reflect/:app", (p) => wizardStep(p, 1)],
  ["wizard step 2", "reflect/:app", (p) => wizardStep(p, 2)],
  ["wizard step 3", "reflect/:app", (p) => wizardStep(p, 3)],
  ["wizard step 4", "reflect/:app", (p) => wizardStep(p, 4)],
  ["wizard step 5", "reflect/:app", (p) => wizardStep(p, 5)],
  ["reflection summary", "reflect/:app", finishReflection],
  ["insights", "insights"],
  ["settings", "settings"],
  ["not found", "nowhere"],
];

// Both checks at phone widths; sideways overflow at the wider ones too.
const WIDTHS = [
  { width: 320, targets: true },
  { width: 375, targets: true },
  { width: 768, targets: false },
  { width: 1280, targets: false },
];
const SHOT_WIDTHS = [320, 375, 1280];
const SHOTS = process.env.KNOCKBACK_LAYOUT_SHOTS;

/** Goes to step `n` of the open wizard with Next; at step 1 it first writes one gap, so
 * the summary and the Insights plan have something to show; at step 2 it adds a technique. */
async function wizardStep(page, n) {
  await page.getByText(/^Step \d of 5$/).waitFor();
  if (n === 1) {
    await page.getByRole("button", { name: "Add a gap" }).click();
    await page.getByLabel("Gap 1: skill or experience").fill("Presenting data to a panel");
    await page.getByLabel("Gap 1: what I'll do").fill("Practise a five-minute talk with charts");
  }
  for (let i = 0; i < 5; i++) {
    const at = Number((await page.getByText(/^Step \d of 5$/).textContent()).match(/\d/)[0]);
    if (at === n) {
      // A technique's keep/improve/drop radios, so their labels are measured too.
      if (n === 2) await page.getByRole("button", { name: "Add a technique" }).click();
      return;
    }
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await page.getByText(`Step ${at + 1} of 5`).waitFor();
  }
}

async function finishReflection(page) {
  await wizardStep(page, 5);
  await page.getByRole("button", { name: "Finish and see summary" }).click();
  const anyway = page.getByRole("button", { name: "Finish anyway" });
  const markdown = page.getByRole("button", { name: "Download as Markdown" });
  await Promise.race([anyway.waitFor(), markdown.waitFor()]);
  if (await anyway.isVisible()) await anyway.click();
  await markdown.waitFor();
}

/** Runs in the page: every problem on it at the current width. Returns strings. */
function inspect(checkTargets) {
  const vw = document.documentElement.clientWidth;
  const problems = [];
  const name = (el) => {
    const text = (el.getAttribute("aria-label") || el.labels?.[0]?.textContent || el.textContent || el.placeholder || "").trim().replace(/\s+/g, " ").slice(0, 40);
    const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
    return `<${el.tagName.toLowerCase()}${cls}>${text ? ` "${text}"` : ""}`;
  };
  const size = (r) => `${Math.round(r.width)}×${Math.round(r.height)}`;
  // Seen: rendered, not hidden, not the 1 px "visually hidden" pattern, and not parked
  // above the page like the skip link until it has focus.
  const seen = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || r.bottom + scrollY <= 0) return false;
    const cs = getComputedStyle(el);
    return cs.visibility !== "hidden" && cs.display !== "none" && Number(cs.opacity) > 0;
  };
  // Inside a container that scrolls (or clips) itself: its overflow is that container's.
  const contained = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") return true;
    }
    return false;
  };

  // (a) Sideways overflow.
  if (document.documentElement.scrollWidth > vw) {
    problems.push(`the document scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${vw} px viewport`);
  }
  for (const el of document.body.querySelectorAll("*")) {
    if (!seen(el) || contained(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > vw + 0.5 || r.left < -0.5) {
      problems.push(`${name(el)} spans ${Math.round(r.left)}…${Math.round(r.right)} px, past the ${vw} px viewport`);
    }
  }

  // (b) Touch targets.
  if (checkTargets) {
    const INTERACTIVE = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex='-1'])";
    // WCAG 2.5.5's inline exception, kept narrow: a link (never a button or field) laid
    // out inline in a paragraph whose own text outside the link has three words or more.
    const inSentence = (el) => {
      if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
      const p = el.parentElement?.closest("p");
      if (!p) return false;
      const rest = [...p.childNodes].filter((n) => n !== el && !n.contains?.(el)).map((n) => n.textContent).join(" ");
      return rest.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 3;
    };
    for (const el of document.body.querySelectorAll(INTERACTIVE)) {
      if (!seen(el) || inSentence(el)) continue;
      const r = el.getBoundingClientRect();
      // A checkbox or radio is hit through its label: the box itself must be at least
      // 24 px, and the label around it at least 44 px.
      if (el.matches("input[type=checkbox], input[type=radio]")) {
        const label = el.closest("label") || el.labels?.[0];
        const lr = label?.getBoundingClientRect();
        if (r.width < 24 || r.height < 24) problems.push(`${name(el)} box is ${size(r)}, under 24×24`);
        if (!lr || lr.width < 44 || lr.height < 44) problems.push(`label of ${name(el)} is ${lr ? size(lr) : "missing"}, under 44×44`);
        continue;
      }
      if (r.width < 43.5 || r.height < 43.5) problems.push(`${name(el)} is ${size(r)}, under 44×44`);
    }
  }
  return problems;
}

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test("the check itself catches a wide element and a small button", async (t) => {
  const { page } = await freshPage(env, t, { context: { viewport: { width: 320, height: 700 } }, path: "" });
  assert.deepEqual(await page.evaluate(inspect, true), [], "the empty dashboard is clean at 320 px");
  await page.evaluate(() => {
    const main = document.querySelector("main");
    main.append(Object.assign(document.createElement("div"), { id: "wide", style: "width: 400px; height: 10px" }));
    main.append(Object.assign(document.createElement("button"), { id: "tiny", textContent: "x", style: "padding: 0; min-height: 0; min-width: 0; border: 0" }));
  });
  const found = (await page.evaluate(inspect, true)).join("\n");
  assert.match(found, /scrolls sideways/);
  assert.match(found, /<div> spans/);
  assert.match(found, /<button> "x" is \d+×\d+, under 44×44/);
});

for (const scheme of ["light", "dark"]) {
  test(`every page fits 320–1280 px, with 44 px touch targets on phones (${scheme})`, async (t) => {
    const { page } = await freshPage(env, t, { context: { colorScheme: scheme, viewport: { width: 375, height: 800 } }, path: "" });
    await page.getByRole("button", { name: "Try with sample data" }).click();
    await page.getByRole("link", { name: /Northwind Traders/ }).first().waitFor();
    await open(page, env.url, "applications?stage=rejected");
    await page.getByRole("link", { name: /Northwind Traders/ }).first().click();
    await page.getByRole("heading", { level: 1, name: /Northwind Traders/ }).waitFor();
    const app = new URL(page.url()).pathname.split("/").pop();

    const problems = [];
    for (const [label, path, step] of PAGES) {
      await page.setViewportSize({ width: 375, height: 800 });
      await open(page, env.url, path.replace(":app", app));
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      if (step) await step(page);
      for (const { width, targets } of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        // Let the resize lay out before measuring.
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
        for (const p of await page.evaluate(inspect, targets)) problems.push(`${label} @ ${width} px: ${p}`);
        if (SHOTS && SHOT_WIDTHS.includes(width)) {
          mkdirSync(SHOTS, { recursive: true });
          // Long pages in slices of 1400 px, so each stays readable when opened.
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          for (let y = 0, i = 1; y < height; y += 1400, i++) {
            const clip = { x: 0, y, width, height: Math.min(1400, height - y) };
            await page.screenshot({ path: join(SHOTS, `${label.replace(/\W+/g, "-")}-${width}-${scheme}-${i}.png`), fullPage: true, clip });
          }
        }
      }
    }
    assert.deepEqual(problems, [], `layout problems:\n${problems.join("\n")}`);
  });
}

test("on a phone the tab bar never covers the end of the page, and the skip link works", async (t) => {
  const { page } = await freshPage(env, t, { context: { viewport: { width: 320, height: 640 } }, path: "settings" });
  const bar = page.getByRole("navigation", { name: "Main" });
  const barBox = await bar.boundingBox();
  assert.ok(barBox.y + barBox.height >= 639, `the tab bar sits at the bottom (${JSON.stringify(barBox)})`);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const footer = await page.locator(".site-footer").boundingBox();
  const barNow = await bar.boundingBox();
  assert.ok(footer.y + footer.height <= barNow.y + 0.5, `the footer ends (${footer.y + footer.height}) above the tab bar (${barNow.y})`);
  // The current page is marked for assistive technology and by sight.
  const current = bar.getByRole("link", { name: "Backup & settings" });
  assert.equal(await current.getAttribute("aria-current"), "page");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  assert.ok(await skip.evaluate((el) => el === document.activeElement), "the skip link comes first");
  const skipBox = await skip.boundingBox();
  assert.ok(skipBox.y >= 0, "and is visible when focused");
  await page.keyboard.press("Enter");
  assert.ok(await page.locator("main").evaluate((el) => el === document.activeElement || el.contains(document.activeElement)), "Enter moves focus into the main content");
});
