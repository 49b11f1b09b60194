//! The optional passphrase lock: what it protects and what it doesn't, in plain words;
//! turning it on and off; changing the passphrase; backups encrypted or, when asked,
//! plain; and any copy the lock could not cover, with a way to deal with it.

use leptos::prelude::*;

use crate::error::PassphraseError;
use crate::model::wording::count;
use crate::state::{use_store, Offer};

use super::change_passphrase::ChangePassphrase;
use super::lock_coverage::LockCoverage;
use super::password_field::PasswordField;

const MIN_PASSPHRASE: usize = 8;

/// Checks a new passphrase and its repetition; the error says what to do.
pub(crate) fn check_new(first: &str, second: &str) -> Result<(), PassphraseError> {
    if first.chars().count() < MIN_PASSPHRASE {
        return Err(PassphraseError::TooShort(MIN_PASSPHRASE));
    }
    if first != second {
        return Err(PassphraseError::Mismatch);
    }
    Ok(())
}

#[component]
pub(crate) fn LockPanel() -> impl IntoView {
    let store = use_store();
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // Recounted after anything that may seal or remove copies.
    let copies_tick = RwSignal::new(0u32);
    let readable = Memo::new(move |_| {
        copies_tick.track();
        store.lock_on.track();
        store.readable_copies()
    });
    let enable = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = first.get_untracked();
        if let Err(e) = check_new(&p, &second.get_untracked()) {
            return error.set(Some(e.to_string()));
        }
        error.set(None);
        busy.set(true);
        store.enable_lock(p, move |r| {
            busy.set(false);
            copies_tick.update(|n| *n += 1);
            match r {
                Ok(message) => {
                    first.set(String::new());
                    second.set(String::new());
                    status.set(Some(message));
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    let download = move |what: Offer| {
        store.offer(what, move |r| match r {
            Ok(name) => status.set(Some(format!("Downloaded {name}."))),
            Err(e) => error.set(Some(e.to_string())),
        });
    };
    let disable = move |_| {
        error.set(None);
        store.disable_lock(move |message| {
            copies_tick.update(|n| *n += 1);
            status.set(Some(message));
        });
    };
    view! {
        <section class="card" aria-labelledby="lock-h">
            <h2 id="lock-h">"Passphrase lock"</h2>
            <Show
                when=move || store.lock_on.get()
                fallback=move || view! {
                    <p>"Optional. Encrypts everything Knockback keeps in this browser with a key made from your passphrase (AES-GCM), so someone else using this device can't read it. There's no way to recover a forgotten passphrase."</p>
                    <form class="inline-form" on:submit=enable aria-label="Turn on the passphrase lock" novalidate=true>
                        <PasswordField id="lock-passphrase" label="New passphrase" value=first described_by="lock-error" new=true/>
                        <PasswordField id="lock-confirm" label="Repeat the passphrase" value=second described_by="lock-error" new=true/>
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
                <LockCoverage/>
                {move || {
                    let keys = readable.get();
                    (!keys.is_empty()).then(|| view! {
                        <div class="banner banner-warn" role="alert">
                            <h3>{format!("{} still readable", count(keys.len(), "copy is", "copies are"))}</h3>
                            <p>"A safety copy or set-aside copy beside your notebook could not be encrypted, so anyone using this browser could read it. Encrypt it now, or delete it (download a backup first if you may need it)."</p>
                            <div class="actions">
                                <button type="button" on:click=move |_| store.seal_readable_copies(move |m| {
                                    copies_tick.update(|n| *n += 1);
                                    status.set(Some(m));
                                })>"Encrypt them now"</button>
                                <button type="button" class="secondary danger" on:click=move |_| {
                                    match store.delete_readable_copies() {
                                        Ok(n) => status.set(Some(format!("Deleted {}.", count(n, "readable copy", "readable copies")))),
                                        Err(e) => error.set(Some(format!("Nothing was deleted: {e}"))),
                                    }
                                    copies_tick.update(|n| *n += 1);
                                }>"Delete them"</button>
                            </div>
                        </div>
                    })
                }}
                <div class="actions">
                    <button type="button" class="secondary" on:click=move |_| download(Offer::Backup)>"Download encrypted backup"</button>
                    <button type="button" class="secondary" aria-describedby="plain-hint" on:click=move |_| download(Offer::PlainBackup)>"Download unencrypted backup"</button>
                </div>
                <p class="hint" id="plain-hint">"An unencrypted backup can be read by anyone who opens the file. Keep it somewhere only you can reach."</p>
                <ChangePassphrase status=status/>
                <div class="actions">
                    <button type="button" class="secondary danger" on:click=disable>"Remove the lock"</button>
                </div>
                <p class="field-error" role="alert">{error}</p>
            </Show>
            <p role="status">{status}</p>
        </section>
    }
}
