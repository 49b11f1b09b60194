//! The optional passphrase lock: data at rest encrypted in this browser, and backups
//! downloadable encrypted or plain.

use leptos::prelude::*;

use crate::browser::{download, today};
use crate::state::use_store;

const MIN_PASSPHRASE: usize = 8;

#[component]
pub(crate) fn LockPanel() -> impl IntoView {
    let store = use_store();
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let enable = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = first.get_untracked();
        if p.chars().count() < MIN_PASSPHRASE {
            return error.set(Some(format!("Use at least {MIN_PASSPHRASE} characters; a short sentence is easiest to remember.")));
        }
        if p != second.get_untracked() {
            return error.set(Some("The two passphrases don't match.".into()));
        }
        error.set(None);
        busy.set(true);
        store.enable_lock(p, move |r| {
            busy.set(false);
            match r {
                Ok(()) => {
                    first.set(String::new());
                    second.set(String::new());
                    status.set(Some(
                        "Locked. Your notebook is now stored encrypted.".into(),
                    ));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let encrypted_backup = move |_| {
        store.encrypted_backup(move |r| match r {
            Ok(text) => {
                let name = format!(
                    "knockback-backup-{}-encrypted.json",
                    today().format("%Y-%m-%d")
                );
                status.set(download(&name, "application/json", &text).err());
            }
            Err(e) => error.set(Some(e)),
        });
    };
    view! {
        <section class="card" aria-labelledby="lock-h">
            <h2 id="lock-h">"Passphrase lock"</h2>
            <Show
                when=move || store.locked.get()
                fallback=move || view! {
                    <p>"Optional. Encrypts your notebook in this browser (AES-GCM, with a key made from your passphrase), so anyone using this device can't read it. There's no way to recover a forgotten passphrase."</p>
                    <form class="inline-form" on:submit=enable aria-label="Turn on the passphrase lock" novalidate=true>
                        <div class="field">
                            <label for="lock-passphrase">"New passphrase"</label>
                            <input id="lock-passphrase" type="password" autocomplete="new-password" aria-describedby="lock-error"
                                prop:value=first on:input=move |ev| first.set(event_target_value(&ev))/>
                        </div>
                        <div class="field">
                            <label for="lock-confirm">"Repeat the passphrase"</label>
                            <input id="lock-confirm" type="password" autocomplete="new-password" aria-describedby="lock-error"
                                prop:value=second on:input=move |ev| second.set(event_target_value(&ev))/>
                        </div>
                        <p class="field-error" id="lock-error" role="alert">{error}</p>
                        <div class="actions">
                            <button type="submit" disabled=move || busy.get() || !store.writable()>
                                {move || if busy.get() { "Locking…" } else { "Lock with this passphrase" }}
                            </button>
                        </div>
                    </form>
                }
            >
                <p>"Your notebook is stored encrypted. You'll be asked for the passphrase each time Knockback opens."</p>
                <div class="actions">
                    <button type="button" class="secondary" on:click=encrypted_backup>"Download encrypted backup"</button>
                    <button type="button" class="secondary danger" on:click=move |_| {
                        store.disable_lock();
                        status.set(Some("The lock is off. Your notebook is stored in plain text again.".into()));
                    }>"Remove the lock"</button>
                </div>
                <p class="field-error" role="alert">{error}</p>
            </Show>
            <p role="status">{status}</p>
        </section>
    }
}
