//! "Move to Interviewing?": offered once an interview round is recorded while the
//! stage still says Saved, Applied or Screening. One tap records a dated stage change;
//! "Not now" hides it. Nothing changes by itself.

use chrono::NaiveDate;
use leptos::prelude::*;
use uuid::Uuid;

use crate::browser::format_date;
use crate::model::Stage;
use crate::state::use_store;

/// `on`: the day the change would be dated (from `Application::interviewing_suggested`).
/// `dismissed`: the application "Not now" was pressed for. The page owns it, so the
/// answer lasts while the page is open, even though the page redraws after every edit.
#[component]
pub(crate) fn InterviewingPrompt(
    app_id: Uuid,
    current: Stage,
    on: NaiveDate,
    dismissed: RwSignal<Option<Uuid>>,
) -> impl IntoView {
    let store = use_store();
    let move_on = move |_| {
        let today = crate::browser::today();
        store.update(|d| {
            // The model never suggests a future date, so this can only fail if the
            // application was deleted in another tab; then there is nothing to move.
            let _ = d.record_stage(app_id, Stage::Interviewing, on, today, chrono::Utc::now());
        });
        // The page redraws without this prompt: take keyboard focus to the timeline,
        // where the new entry shows, instead of losing it to the top of the page.
        request_animation_frame(|| {
            if let Some(h) = document().get_element_by_id("timeline") {
                use wasm_bindgen::JsCast;
                if let Some(h) = h.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        });
    };
    view! {
        <Show when=move || dismissed.get() != Some(app_id)>
            <aside class="reminder" role="note" aria-labelledby="interviewing-title">
                <h3 id="interviewing-title">"Move to Interviewing?"</h3>
                <p>{format!(
                    "You've recorded an interview, and the stage still says {}. Moving it on keeps your timeline and stage counts right. It will be dated {}.",
                    current.label(),
                    format_date(on)
                )}</p>
                <div class="actions">
                    <button type="button" disabled=move || !store.writable() on:click=move_on>"Move to Interviewing"</button>
                    <button type="button" class="secondary" on:click=move |_| dismissed.set(Some(app_id))>"Not now"</button>
                </div>
            </aside>
        </Show>
    }
}
