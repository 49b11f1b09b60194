//! Shown for any address the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub(crate) fn NotFound() -> impl IntoView {
    crate::browser::set_title("Page not found");
    view! {
        <h1>"Page not found"</h1>
        <p class="card">"There's nothing at this address. Your data is safe; it just isn't on this page."</p>
        <p><A href=crate::routes::AppRoute::Dashboard.href()>"Go to the dashboard"</A></p>
    }
}
