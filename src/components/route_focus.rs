//! Moves keyboard focus to the new page's heading after a route change, so keyboard and
//! screen-reader users start at the top of the new page instead of a stale link.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::focus::focus_heading;

#[component]
pub(crate) fn RouteFocus() -> impl IntoView {
    let location = use_location();
    Effect::new(move |prev: Option<String>| {
        let path = location.pathname.get();
        // Not on first load (the browser starts at the top), and not when only the query
        // changes (typing in the search box must keep focus there). A page whose code
        // arrives on demand draws its heading later: `focus_heading` waits for it.
        if prev.as_ref().is_some_and(|p| *p != path) {
            focus_heading();
        }
        path
    });
}
