//! The main navigation. `A` marks the current page with `aria-current="page"`.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub(crate) fn Nav() -> impl IntoView {
    view! {
        <nav aria-label="Main">
            <ul class="nav-list">
                <li><A href="/" exact=true>"Dashboard"</A></li>
                <li><A href="/applications">"Applications"</A></li>
                <li><A href="/reflect">"Reflect"</A></li>
                <li><A href="/insights">"Insights"</A></li>
                <li><A href="/settings">"Backup & settings"</A></li>
            </ul>
        </nav>
    }
}
