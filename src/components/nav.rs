//! The main navigation. `A` marks the current page with `aria-current="page"`.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub(crate) fn Nav() -> impl IntoView {
    view! {
        <nav aria-label="Main">
            <ul class="nav-list">
                <li><A href=crate::browser::app_path("/") exact=true>"Dashboard"</A></li>
                <li><A href=crate::browser::app_path("/applications")>"Applications"</A></li>
                <li><A href=crate::browser::app_path("/reflect")>"Reflect"</A></li>
                <li><A href=crate::browser::app_path("/insights")>"Insights"</A></li>
                <li><A href=crate::browser::app_path("/settings")>"Backup & settings"</A></li>
            </ul>
        </nav>
    }
}
