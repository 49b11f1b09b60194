//! Records a move to another stage, dated today or back-dated (entering an old
//! application, or a rejection that arrived while the user was away).

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::choice_select::ChoiceSelect;
use crate::model::changes::parse_change_date;
use crate::model::choice::Choice;
use crate::model::Stage;
use crate::state::use_store;

#[component]
pub(crate) fn StageChangeForm(id: Uuid, current: Stage) -> impl IntoView {
    let store = use_store();
    let stage = RwSignal::new(current.key().to_owned());
    let on = RwSignal::new(crate::browser::today().to_string());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(new_stage) = <Stage as Choice>::from_key(&stage.get_untracked()) else {
            error.set(Some("Choose a stage from the list.".into()));
            return;
        };
        let on = match parse_change_date(&on.get_untracked()) {
            Ok(on) => on,
            Err(e) => {
                status.set(None);
                error.set(Some(e));
                return;
            }
        };
        let result = store
            .update(|d| {
                d.record_stage(
                    id,
                    new_stage,
                    on,
                    crate::browser::today(),
                    chrono::Utc::now(),
                )
            })
            .unwrap_or(Ok(()));
        match result {
            Ok(()) => {
                error.set(None);
                status.set(Some(format!("Moved to {}.", new_stage.label())));
            }
            Err(e) => {
                status.set(None);
                error.set(Some(e));
            }
        }
    };

    view! {
        <form class="inline-form" on:submit=submit aria-labelledby="change-stage-title" novalidate=true>
            <h3 id="change-stage-title">"Record a stage change"</h3>
            <div class="field">
                <label for="new-stage">"New stage"</label>
                <ChoiceSelect id="new-stage" value=stage
                    on_change={move |s: Option<Stage>| stage.set(s.map(Stage::key).unwrap_or_default().to_owned())}/>
            </div>
            <div class="field">
                <label for="stage-date">"Date of the change"</label>
                <input
                    id="stage-date"
                    type="date"
                    aria-describedby="stage-date-error"
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    prop:value=on
                    on:input=move |ev| on.set(event_target_value(&ev))
                />
                <p class="field-error" id="stage-date-error" aria-live="polite">{error}</p>
            </div>
            <div class="actions">
                <button type="submit" disabled=move || !store.writable()>"Record change"</button>
                <span role="status">{status}</span>
            </div>
        </form>
    }
}
