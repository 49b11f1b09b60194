//! The root component: provides the store, lays out the shell and routes between pages.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

use crate::components::eviction_notice::EvictionNotice;
use crate::components::nav::Nav;
use crate::components::on_demand::OnDemand;
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

// The pages the first visit doesn't need (all but the dashboard and the list, with its
// board), each a piece of the wasm of its own (the
// `wasm_split` attribute; `scripts/split.mjs` cuts the build there). A split point can't
// be generic, so each returns its page as an `AnyView`; `fallible` makes a piece that
// can't be fetched an `Err` for `OnDemand` to report, not an abort of the whole app.

/// One application: its stages, rounds, feedback and messages.
#[wasm_split(application, wasm_split_path = ::wasm_split_helpers, fallible)]
fn application_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <ApplicationDetail/> }.into_any())
}

/// The application form, new and edit: one piece.
#[wasm_split(form, wasm_split_path = ::wasm_split_helpers, fallible)]
fn new_application_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <NewApplication/> }.into_any())
}

#[wasm_split(form, wasm_split_path = ::wasm_split_helpers, fallible)]
fn edit_application_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <EditApplication/> }.into_any())
}

/// A company's page: its applications and reminders.
#[wasm_split(company, wasm_split_path = ::wasm_split_helpers, fallible)]
fn company_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <Company/> }.into_any())
}

/// Settings: backup, restore, CSV, the lock and its crypto.
#[wasm_split(settings, wasm_split_path = ::wasm_split_helpers, fallible)]
fn settings_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <Settings/> }.into_any())
}

/// The reflection wizard and summary, and the list of what to reflect on: one piece.
#[wasm_split(reflect, wasm_split_path = ::wasm_split_helpers, fallible)]
fn reflect_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <Reflect/> }.into_any())
}

#[wasm_split(reflect, wasm_split_path = ::wasm_split_helpers, fallible)]
fn reflect_list_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <ReflectList/> }.into_any())
}

/// Insights: themes, the technique board, the development plan, confidence over time.
#[wasm_split(insights, wasm_split_path = ::wasm_split_helpers, fallible)]
fn insights_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <Insights/> }.into_any())
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
                    <Route path=path!("/applications/new") view=|| view! { <OnDemand load=new_application_page/> }/>
                    <Route path=path!("/applications/:id") view=|| view! { <OnDemand load=application_page/> }/>
                    <Route path=path!("/applications/:id/edit") view=|| view! { <OnDemand load=edit_application_page/> }/>
                    <Route path=path!("/companies/:name") view=|| view! { <OnDemand load=company_page/> }/>
                    <Route path=path!("/reflect/:id") view=|| view! { <OnDemand load=reflect_page/> }/>
                    <Route path=path!("/reflect") view=|| view! { <OnDemand load=reflect_list_page/> }/>
                    <Route path=path!("/insights") view=|| view! { <OnDemand load=insights_page/> }/>
                    <Route path=path!("/settings") view=|| view! { <OnDemand load=settings_page/> }/>
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
