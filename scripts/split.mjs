// Load on demand: cuts the release wasm into the code the first page needs and the
// pieces fetched when a page needing them first opens (the `#[wasm_split]` points in
// src/app.rs). Trunk 0.21 has no step between the link and wasm-bindgen, so this runs
// first thing in its post-build hook (scripts/postbuild.mjs) and redoes that part of
// the pipeline from the linked wasm Trunk's cargo build left (`--emit-relocs`, from
// .cargo/config.toml, keeps what wasm-split-cli needs to cut it):
//
//   target/…/release/knockback.wasm
//     → wasm-split-cli: main.wasm, one .wasm per split point, __wasm_split.js (the loader)
//     → wasm-bindgen --target web --keep-lld-exports (the pieces call into main's exports)
//     → wasm-opt -Oz, each file, as Trunk's `data-wasm-opt="z"` does for one
//
// into `wasm-<hash>/` in the staging folder, replacing the unsplit pair Trunk wrote, and
// points index.html's loader and preloads at it (with new integrity hashes). Returns the
// files written, relative to the staging folder, for the service worker to cache.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

export function split({ staging, root, html }) {
  const linked = join(root, "target/wasm32-unknown-unknown/release/knockback.wasm");
  if (!existsSync(linked)) throw new Error(`split: no linked wasm at ${linked} (is this a --release build?)`);
  const input = readFileSync(linked);
  const id = createHash("sha256").update(input).digest("hex").slice(0, 12);
  const dirName = `wasm-${id}`;
  const out = join(staging, dirName);
  const work = mkdtempSync(join(tmpdir(), "knockback-split-"));
  try {
    run("wasm-split-cli", [linked, join(work, "split"), "--target", "web", "--out-name", "knockback"]);
    mkdirSync(out, { recursive: true });
    run("wasm-bindgen", [
      join(work, "split", "knockback.wasm"),
      "--out-dir", out, "--out-name", "knockback",
      "--target", "web", "--no-typescript", "--keep-lld-exports",
    ]);
    for (const name of readdirSync(join(work, "split"))) {
      if (name !== "knockback.wasm") cpSync(join(work, "split", name), join(out, name), { recursive: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const wasmFiles = readdirSync(out).filter((n) => n.endsWith(".wasm"));
  for (const name of wasmFiles) {
    const path = join(out, name);
    run("wasm-opt", ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
      "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue", path, "-o", path]);
  }

  // Trunk's unsplit pair: `knockback-<hash>.js` and `knockback-<hash>_bg.wasm`.
  const trunkJs = html.match(/knockback-[0-9a-f]+\.js/)?.[0];
  const trunkWasm = html.match(/knockback-[0-9a-f]+_bg\.wasm/)?.[0];
  if (!trunkJs || !trunkWasm) throw new Error("split: index.html does not name Trunk's knockback-<hash>.js and _bg.wasm");
  const js = readFileSync(join(out, "knockback.js"));
  // The script's preload keeps an integrity check, with the new hash (the wasm's
  // preload is dropped below), then every name moves to the new folder.
  html = html.replace(/<link\b[^>]*>/g, (tag) =>
    tag.includes(trunkJs) ? tag.replace(/integrity="[^"]*"/, `integrity="${sri(js)}"`) : tag);
  html = html.split(trunkJs).join(`${dirName}/knockback.js`).split(trunkWasm).join(`${dirName}/knockback_bg.wasm`);
  // The loader is a static import of knockback.js: preload it too, saving a round trip.
  const loader = join(out, "__wasm_split.js");
  if (existsSync(loader)) {
    const preload = html.match(/<link rel="modulepreload" href="([^"]*)"[^>]*>/);
    if (!preload) throw new Error("split: index.html has no modulepreload of the app's script");
    const href = preload[1].replace(/knockback\.js$/, "__wasm_split.js");
    html = html.replace(preload[0], `${preload[0]}\n<link rel="modulepreload" href="${href}" crossorigin="anonymous" integrity="${sri(readFileSync(loader))}">`);
  }
  // No preload of the wasm: Lighthouse's simulated load counts every request begun
  // before the largest paint into that paint, and a preload begins with the HTML, so
  // the app's 420 KB (gzip) landed in the shell's paint: LCP 3.2 s, score 0.93. The
  // loader fetches it as soon as the script runs (measured: simulated 0.99; applied
  // throttling still 1.0, with the app interactive about 0.6 s later on slow 4G).
  const preloads = html.match(/<link rel="preload"[^>]*knockback_bg\.wasm[^>]*>/g) ?? [];
  if (preloads.length !== 1) throw new Error(`split: expected one preload of the wasm, found ${preloads.length}`);
  html = html.replace(preloads[0], "");
  rmSync(join(staging, trunkJs));
  rmSync(join(staging, trunkWasm));

  const files = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(staging, join(d.parentPath ?? d.path, d.name)).split("\\").join("/"))
    .sort();
  const kb = (p) => `${(readFileSync(join(staging, p)).length / 1024).toFixed(1)} KB`;
  console.log(`split: ${wasmFiles.length} wasm files in ${dirName}/: ${wasmFiles.map((n) => `${n} ${kb(`${dirName}/${n}`)}`).join(", ")}`);
  return { html, files };
}
