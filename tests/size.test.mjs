// The size budget: what a first visit downloads, compressed as the post-build hook
// compresses it (brotli 11, gzip 9), must stay within tests/size-budget.json. Reads the
// release build in dist/ (or $KNOCKBACK_DIST) and builds nothing. A byte count, the
// same on every machine: raising the budget is a visible one-line change in review.
// What counts as the first visit: tests/first-visit.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { firstVisit } from "./first-visit.mjs";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, process.env.KNOCKBACK_DIST ?? "dist");
const budget = JSON.parse(readFileSync(join(root, "tests/size-budget.json"), "utf8"));

const brotli = (body, wasm) => brotliCompressSync(body, {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 11,
    [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    [constants.BROTLI_PARAM_MODE]: wasm ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
  },
}).length;

test("the first visit stays within the size budget", () => {
  assert.ok(existsSync(join(dist, "index.html")), `no release build in ${relative(root, dist)}/: run scripts/build.sh first`);
  const files = firstVisit(dist);
  let br = 0, gz = 0;
  const rows = files.map((f) => {
    const body = readFileSync(join(dist, f));
    const b = brotli(body, f.endsWith(".wasm"));
    const g = gzipSync(body, { level: 9 }).length;
    br += b; gz += g;
    return `  ${f}: ${b} brotli, ${g} gzip`;
  });
  const wasm = files.filter((f) => f.endsWith(".wasm"));
  assert.ok(wasm.length >= 1, `the first visit names no wasm: ${files.join(", ")}`);
  const all = readdirSync(dist, { recursive: true }).filter((n) => /\.wasm$/.test(n));
  console.log(`first visit: ${files.length} files, ${br} bytes brotli (budget ${budget.first_visit_brotli_bytes}), ${gz} bytes gzip (budget ${budget.first_visit_gzip_bytes})\n${rows.join("\n")}\n  (${all.length - wasm.length} more wasm files load on demand)`);
  assert.ok(br <= budget.first_visit_brotli_bytes, `first visit is ${br} bytes with brotli, over the budget of ${budget.first_visit_brotli_bytes} (tests/size-budget.json)`);
  assert.ok(gz <= budget.first_visit_gzip_bytes, `first visit is ${gz} bytes with gzip, over the budget of ${budget.first_visit_gzip_bytes} (tests/size-budget.json)`);
});
