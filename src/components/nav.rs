//! The main navigation. `A` marks the current page with `aria-current="page"`.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::AppRoute;

#[component]
pub(crate) fn Nav() -> impl IntoView {
    view! {
        <nav aria-label="Main">
            <ul class="nav-list">
                <li><A href=AppRoute::Dashboard.href() exact=true>"Dashboard"</A></li>
                <li><A href=AppRoute::applications().href()>"Applications"</A></li>
                <li><A href=AppRoute::ReflectList.href()>"Reflect"</A></li>
                <li><A href=AppRoute::Insights.href()>"Insights"</A></li>
                <li><A href=AppRoute::Settings.href()>"Backup & settings"</A></li>
            </ul>
        </nav>
    }
}
