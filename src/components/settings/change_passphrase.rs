//! Changing the lock's passphrase: the current one first (so someone at an unlocked
//! device can't lock the owner out), then the new one twice.

use leptos::prelude::*;

use super::lock_panel::check_new;
use crate::state::use_store;

/// Changing the passphrase: the current one first, then the new one twice.
#[component]
pub(crate) fn ChangePassphrase(status: RwSignal<Option<String>>) -> impl IntoView {
    let store = use_store();
    let current = RwSignal::new(String::new());
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new = first.get_untracked();
        if let Err(e) = check_new(&new, &second.get_untracked()) {
            return error.set(Some(e.to_string()));
        }
        error.set(None);
        busy.set(true);
        store.change_passphrase(current.get_untracked(), new, move |r| {
            busy.set(false);
            match r {
                Ok(message) => {
                    for s in [current, first, second] {
                        s.set(String::new());
                    }
                    status.set(Some(message));
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    view! {
        <form class="inline-form" on:submit=submit aria-label="Change the passphrase" novalidate=true>
            <h3>"Change the passphrase"</h3>
            <div class="field">
                <label for="lock-current">"Current passphrase"</label>
                <input id="lock-current" type="password" autocomplete="current-password" aria-describedby="change-error"
                    prop:value=current on:input=move |ev| current.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="lock-new">"New passphrase"</label>
                <input id="lock-new" type="password" autocomplete="new-password" aria-describedby="change-error"
                    prop:value=first on:input=move |ev| first.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="lock-new-confirm">"Repeat the new passphrase"</label>
                <input id="lock-new-confirm" type="password" autocomplete="new-password" aria-describedby="change-error"
                    prop:value=second on:input=move |ev| second.set(event_target_value(&ev))/>
            </div>
            <p class="field-error" id="change-error" role="alert">{error}</p>
            <div class="actions">
                <button type="submit" class="secondary" disabled=busy>
                    {move || if busy.get() { "Changing…" } else { "Change passphrase" }}
                </button>
            </div>
        </form>
    }
}
