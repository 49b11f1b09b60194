//! Moves keyboard focus to the new page's heading after a route change, so keyboard and
//! screen-reader users start at the top of the new page instead of a stale link.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

#[component]
pub(crate) fn RouteFocus() -> impl IntoView {
    let location = use_location();
    Effect::new(move |prev: Option<String>| {
        let path = location.pathname.get();
        // Not on first load (the browser starts at the top), and not when only the query
        // changes (typing in the search box must keep focus there).
        if prev.as_ref().is_some_and(|p| *p != path) {
            // After the new page has rendered.
            request_animation_frame(|| {
                let doc = document();
                let target = doc
                    .query_selector("main h1")
                    .ok()
                    .flatten()
                    .or_else(|| doc.get_element_by_id("main"));
                if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    if !el.has_attribute("tabindex") {
                        let _ = el.set_attribute("tabindex", "-1");
                    }
                    let _ = el.focus();
                }
            });
        }
        path
    });
}
