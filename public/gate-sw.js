// Service worker of the gate scanner (scope /gate): keeps the scanner page, its build assets and the QR decoder
// on the phone so the page opens and scans without a network. The gate API is never cached: scans and syncs
// go to the network, and the page falls back to its own IndexedDB data when they fail.
const CACHE = "pendopo-gate-v1";
const PRECACHE = ["/gate", "/gate-decoder-worker.js", "/gate/zxing-reader.js", "/gate/zxing_reader.wasm"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith("pendopo-gate-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (url.pathname.startsWith("/build/")) {
    // Hashed file names never change: cache first, and keep every asset the page loaded.
    event.respondWith(caches.match(req, { ignoreVary: true }).then((hit) => hit || fetch(req).then((res) => store(req, res))));
    return;
  }
  if (req.mode === "navigate" || url.pathname.startsWith("/gate")) {
    // The page and the decoder: fresh when online (a new build), the cached copy when not.
    event.respondWith(fetch(req).then((res) => store(req, res)).catch(() => caches.match(req, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || caches.match("/gate", { ignoreVary: true }))));
  }
});

// The page sends the build files it loaded before this worker controlled it, so a reload offline finds them.
self.addEventListener("message", (event) => {
  const urls = Array.isArray(event.data?.cache) ? event.data.cache.filter((u) => typeof u === "string" && new URL(u, self.location.origin).pathname.startsWith("/build/")) : [];
  if (urls.length > 0) event.waitUntil(caches.open(CACHE).then((c) => c.addAll(urls)).catch(() => {}));
});

function store(req, res) {
  if (res.ok && res.type === "basic") {
    const copy = res.clone();
    void caches.open(CACHE).then((c) => c.put(req, copy));
  }
  return res;
}
