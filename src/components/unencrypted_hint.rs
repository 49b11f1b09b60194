//! Beside a download that can't be encrypted (CSV, calendar, Markdown), while the lock is
//! on: says so, so nobody assumes the lock covers a file it doesn't.

use leptos::prelude::*;

use crate::state::use_store;

#[component]
pub(crate) fn UnencryptedHint() -> impl IntoView {
    let store = use_store();
    view! {
        <Show when=move || store.lock_on.get()>
            <p class="hint">"This file isn't encrypted: the lock can't cover it, and anyone who opens it can read it."</p>
        </Show>
    }
}
