//! "Deleted … Undo", "Moved … Undo": deleting and one-tap moves ask for nothing, and
//! this bar makes a slip harmless.

use leptos::prelude::*;
use std::time::Duration;

use crate::state::use_store;

/// Long enough to notice and reach the button by keyboard.
const UNDO_WINDOW: Duration = Duration::from_secs(10);

#[component]
pub(crate) fn UndoBar() -> impl IntoView {
    let store = use_store();
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        if store.undo.with(Option::is_some) {
            let handle = set_timeout_with_handle(move || store.undo.set(None), UNDO_WINDOW).ok();
            timer.set_value(handle);
        }
    });
    view! {
        <div class="undo-region" role="status" aria-live="polite">
            {move || store.undo.get().map(|d| view! {
                <div class="undo-bar">
                    <span>{d.sentence()}</span>
                    <button type="button" on:click=move |_| store.undo_last()>"Undo"</button>
                </div>
            })}
        </div>
    }
}
