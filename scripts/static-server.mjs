// A small static file server for the release build, used by `scripts/serve.sh` and the
// end-to-end tests. It serves `dist/` under a base path and answers any unknown path
// inside the base with index.html, so a reload on a deep link (/applications/…) works.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** The precompressed copy to send: brotli, then gzip, as the client accepts and
 * `encodings` allows (["gzip"] stands in for a host like GitHub Pages; [] sends raw). */
function negotiate(req, encodings) {
  const accepted = String(req.headers["accept-encoding"] ?? "")
    .split(",")
    .map((e) => e.trim().split(";")[0]);
  return [["br", ".br"], ["gzip", ".gz"]].filter(([name]) => encodings.includes(name) && accepted.includes(name));
}

/** Starts a server; resolves to { server, url, requests } once listening. `requests` lists
 * each path asked for; `sent` holds { path, bytes, encoding } for every file sent.
 * `inject` (tests only): JavaScript every page runs first, as `<base>__inject.js`, so a
 * test can watch what the app does from its very start in any engine. */
export function startServer({ dir, base = "/", port = 0, host = "127.0.0.1", encodings = ["br", "gzip"], inject = null }) {
  const root = resolve(dir);
  const prefix = base.endsWith("/") ? base : `${base}/`;
  const requests = [];
  const sent = [];
  // Tests only: a predicate on the path; matching requests fail as a flaky line would.
  let outage = null;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push(path);
    if (outage?.(path)) {
      res.writeHead(503, { "content-type": "text/plain", "cache-control": "no-store" }).end("Unavailable");
      return;
    }
    if (!path.startsWith(prefix) && path !== prefix.slice(0, -1)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    const rel = normalize(path.slice(prefix.length));
    const file = join(root, rel);
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (inject !== null && rel === "__inject.js") {
      res.writeHead(200, { "content-type": TYPES[".js"], "cache-control": "no-store" }).end(inject);
      return;
    }
    let target = file;
    try {
      if (!(await stat(target)).isFile()) throw new Error("not a file");
    } catch {
      // A path with a file extension that does not exist is a real 404 (a missing
      // asset must not come back as HTML); anything else is an app route.
      if (extname(rel) && extname(rel) !== ".html") {
        res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
        return;
      }
      target = join(root, "index.html");
    }
    try {
      let body = null;
      let encoding = null;
      const modified = (await stat(target)).mtimeMs;
      for (const [name, suffix] of negotiate(req, encodings)) {
        try {
          // A compressed copy older than its file is stale (the file was edited after
          // the build): never send it.
          if ((await stat(target + suffix)).mtimeMs < modified) continue;
          body = await readFile(target + suffix);
          encoding = name;
          break;
        } catch {
          // no precompressed copy of this file: try the next, then the file itself
        }
      }
      if (inject !== null && extname(target) === ".html") {
        // Uncompressed, with the script first in <head> (the CSP allows 'self').
        const html = (await readFile(target, "utf8")).replace("<head>", `<head><script src="${prefix}__inject.js"></script>`);
        body = Buffer.from(html);
        encoding = null;
      }
      body ??= await readFile(target);
      sent.push({ path, bytes: body.length, encoding });
      res.writeHead(200, {
        ...(encoding ? { "content-encoding": encoding } : {}),
        vary: "Accept-Encoding",
        "content-type": TYPES[extname(target)] ?? "application/octet-stream",
        // index.html and the service worker must be re-checked so a new release is seen;
        // everything else has a hashed name and never changes.
        "cache-control": /(index\.html|sw\.js|\.webmanifest)$/.test(target) ? "no-cache" : "public, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
      });
      res.end(body);
    } catch {
      res.writeHead(500).end();
    }
  });
  return new Promise((ok) => {
    server.listen(port, host, () => {
      const { port: p } = server.address();
      ok({ server, url: `http://${host}:${p}${prefix}`, requests, sent, setOutage: (f) => { outage = f; } });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
  );
  const encodings = args.encodings === undefined ? undefined : args.encodings.split(",").filter(Boolean);
  const { url } = await startServer({ dir: args.dir ?? "dist", base: args.base ?? "/", port: Number(args.port ?? 8080), host: args.host ?? "127.0.0.1", encodings });
  console.log(`serving ${args.dir ?? "dist"} at ${url}`);
}
