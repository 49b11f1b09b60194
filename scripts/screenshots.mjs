#!/usr/bin/env node
// Regenerates the README's screenshots from the release build: the dashboard and the
// board at 1280 px, and a reflection step on a phone (375×812), each with the
// sample data in a fresh profile, light scheme, as small PNGs in docs/screenshots/.
//
//   node scripts/screenshots.mjs           uses dist/ (builds it first if it is missing)
//   node scripts/screenshots.mjs --build   rebuilds dist/ first
import { createRequire } from "node:module";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./static-server.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "docs", "screenshots");
const { chromium } = createRequire(join(ROOT, "tools", "package.json"))("playwright-core");

if (process.argv.includes("--build") || !existsSync(join(ROOT, "dist", "index.html"))) {
  execFileSync(join(ROOT, "scripts", "build.sh"), { stdio: "inherit" });
}
mkdirSync(OUT, { recursive: true });

const served = await startServer({ dir: join(ROOT, "dist") });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--hide-scrollbars"],
});
const at = (path) => new URL(path, served.url).href;
const ready = (page) => page.getByRole("navigation", { name: "Main" }).waitFor();

async function shot(page, file) {
  const path = join(OUT, file);
  await page.evaluate(() => document.activeElement?.blur());
  await page.screenshot({ path, type: "png" });
  console.log(`${file}: ${page.viewportSize().width}×${page.viewportSize().height}, ${Math.round(statSync(path).size / 1024)} KB`);
}

try {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
  const page = await ctx.newPage();
  await page.goto(at("")); await ready(page);
  await page.getByRole("button", { name: "Try with sample data" }).click();
  await page.getByRole("heading", { name: "Applications by stage" }).waitFor();
  await shot(page, "dashboard.png");

  await page.goto(at("applications?view=board")); await ready(page);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await shot(page, "board.png");

  // The rejected sample's reflection, step 1 with one gap written, on a phone.
  await page.goto(at("applications?stage=rejected&view=list")); await ready(page);
  await page.getByRole("link", { name: /Northwind Traders/ }).first().click();
  await page.getByRole("heading", { level: 1, name: /Northwind Traders/ }).waitFor();
  const app = new URL(page.url()).pathname.split("/").pop();
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, colorScheme: "light" });
  const data = await page.evaluate(() => localStorage.getItem("knockback:data"));
  const mobile = await phone.newPage();
  await mobile.goto(at("")); await ready(mobile);
  await mobile.evaluate((d) => localStorage.setItem("knockback:data", d), data);
  await mobile.goto(at(`reflect/${app}`)); await ready(mobile);
  await mobile.getByText("Step 1 of 5").waitFor();
  await mobile.getByRole("button", { name: "Add a gap" }).click();
  await mobile.getByLabel("Gap 1: skill or experience").fill("Presenting data to a panel");
  await mobile.getByLabel("Gap 1: what I'll do").fill("Practise a five-minute talk with charts");
  await mobile.evaluate(() => window.scrollTo(0, 0));
  await shot(mobile, "wizard-phone.png");
} finally {
  await browser.close();
  await new Promise((ok) => served.server.close(ok));
}
