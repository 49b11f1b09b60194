//! "Ghosted?": offered for open applications with no news for 30 days. Nothing changes
//! unless the user confirms.

use leptos::prelude::*;
use uuid::Uuid;

use crate::state::use_store;

#[component]
pub(crate) fn GhostedPrompt(app_id: Uuid, days: i64) -> impl IntoView {
    let store = use_store();
    let dismissed = RwSignal::new(false);
    view! {
        <Show when=move || !dismissed.get()>
            <aside class="reminder" role="note" aria-labelledby="ghosted-title">
                <h2 id="ghosted-title">"Ghosted?"</h2>
                <p>{format!("No news for {days} days. If they've gone quiet, marking it as ghosted keeps your list honest. You can still change it later.")}</p>
                <div class="actions">
                    <button type="button" disabled=move || !store.writable() on:click=move |_| {
                        let today = crate::browser::today();
                        store.update(|d| { let _ = d.mark_ghosted(app_id, today, chrono::Utc::now()); });
                    }>"Mark as ghosted"</button>
                    <button type="button" class="secondary" on:click=move |_| dismissed.set(true)>"Not yet"</button>
                </div>
            </aside>
        </Show>
    }
}
