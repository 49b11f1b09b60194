//! One row of the applications list: the link to it, its badges, a quick stage change
//! (dated today, as the detail page's form defaults to) and the "⋯" menu.

use leptos::prelude::*;
use uuid::Uuid;

use crate::browser::format_date;
use crate::components::application::move_menu::record_move;
use crate::components::application::row_menu::RowMenu;
use crate::components::choice_select::ChoiceSelect;
use crate::components::deferred::AfterPaint;
use crate::components::focus::focus_later;
use crate::model::Stage;
use crate::routes::AppRoute;
use crate::state::use_store;

#[derive(Clone, PartialEq)]
pub(crate) struct Row {
    pub(crate) id: Uuid,
    pub(crate) company: String,
    pub(crate) role: String,
    pub(crate) stage: Stage,
    pub(crate) applied_on: Option<chrono::NaiveDate>,
    pub(crate) needs_feedback: bool,
    pub(crate) follow_up_due: bool,
    pub(crate) sample: bool,
}

/// `announce`: the page's polite live region, which says why a move didn't happen
/// (the Undo bar says what moved).
#[component]
pub(crate) fn ListRow(row: Row, announce: RwSignal<Option<String>>) -> impl IntoView {
    let store = use_store();
    let id = row.id;
    let name = format!("{} at {}", row.role, row.company);
    let select_id = format!("stage-{id}");
    let change = {
        let select_id = select_id.clone();
        move |to: Option<Stage>| {
            if let Some(to) = to.filter(|to| *to != row.stage) {
                announce.set(record_move(store, id, to));
                // The row is drawn again (or leaves an Active/Closed view); keep focus
                // on its stage if it is still here.
                focus_later(select_id.clone());
            }
        }
    };
    view! {
        <li class="card app-row">
            // A plain link: the router still handles the click, and a row
            // needs none of `<A>`'s active-link tracking (cheaper per row).
            <a href=AppRoute::Application(id).href()>
                <span class="app-company">{row.company.clone()}</span>
                <span class="app-role">{row.role.clone()}</span>
            </a>
            {row.needs_feedback.then(|| view! { <span class="badge due">"Needs feedback"</span> })}
            {row.follow_up_due.then(|| view! { <span class="badge due">"Follow-up due"</span> })}
            {row.sample.then(|| view! { <span class="badge">"Sample"</span> })}
            <span class="muted">
                {row.applied_on.map(|d| format!("Applied {}", format_date(d))).unwrap_or_else(|| "Not applied yet".into())}
            </span>
            // The controls follow a frame after the row (see `AfterPaint`); the span
            // keeps their room, so nothing moves when they arrive.
            <span class="row-actions">
                <AfterPaint>
                    <ChoiceSelect id=select_id.clone() label=format!("Stage of {name}") value=row.stage.key().to_owned()
                        disabled=Signal::derive(move || !store.writable()) on_change=change.clone()/>
                    <RowMenu id=id name=name.clone()/>
                </AfterPaint>
            </span>
        </li>
    }
}
