//! The page that hosts the "add application" form.

use leptos::prelude::*;

use crate::components::application::application_form::ApplicationForm;

#[component]
pub(crate) fn NewApplication() -> impl IntoView {
    crate::browser::set_title("Add an application");
    view! {
        <h1>"Add an application"</h1>
        <ApplicationForm/>
    }
}
