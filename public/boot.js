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

  // The app replaces this page only once it has painted (see start-up in main.rs): on a
  // fast load the wasm is ready before the first frame, and the user then saw nothing
  // until the app's whole first render was done. Paint timing says when; a browser
  // without it, or a hidden tab (which never paints), goes on after 200 ms at most.
  var painted = false;
  var waiting = [];
  function shellPainted() {
    if (painted) return;
    painted = true;
    waiting.splice(0).forEach(function (f) { f(); });
  }
  window.knockbackAfterShell = function (f) {
    if (painted) f(); else waiting.push(f);
  };
  try {
    new PerformanceObserver(function (list) {
      if (list.getEntriesByName("first-contentful-paint").length) shellPainted();
    }).observe({ type: "paint", buffered: true });
  } catch (e) {
    // No paint timing: the timeout below decides.
  }
  setTimeout(shellPainted, 200);

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
