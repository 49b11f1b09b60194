// Runs before the app: if this browser cannot run WebAssembly, say so instead of
// leaving the loading line spinning forever. Kept outside index.html so the page can
// run under a Content-Security-Policy without inline scripts.
(function () {
  if (typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function") return;
  var box = document.querySelector(".no-wasm");
  var loading = document.querySelector(".shell-loading");
  if (box) box.hidden = false;
  if (loading) loading.hidden = true;
})();
