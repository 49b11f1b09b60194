// Knockback's service worker: keeps the app shell so that, after one visit, the app
// opens with no network at all. It never sees user data (that lives in localStorage).
//
// BUILD is replaced at build time (scripts/postbuild.mjs) with a hash of the release,
// so each release installs a fresh cache and the old one is deleted on activation.
const BUILD = "__KNOCKBACK_BUILD__";
// Every piece of the wasm and its loader (scripts/split.mjs), relative to the scope:
// the pieces loaded on demand are named by no tag in index.html, yet the app must open
// Settings, the wizard and Insights offline after one visit.
const CHUNKS = __KNOCKBACK_CHUNKS__;
const CACHE = `knockback-${BUILD}`;
const SCOPE = new URL(self.registration.scope);
const INDEX = new URL("./", SCOPE).href;

// The shell is index.html plus every asset it names (Trunk hashes their names), plus
// the pieces of the wasm.
async function shellUrls() {
  const html = await (await fetch(INDEX, { cache: "no-cache" })).text();
  const urls = new Set([INDEX, ...CHUNKS.map((c) => new URL(c, INDEX).href)]);
  for (const m of html.matchAll(/(?:href|src)="([^"#?]+)"|'(\/[^']+\.(?:js|wasm))'/g)) {
    const u = new URL(m[1] || m[2], INDEX);
    if (u.origin === SCOPE.origin && u.pathname.startsWith(SCOPE.pathname)) urls.add(u.href);
  }
  return [...urls];
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(await shellUrls());
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("knockback-") && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// Only ever write into this build's cache while it exists: once a newer release has
// deleted it, a request still finishing in this old worker must not bring it back.
async function remember(key, res) {
  if (await caches.has(CACHE)) await (await caches.open(CACHE)).put(key, res);
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== SCOPE.origin) return;
  if (req.mode === "navigate") {
    // Network first, so a new release shows up; the cached shell when offline. Any
    // route (a deep link) gets the same shell.
    event.respondWith(
      (async () => {
        try {
          const fresh = await fetch(req);
          if (fresh.ok) await remember(INDEX, fresh.clone());
          return fresh;
        } catch {
          return (await caches.match(INDEX)) || Response.error();
        }
      })(),
    );
    return;
  }
  // Hashed assets never change: cache first.
  event.respondWith(
    (async () => {
      const hit = await caches.match(req, { cacheName: CACHE });
      if (hit) return hit;
      const res = await fetch(req);
      if (res.ok && url.pathname.startsWith(SCOPE.pathname)) await remember(req, res.clone());
      return res;
    })(),
  );
});
