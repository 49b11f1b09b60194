//! Knockback: a private, offline job-search tracker that turns every rejection into
//! feedback. Everything stays in this browser's localStorage.

mod app;
mod browser;
mod components;
mod error;
mod model;
mod pages;
mod routes;
mod state;
mod storage;

fn main() {
    // A bug must not fail silently: with `panic = "abort"` the wasm stops with only
    // "unreachable". Say what and where in the console (it stays on this machine).
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("Knockback stopped on a bug: {info}");
    }));
    // Let the static shell (index.html: the product's intro and a loading line) paint
    // first. On a fast load the wasm is ready before the browser's first frame, and the
    // app's first render, which reads the whole notebook, then became the first paint:
    // nothing on screen until it was done, and Lighthouse measured LCP at the wasm.
    // boot.js calls back once the shell has painted (at once if it already has, as on
    // any phone connection); without boot.js the app starts straight away.
    let after_shell = js_sys::Reflect::get(
        &leptos::prelude::window(),
        &wasm_bindgen::JsValue::from_str("knockbackAfterShell"),
    )
    .ok()
    .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok());
    let started = after_shell.is_some_and(|f| {
        f.call1(
            &wasm_bindgen::JsValue::NULL,
            &wasm_bindgen::closure::Closure::once_into_js(start),
        )
        .is_ok()
    });
    if !started {
        start();
    }
}

/// Replaces the static shell with the app.
fn start() {
    if let Some(shell) = leptos::prelude::document().get_element_by_id("shell") {
        shell.remove();
    }
    add_manifest_link();
    leptos::mount::mount_to_body(app::App);
}

/// Links the web app manifest under the base path. Added here rather than in
/// index.html because Trunk has no manifest pipeline that would prefix its URL.
fn add_manifest_link() {
    let document = leptos::prelude::document();
    let Ok(link) = document.create_element("link") else {
        return;
    };
    let _ = link.set_attribute("rel", "manifest");
    let _ = link.set_attribute("href", &browser::app_path("/public/manifest.webmanifest"));
    if let Some(head) = document.head() {
        let _ = head.append_child(&link);
    }
}
