// Trunk post-build hook (see Trunk.toml): cuts the wasm into the pieces loaded on demand
// (scripts/split.mjs), adds the Content-Security-Policy to index.html with the hash of
// Trunk's inline loader script, and stamps the service worker with the build (so each
// release replaces the previous cache) and with the pieces it must cache.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { split } from "./split.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)");
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pieces = split({ staging: dir, root, html });
html = pieces.html;

const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`,
);
const csp = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
if (html.includes(`http-equiv="Content-Security-Policy"`)) throw new Error("index.html already has a CSP");
// Right after the charset, before any script or stylesheet, so it governs them all.
if (!/<meta charset="utf-8">/.test(html)) throw new Error("index.html has no <meta charset> to anchor the CSP");
html = html.replace(/<meta charset="utf-8">/, (m) => `${m}\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`);
writeFileSync(indexPath, html);

const swPath = join(dir, "sw.js");
const build = createHash("sha256").update(html).digest("hex").slice(0, 12);
const sw = readFileSync(swPath, "utf8");
if (!sw.includes("__KNOCKBACK_CHUNKS__")) throw new Error("sw.js has no __KNOCKBACK_CHUNKS__ to stamp");
writeFileSync(swPath, sw.replace("__KNOCKBACK_BUILD__", build).replace("__KNOCKBACK_CHUNKS__", JSON.stringify(pieces.files)));
console.log(`postbuild: CSP with ${hashes.length} script hash(es), service worker build ${build}`);

// Precompressed copies beside every text and wasm asset: brotli at quality 11 (24% smaller
// than gzip here) and gzip at level 9, so a host that serves them (scripts/static-server.mjs,
// Netlify, Cloudflare; GitHub Pages serves only gzip) spends no CPU per request. Written last,
// after index.html and sw.js got their final bytes.
const { brotliCompressSync, gzipSync, constants } = await import("node:zlib");
const { readdirSync } = await import("node:fs");
const COMPRESSIBLE = /\.(html|js|mjs|wasm|css|svg|json|webmanifest|txt|ico)$/;
let raw = 0, br = 0, gz = 0;
for (const name of readdirSync(dir, { recursive: true })) {
  if (!COMPRESSIBLE.test(name)) continue;
  const path = join(dir, name);
  const body = readFileSync(path);
  const b = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: /\.wasm$/.test(name) ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  const g = gzipSync(body, { level: 9 });
  writeFileSync(`${path}.br`, b);
  writeFileSync(`${path}.gz`, g);
  raw += body.length; br += b.length; gz += g.length;
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`postbuild: precompressed ${kb(raw)} to ${kb(br)} brotli, ${kb(gz)} gzip`);
