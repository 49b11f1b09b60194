//! The main navigation: one row in the header on wide screens, a tab bar fixed to the
//! bottom on phones (the CSS decides which). `A` marks the current page with
//! `aria-current="page"`. Each link has a small icon, hidden from assistive technology:
//! the link's text is its name.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::AppRoute;

/// The icons' strokes (24×24, drawn with `currentColor`, so they follow the link's colour).
const DASHBOARD: &str = "M4 4h7v7H4zM13 4h7v4h-7zM13 10h7v10h-7zM4 13h7v7H4z";
const APPLICATIONS: &str = "M4 7h16v12H4zM9 7V5h6v2M4 12h16";
const REFLECT: &str =
    "M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z";
const INSIGHTS: &str = "M4 20V4M4 20h16M8 16l4-5 3 3 5-6";
const SETTINGS: &str = "M4 7h10M18 7h2M4 17h2M10 17h10M16 5v4M8 15v4";

fn icon(d: &'static str) -> impl IntoView {
    view! {
        <svg class="nav-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d=d></path>
        </svg>
    }
}

#[component]
pub(crate) fn Nav() -> impl IntoView {
    view! {
        <nav aria-label="Main" class="main-nav">
            <ul class="nav-list">
                <li><A href=AppRoute::Dashboard.href() exact=true>{icon(DASHBOARD)}<span>"Dashboard"</span></A></li>
                <li><A href=AppRoute::applications().href()>{icon(APPLICATIONS)}<span>"Applications"</span></A></li>
                <li><A href=AppRoute::ReflectList.href()>{icon(REFLECT)}<span>"Reflect"</span></A></li>
                <li><A href=AppRoute::Insights.href()>{icon(INSIGHTS)}<span>"Insights"</span></A></li>
                // A tab has room for one word: on phones "Settings" shows and the full
                // name stays the link's accessible name (which contains the visible word).
                <li><A href=AppRoute::Settings.href()>{icon(SETTINGS)}
                    <span class="label-long">"Backup & settings"</span>
                    <span class="label-short" aria-hidden="true">"Settings"</span>
                </A></li>
            </ul>
        </nav>
    }
}
