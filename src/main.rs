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
    // The static shell in index.html shows a loading line; mounting replaces it.
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
