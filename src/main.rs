//! Knockback: a private, offline job-search tracker that turns every rejection into
//! feedback. Everything stays in this browser's localStorage.

mod app;
mod browser;
mod components;
mod model;
mod pages;
mod state;
mod storage;

fn main() {
    // The static shell in index.html shows a loading line; mounting replaces it.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
