// Runs before the app. Kept out of index.html so the page needs no inline script of
// its own under the Content-Security-Policy.
(function () {
  var loading = document.querySelector(".shell-loading");
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    // Say so instead of a loading line that never ends.
    var box = document.querySelector(".no-wasm");
    if (box) box.hidden = false;
    return;
  }
  if (loading) loading.hidden = false;

  // Offline after the first visit: the service worker sits next to this file, at the
  // root of wherever the app is hosted (also under a sub-path).
  var self = document.currentScript && document.currentScript.src;
  if (self && "serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    var sw = new URL("sw.js", self);
    navigator.serviceWorker.register(sw.href, { scope: new URL("./", sw).pathname }).catch(function () {
      // Without a service worker the app still works online; nothing to tell the user.
    });
  }
})();
