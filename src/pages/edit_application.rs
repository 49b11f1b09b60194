//! Editing an application's details.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::components::application::application_form::ApplicationForm;
use crate::routes::AppRoute;
use crate::state::use_store;

#[component]
pub(crate) fn EditApplication() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        let id = params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok()))?;
        store
            .data
            .with(|d| d.application(id).is_some())
            .then_some(id)
    });
    move || match id.get() {
        Some(id) => {
            crate::browser::set_title("Edit application");
            view! {
                <p class="breadcrumb"><A href=AppRoute::Application(id).href() exact=true>"← Back to the application"</A></p>
                <h1>"Edit application"</h1>
                <ApplicationForm editing=id/>
            }
            .into_any()
        }
        None => view! {
            <h1>"Application not found"</h1>
            <p class="card">"There's nothing to edit at this address."</p>
        }
        .into_any(),
    }
}
