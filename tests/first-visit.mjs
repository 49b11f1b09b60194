// The files a first visit downloads before the first page can run, relative to the build
// folder: index.html, every file it names (the stylesheet, the icon, the scripts and the
// wasm it preloads), every script those import statically, and the service worker. Not
// the pieces of the wasm loaded on demand (the service worker fetches them after the
// page is up, for offline use), nor files only the manifest names. Shared by the size
// budget (tests/size.test.mjs) and the benchmark.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The files of the first visit, relative to dist/. */
export function firstVisit(dir) {
  const html = readFileSync(join(dir, "index.html"), "utf8");
  const files = new Set(["index.html", "sw.js"]);
  const local = (ref, from) => {
    if (/^[a-z]+:|^data:|^#/.test(ref)) return null;
    // Asset URLs carry the public URL ("/" or "/knockback/"): resolve them in dist/.
    const path = ref.startsWith("/") ? ref.replace(/^\/+/, "") : join(dirname(from), ref);
    return existsSync(join(dir, path)) ? path.split("\\").join("/") : null;
  };
  for (const m of html.matchAll(/\b(?:href|src)="([^"#?]+)"|'(\/[^']+\.(?:js|wasm))'/g)) {
    const path = local(m[1] ?? m[2], "index.html");
    if (path) files.add(path);
  }
  // Static imports of the scripts: a module graph the browser fetches before it runs.
  const queue = [...files].filter((f) => f.endsWith(".js"));
  while (queue.length) {
    const from = queue.pop();
    const body = readFileSync(join(dir, from), "utf8");
    for (const m of body.matchAll(/^\s*import\s+(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm)) {
      const path = local(m[1], from);
      if (path && !files.has(path)) { files.add(path); queue.push(path); }
    }
  }
  return [...files].sort();
}
