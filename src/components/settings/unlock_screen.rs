//! Shown instead of the app while the notebook is locked with a passphrase.

use leptos::prelude::*;

use crate::state::use_store;

#[component]
pub(crate) fn UnlockScreen() -> impl IntoView {
    let store = use_store();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        store.unlock(passphrase.get_untracked(), move |r| {
            busy.set(false);
            if let Err(e) = r {
                error.set(Some(e.to_string()));
            }
        });
    };
    view! {
        <h1>"Your notebook is locked"</h1>
        <form class="card form narrow-form" on:submit=submit>
            <p>"Enter your passphrase to open it. It never leaves this browser."</p>
            <div class="field">
                <label for="unlock-passphrase">"Passphrase"</label>
                <input id="unlock-passphrase" type="password" autocomplete="current-password" aria-describedby="unlock-error"
                    prop:value=passphrase on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                <p class="field-error" id="unlock-error" role="alert">{error}</p>
            </div>
            <div class="actions">
                <button type="submit" disabled=busy>{move || if busy.get() { "Unlocking…" } else { "Unlock" }}</button>
            </div>
            <p class="hint">"Forgot it? Without the passphrase the data can't be read by anyone, including Knockback. A plain backup, if you made one, can be restored in another browser profile."</p>
        </form>
    }
}
