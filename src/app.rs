//! The root component: provides the store, lays out the shell and routes between pages.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::eviction_notice::EvictionNotice;
use crate::components::nav::Nav;
use crate::components::route_focus::RouteFocus;
use crate::components::sample_banner::SampleBanner;
use crate::components::settings::unlock_screen::UnlockScreen;
use crate::components::storage_banner::StorageBanner;
use crate::components::undo_bar::UndoBar;
use crate::components::whole_notebook::WholeNotebook;
use crate::pages::{
    application_detail::ApplicationDetail,
    applications::Applications,
    company::Company,
    dashboard::Dashboard,
    edit_application::EditApplication,
    insights::Insights,
    new_application::NewApplication,
    not_found::NotFound,
    reflect::{Reflect, ReflectList},
    settings::Settings,
};
use crate::state::{Health, Store};

/// The router takes every link's click, and a fragment link taken that way moves no
/// focus: the skip link puts focus on the main region itself.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    ev.prevent_default();
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}

#[component]
pub(crate) fn App() -> impl IntoView {
    let store = Store::start();
    provide_context(store);
    let locked = move || matches!(store.health.get(), Health::AwaitingPassphrase { .. });
    view! {
        <Router base=crate::browser::base_path().to_owned()>
            <RouteFocus/>
            <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
            <header class="site-header">
                <div class="brand">
                    <span class="brand-name">"Knockback"</span>
                    <span class="brand-line">"Every no, a step forward"</span>
                </div>
                <Nav/>
            </header>
            <StorageBanner/>
            <div class="banners"><EvictionNotice/><SampleBanner/></div>
            <main id="main" tabindex="-1">
                <Show when=move || !locked() fallback=|| view! { <UnlockScreen/> }>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Dashboard/>
                    <Route path=path!("/applications") view=|| view! { <WholeNotebook><Applications/></WholeNotebook> }/>
                    <Route path=path!("/applications/new") view=|| view! { <WholeNotebook><NewApplication/></WholeNotebook> }/>
                    <Route path=path!("/applications/:id") view=|| view! { <WholeNotebook><ApplicationDetail/></WholeNotebook> }/>
                    <Route path=path!("/applications/:id/edit") view=|| view! { <WholeNotebook><EditApplication/></WholeNotebook> }/>
                    <Route path=path!("/companies/:name") view=|| view! { <WholeNotebook><Company/></WholeNotebook> }/>
                    <Route path=path!("/reflect/:id") view=|| view! { <WholeNotebook><Reflect/></WholeNotebook> }/>
                    <Route path=path!("/reflect") view=|| view! { <WholeNotebook><ReflectList/></WholeNotebook> }/>
                    <Route path=path!("/insights") view=|| view! { <WholeNotebook><Insights/></WholeNotebook> }/>
                    <Route path=path!("/settings") view=|| view! { <WholeNotebook><Settings/></WholeNotebook> }/>
                </Routes>
                </Show>
            </main>
            <UndoBar/>
            <footer class="site-footer">
                <p>"Your notebook stays in this browser. Nothing is sent anywhere."</p>
            </footer>
        </Router>
    }
}
