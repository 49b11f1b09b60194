// Screenshots for looking at the wizard (not a test). node tests/e2e/.wizard-shots.mjs
import { launch, open, setItem, DATA_KEY } from "./helpers.mjs";
import { readFileSync } from "node:fs";
const src = readFileSync(new URL("./wizard.test.mjs", import.meta.url), "utf8");
// Reuse the test's seed by evaluating its data block.
const block = src.slice(src.indexOf("const NO_FB"), src.indexOf("async function start"));
const { seed, NO_FB, WITH_FB } = new Function(block + "; return { seed, NO_FB, WITH_FB };")();
const env = await launch();
const out = "/tmp/wshots";
for (const [w, scheme] of [[320, "light"], [1280, "dark"], [375, "dark"]]) {
  const ctx = await env.context({ viewport: { width: w, height: 900 }, colorScheme: scheme });
  const page = await ctx.newPage();
  await open(page, env.url, "");
  await setItem(page, DATA_KEY, seed);
  const shot = async (name) => {
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const small = await page.evaluate(() => [...document.querySelectorAll("main button, main a, main input, main select, main summary, main label.scale-option")]
      .filter((e) => e.offsetParent !== null && !e.closest("p, li, .hint"))
      .map((e) => [e.tagName, (e.textContent || e.getAttribute("aria-label") || e.id).trim().slice(0, 30), Math.round(e.getBoundingClientRect().width), Math.round(e.getBoundingClientRect().height)])
      .filter(([t, , wd, h]) => (h < 44 || wd < 44) && !["INPUT"].includes(t)));
    console.log(`${name}-${w}-${scheme}: overflow ${over}px; small targets ${JSON.stringify(small)}`);
    await page.screenshot({ path: `${out}/${name}-${w}-${scheme}.png`, fullPage: true });
  };
  await open(page, env.url, `reflect/${NO_FB}`);
  await page.getByText("Step 1 of 5").waitFor();
  await page.getByText("See an example", { exact: true }).click();
  await shot("nofb-step1");
  await page.getByRole("button", { name: /Build your confidence/ }).click();
  await page.getByLabel("Did well 1").fill("Clear portfolio walkthrough");
  await page.getByRole("radio", { name: "7", exact: true }).check();
  await shot("nofb-step5");
  await open(page, env.url, `reflect/${WITH_FB}`);
  await page.getByText("Step 1 of 5").waitFor();
  await shot("fb-step1");
  await page.getByRole("button", { name: /Build your confidence/ }).click();
  await page.getByLabel("My next step").fill("Apply again");
  await page.getByRole("button", { name: "Finish and see summary" }).click();
  await page.getByText(/You turned this no/).waitFor();
  await shot("summary");
  await open(page, env.url, "insights");
  await page.getByText(/came up in/).waitFor();
  await shot("insights");
  await ctx.close();
}
await env.close();
