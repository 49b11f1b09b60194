//! A small coloured label for an application's stage.

use leptos::prelude::*;

use crate::model::Stage;

#[component]
pub(crate) fn StageBadge(stage: Stage) -> impl IntoView {
    view! { <span class=format!("badge stage-{}", stage.key())>{stage.label()}</span> }
}
