//! Changing the lock's passphrase: the current one first (so someone at an unlocked
//! device can't lock the owner out), then the new one twice.

use leptos::prelude::*;

use super::lock_panel::check_new;
use super::password_field::PasswordField;
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
            <PasswordField id="lock-current" label="Current passphrase" value=current described_by="change-error"/>
            <PasswordField id="lock-new" label="New passphrase" value=first described_by="change-error" new=true/>
            <PasswordField id="lock-new-confirm" label="Repeat the new passphrase" value=second described_by="change-error" new=true/>
            <p class="field-error" id="change-error" role="alert">{error}</p>
            <div class="actions">
                <button type="submit" class="secondary" disabled=busy>
                    {move || if busy.get() { "Changing…" } else { "Change passphrase" }}
                </button>
            </div>
        </form>
    }
}
